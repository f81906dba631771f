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
    public private(set) var rows: [ActionRow] = []
    private var rowIndex: [ActionRow.ID: Int] = [:]
    /// Tool slug → the actions its Allow statements name, sorted as `actions`;
    /// computed once: pages ask for it per tool and per page.
    private var actionsByTool: [String: [Action]] = [:]

    /// Indexes the tools' permission-granting blocks, looking actions up in
    /// `catalog` (nil: every action is treated as unknown rather than failing the build).
    public init(tools: [AnalyzedTool], catalog: ActionCatalog?) {
        toolOrder = tools.map(\.slug)
        // Blocks already listed for an action and tool, found by hashing (a list search
        // per use was quadratic when one action is granted by thousands of blocks).
        struct Listed: Hashable { var action: Action; var slug: String; var block: BlockReference }
        var listed = Set<Listed>()
        for tool in tools {
            var toolUses: [ActionUse] = []
            for block in tool.blocks where block.grantsPermissions {
                for (index, st) in block.policy!.statements.enumerated() {
                    for a in st.actions ?? [] where Self.namesSomething(a.value) {
                        toolUses.append(ActionUse(action: a.value, block: block.reference, blockKind: block.kind, grantee: block.grantee,
                                                  isOptional: block.isOptional(statementAt: index), isAllow: st.isAllow, location: a.location))
                    }
                }
            }
            uses[tool.slug] = toolUses
            for use in toolUses where use.isAllow {
                // Taken out of the dictionaries (not copied), so appending does not copy the lists.
                var byTool = needs.removeValue(forKey: use.action) ?? [:]
                var need = byTool.removeValue(forKey: tool.slug) ?? ToolNeed(required: false, viaServiceRole: false, blocks: [], spellings: [])
                if !use.isOptional { need.required = true }
                if use.grantee == .serviceRole { need.viaServiceRole = true }
                if listed.insert(Listed(action: use.action, slug: tool.slug, block: use.block)).inserted { need.blocks.append(use.block) }
                if !need.spellings.contains(use.action.written) { need.spellings = (need.spellings + [use.action.written]).sorted() }
                byTool[tool.slug] = need
                needs[use.action] = byTool
            }
        }
        buildRows(tools: tools, catalog: catalog)
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

    private mutating func buildRows(tools: [AnalyzedTool], catalog: ActionCatalog?) {
        /// A wildcard or NotAction statement of one tool, to match action rows against.
        struct Cover {
            var patterns: [ActionPattern]
            var via: ActionNeed.Via
            var isAllow, isOptional: Bool
            var grantee: PolicyBlock.Grantee
            var block: BlockReference
            /// NotAction covers what none of its patterns match; a wildcard what its one pattern matches.
            var isNotAction: Bool { if case .notAction = via { return true } else { return false } }
            func covers(_ name: String) -> Bool {
                isNotAction ? !patterns.contains { $0.matches(name) } : patterns[0].matches(name)
            }
        }
        var byID: [ActionRow.ID: ActionRow] = [:]
        // Needs apart from their rows, keyed flat, so adding a grant mutates one value in place.
        struct NeedKey: Hashable { var id: ActionRow.ID; var slug: String }
        var needMap: [NeedKey: ActionNeed] = [:]
        // Grants already recorded, so that a repeat is found by hashing: `ActionNeed.add`
        // searches the need's list, and one action granted by 10,000 blocks made that quadratic.
        struct GrantKey: Hashable { var need: NeedKey; var grant: ActionNeed.Grant }
        var recorded = Set<GrantKey>()
        func record(_ grant: ActionNeed.Grant, _ key: NeedKey) {
            if recorded.insert(GrantKey(need: key, grant: grant)).inserted { needMap[key, default: ActionNeed()].append(new: grant) }
        }
        var covers: [String: [Cover]] = [:]
        var knownCache: [String: CatalogAction?] = [:]

        for tool in tools {
            for block in tool.blocks where block.grantsPermissions {
                for (index, st) in block.policy!.statements.enumerated() {
                    let optional = block.isOptional(statementAt: index)
                    let isAllow: Bool
                    switch st.effect?.value {
                    case .allow?: isAllow = true
                    case .deny?: isAllow = false
                    default: continue  // no valid Effect: the statement grants and denies nothing
                    }
                    for a in st.actions ?? [] where Self.namesSomething(a.value) {
                        let written = a.value.written
                        let isPattern = a.value.isWildcard
                        let id = ActionRow.ID(kind: isPattern ? .pattern : .action, key: a.value.key)
                        var row = byID[id] ?? {
                            if isPattern {
                                return ActionRow(kind: .pattern, key: id.key, name: written, service: a.value.service, isKnown: false,
                                                 accessLevel: nil, description: nil, excluded: [], spellings: [], needs: [:])
                            }
                            let known: CatalogAction?
                            if let cached = knownCache[id.key] { known = cached } else {
                                known = catalog?.action(named: written)
                                knownCache[id.key] = known
                            }
                            return ActionRow(kind: .action, key: id.key, name: known?.canonicalName ?? id.key, service: a.value.service,
                                             isKnown: known != nil, accessLevel: known?.accessLevel, description: known?.description,
                                             excluded: [], spellings: [], needs: [:])
                        }()
                        if !row.spellings.contains(written) { row.spellings = (row.spellings + [written]).sorted() }
                        record(ActionNeed.Grant(via: .name(written), isAllow: isAllow, isOptional: optional, grantee: block.grantee, block: block.reference),
                               NeedKey(id: id, slug: tool.slug))
                        byID[id] = row
                        if isPattern {
                            covers[tool.slug, default: []].append(Cover(patterns: [ActionPattern(written)], via: .wildcard(written), isAllow: isAllow,
                                                                        isOptional: optional, grantee: block.grantee, block: block.reference))
                        }
                    }
                    if let notActions = st.notActions, !notActions.isEmpty {
                        var seen = Set<String>()
                        let names = notActions.map(\.value.written).filter { seen.insert($0.lowercased()).inserted }
                        let key = names.map { $0.lowercased() }.sorted().joined(separator: ",")
                        let id = ActionRow.ID(kind: .notAction, key: key)
                        let services = Set(names.map { Action($0).service })
                        var row = byID[id] ?? ActionRow(kind: .notAction, key: key, name: "NotAction " + names.joined(separator: ", "),
                                                        service: services.count == 1 ? services.first! : "", isKnown: false,
                                                        accessLevel: nil, description: nil, excluded: names, spellings: [], needs: [:])
                        let spelling = names.joined(separator: ", ")
                        if !row.spellings.contains(spelling) { row.spellings = (row.spellings + [spelling]).sorted() }
                        record(ActionNeed.Grant(via: .name(spelling), isAllow: isAllow, isOptional: optional, grantee: block.grantee, block: block.reference),
                               NeedKey(id: id, slug: tool.slug))
                        byID[id] = row
                        covers[tool.slug, default: []].append(Cover(patterns: names.map(ActionPattern.init), via: .notAction(names), isAllow: isAllow,
                                                                    isOptional: optional, grantee: block.grantee, block: block.reference))
                    }
                }
            }
        }

        // Wildcard coverage: only known action rows, matched by canonical name.
        // Guides repeat the same pattern in many blocks, so each distinct
        // pattern is matched once per row, and a pattern whose service part
        // is literal only against that service's rows.
        var knownByService: [String: [ActionRow.ID]] = [:]
        for (id, row) in byID where id.kind == .action && row.isKnown { knownByService[row.service, default: []].append(id) }
        var grantsByPattern: [[String]: (cover: Cover, grants: [(String, ActionNeed.Grant)])] = [:]
        for slug in toolOrder {
            for cover in covers[slug] ?? [] {
                let key = [cover.isNotAction ? "!" : ""] + cover.patterns.map { $0.written.lowercased() }
                let grant = ActionNeed.Grant(via: cover.via, isAllow: cover.isAllow, isOptional: cover.isOptional, grantee: cover.grantee, block: cover.block)
                grantsByPattern[key, default: (cover, [])].grants.append((slug, grant))
            }
        }
        // Wildcard grants are never named grants, so only they need checking for repeats.
        struct Seen: Hashable { var id: ActionRow.ID; var slug: String; var grant: ActionNeed.Grant }
        var seen = Set<Seen>()
        for (_, entry) in grantsByPattern {
            let candidates: [ActionRow.ID]
            if !entry.cover.isNotAction, let service = entry.cover.patterns[0].literalService {
                candidates = knownByService[service] ?? []
            } else {
                candidates = knownByService.values.flatMap { $0 }
            }
            for id in candidates where entry.cover.covers(byID[id]!.name) {
                for (slug, grant) in entry.grants where seen.insert(Seen(id: id, slug: slug, grant: grant)).inserted {
                    needMap[NeedKey(id: id, slug: slug), default: ActionNeed()].append(new: grant)
                }
            }
        }

        var rank: [BlockReference: Int] = [:]
        for (i, ref) in tools.flatMap({ $0.blocks.map(\.reference) }).sorted().enumerated() { rank[ref] = i }
        for (key, var need) in needMap {
            need.sort(byRank: rank)
            byID[key.id]!.needs[key.slug] = need
        }
        rows = byID.values.sorted { a, b in
            (a.service, a.key, a.kind) < (b.service, b.key, b.kind)
        }
        rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
    }
}
