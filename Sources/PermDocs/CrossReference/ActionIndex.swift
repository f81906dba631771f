/// One place a tool's guide names an action.
public struct ActionUse: Hashable, Sendable {
    public var action: Action
    public var block: BlockReference
    public var blockKind: PolicyBlock.Kind
    public var grantee: PolicyBlock.Grantee
    public var isAllow: Bool
    public var location: SourceLocation
}

/// How a tool needs one action, summarised over all the places it names it.
public struct ToolNeed: Hashable, Sendable {
    /// Named in a block that is not optional (identity policy or excerpt).
    public var required: Bool
    /// Named only in optional add-ons.
    public var onlyOptional: Bool { !required }
    /// Granted to a service role rather than to the user.
    public var viaServiceRole: Bool
    /// The blocks that name it, in page order.
    public var blocks: [BlockReference]
    /// Spellings the guide used, sorted.
    public var spellings: [String]
}

/// Every action that any tool's guide allows, and which tools need it, how.
///
/// Trust policies are left out (their `sts:AssumeRole` is what the service
/// does, not a permission to grant), and so are Deny statements.
public struct ActionIndex: Sendable {
    /// Action (case-insensitive) → tool slug → need.
    public private(set) var needs: [Action: [String: ToolNeed]] = [:]
    /// Tool slug → its uses, Allow and Deny, in page order.
    public private(set) var uses: [String: [ActionUse]] = [:]
    /// Tool slugs in site order.
    public let toolOrder: [String]

    public init(tools: [AnalyzedTool]) {
        toolOrder = tools.map(\.slug)
        for tool in tools {
            var toolUses: [ActionUse] = []
            for block in tool.blocks where block.grantsPermissions {
                for st in block.policy!.statements {
                    for a in st.actions ?? [] {
                        toolUses.append(ActionUse(action: a.value, block: block.reference, blockKind: block.kind, grantee: block.grantee, isAllow: st.isAllow, location: a.location))
                    }
                }
            }
            uses[tool.slug] = toolUses
            for use in toolUses where use.isAllow {
                var need = needs[use.action, default: [:]][tool.slug] ?? ToolNeed(required: false, viaServiceRole: false, blocks: [], spellings: [])
                if use.blockKind != .optionalAddOn { need.required = true }
                if use.grantee == .serviceRole { need.viaServiceRole = true }
                if !need.blocks.contains(use.block) { need.blocks.append(use.block) }
                if !need.spellings.contains(use.action.written) { need.spellings = (need.spellings + [use.action.written]).sorted() }
                needs[use.action, default: [:]][tool.slug] = need
            }
        }
    }

    /// All actions, sorted by service then name (case-insensitive).
    public var actions: [Action] {
        needs.keys.sorted { ($0.service, $0.key) < ($1.service, $1.key) }
    }

    /// The actions one tool allows, sorted.
    public func actions(of tool: String) -> [Action] {
        needs.filter { $0.value[tool] != nil }.keys.sorted { ($0.service, $0.key) < ($1.service, $1.key) }
    }

    /// How one tool needs one action, or nil.
    public func need(_ action: Action, by tool: String) -> ToolNeed? { needs[action]?[tool] }

    /// The spelling to show for an action: the first one in tool order.
    public func displayName(_ action: Action) -> String {
        for slug in toolOrder { if let s = needs[action]?[slug]?.spellings.first { return s } }
        return action.written
    }
}
