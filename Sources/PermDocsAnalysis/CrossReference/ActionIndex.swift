/// One place a tool's guide names an action.
import PermDocsCore
import PermDocsPolicy

public struct ActionUse: Hashable, Sendable {
    public var action: Action
    public var block: BlockReference
    public var blockKind: PolicyBlock.Kind
    public var grantee: PolicyBlock.Grantee
    /// In an optional add-on, or a statement the guide says is optional.
    public var isOptional: Bool
    public var isAllow: Bool
    public var location: SourceLocation
}

/// How a tool needs one action it names, summarised over all the places it
/// names it (the by-name view used by the HTML pages; `ActionNeed` is the
/// wildcard-aware one).
public struct ToolNeed: Hashable, Sendable {
    /// Named in a statement that is not optional (of an identity policy or excerpt).
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

/// Every action that any tool's guide names, and which tools need it, how.
///
/// Two views of the same statements:
///
/// - **By name** (`needs`, `actions`, `need(_:by:)`): an action, or a pattern
///   taken as a name, under each tool whose Allow statements name it.
///   What the HTML pages show today.
/// - **Rows** (`rows`, `row(named:)`): wildcard-aware. The rows are the
///   actions some guide names (by name, in Allow or Deny), one row per
///   wildcard pattern as written, and one per NotAction statement. A
///   wildcard adds no rows of its own beyond its pattern row: `s3:*` would
///   otherwise add hundreds. Instead, for each action row the catalog knows,
///   every tool whose wildcard (or NotAction statement) covers it gets a
///   grant `via: .wildcard(pattern)`. Actions the catalog does not know keep
///   a row of their own, keyed by their lower-cased name, and are never
///   merged with a catalog action or covered by a wildcard: the action does
///   not exist, so no pattern grants it.
///
/// Trust policies are left out (their `sts:AssumeRole` is what the service
/// does, not a permission to grant). Deny statements are left out of the
/// by-name view and kept apart in the rows: a Deny never counts as a need.
public struct ActionIndex: Sendable {
    /// Action (case-insensitive) → tool slug → need, for Allow statements that name it.
    public private(set) var needs: [Action: [String: ToolNeed]] = [:]
    /// Tool slug → its uses, Allow and Deny, in page order.
    public private(set) var uses: [String: [ActionUse]] = [:]
    /// Tool slugs in site order.
    public let toolOrder: [String]
    /// The wildcard-aware rows, sorted by service, then key, then kind
    /// (action, pattern, NotAction). `ec2:Describe*` sorts just before the
    /// `ec2:Describe…` actions, as `*` sorts before letters.
    public let rows: [ActionRow]
    private let rowIndex: [ActionRow.ID: Int]
    /// Tool slug → the actions its Allow statements name, sorted as `actions`;
    /// computed once: pages ask for it per tool and per page.
    private var actionsByTool: [String: [Action]] = [:]

    /// Indexes the tools' permission-granting blocks, looking actions up in
    /// `catalog` (nil: every action is treated as unknown rather than failing the build).
    /// Tools are indexed on up to `concurrency` threads and merged in tool
    /// order, so the index is the same whatever the threads' timing.
    public init(tools: [AnalyzedTool], catalog: ActionCatalog?, concurrency: Int = ProcessInfoConcurrency.default) {
        toolOrder = tools.map(\.slug)
        // Tools of one slug (never two in a site) are indexed together, as one tool.
        var slugs: [String] = []
        var toolsBySlug: [String: [AnalyzedTool]] = [:]
        for tool in tools {
            if toolsBySlug[tool.slug] == nil { slugs.append(tool.slug) }
            toolsBySlug[tool.slug, default: []].append(tool)
        }
        let parts = ParallelMap.map(slugs, concurrency: concurrency, costliestFirst: { slug in
            toolsBySlug[slug]!.reduce(0) { $0 + $1.pages.reduce(0) { $0 + $1.blocks.count } }
        }) { ToolIndexPart(slug: $0, tools: toolsBySlug[$0]!, catalog: catalog) }
        for part in parts {
            uses[part.slug] = part.uses
            for (action, need) in part.needs {
                // Put back under this tool's spelling: the key is the action as last written.
                var byTool = needs.removeValue(forKey: action) ?? [:]
                byTool[part.slug] = need
                needs[action] = byTool
            }
        }
        rows = ActionRows.make(parts: parts, references: tools.flatMap { $0.pages.flatMap { $0.blocks.map(\.reference) } },
                               toolOrder: toolOrder, concurrency: concurrency)
        rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
        for action in Self.sorted(Array(needs.keys)) {
            for slug in needs[action]!.keys { actionsByTool[slug, default: []].append(action) }
        }
    }

    /// False for an action written as `""` (or blanks): the checker reports it
    /// where it stands ("is not an action"); as a row it had no name and no
    /// service, and sorted before every other row of the matrix.
    static func namesSomething(_ action: Action) -> Bool {
        action.written.contains { !$0.isWhitespace }
    }

    /// Sorted by service, then key; each action's service computed once, not per comparison.
    private static func sorted(_ actions: [Action]) -> [Action] {
        actions.map { (service: $0.service, action: $0) }
            .sorted { ($0.service, $0.action.key) < ($1.service, $1.action.key) }
            .map(\.action)
    }

    // MARK: By name

    /// All actions named by Allow statements, sorted by service then name (case-insensitive).
    public var actions: [Action] {
        Self.sorted(Array(needs.keys))
    }

    /// The actions one tool's Allow statements name, sorted.
    public func actions(of tool: String) -> [Action] {
        actionsByTool[tool] ?? []
    }

    /// How one tool needs one action it names, or nil.
    public func need(_ action: Action, by tool: String) -> ToolNeed? { needs[action]?[tool] }

    /// The spelling to show for an action: the first one in tool order.
    public func displayName(_ action: Action) -> String {
        for slug in toolOrder { if let s = needs[action]?[slug]?.spellings.first { return s } }
        return action.written
    }

    // MARK: Rows

    /// The row for `name` in any case: a pattern row when it holds `*` or
    /// `?`, else an action row. Nil when no guide names it.
    public func row(named name: String) -> ActionRow? {
        let kind: ActionRow.Kind = WildcardPattern.containsWildcard(name) ? .pattern : .action
        return row(ActionRow.ID(kind: kind, key: name.lowercased()))
    }

    /// The row with this identity, or nil.
    public func row(_ id: ActionRow.ID) -> ActionRow? {
        rowIndex[id].map { rows[$0] }
    }

    /// How `tool` needs the row for `name` (see `row(named:)`), or nil.
    public func rowNeed(_ name: String, by tool: String) -> ActionNeed? {
        row(named: name)?.needs[tool]
    }

    /// The rows `tool` reaches in any way (Allow or Deny, by name or wildcard), in row order.
    public func rows(of tool: String) -> [ActionRow] {
        rows.filter { $0.needs[tool] != nil }
    }
}
