/// What one tool's guide adds to the `ActionIndex`, found from that tool's
/// blocks alone, so that tools are indexed on several threads and their parts
/// merged afterwards in tool order (the index does not depend on thread timing).
import PermDocsCore
import PermDocsPolicy

struct ToolIndexPart {
    /// A wildcard or NotAction statement of the tool, to match action rows against.
    struct Cover {
        var patterns: [ActionPattern]
        var via: ActionNeed.Via
        var isAllow, isOptional: Bool
        var grantee: PolicyBlock.Grantee
        var block: BlockReference
        /// NotAction covers what none of its patterns match; a wildcard what its one pattern matches.
        var isNotAction: Bool { if case .notAction = via { return true } else { return false } }
        func covers(_ name: ActionPattern.Parts) -> Bool {
            isNotAction ? !patterns.contains { $0.matches(name) } : patterns[0].matches(name)
        }
    }

    /// A row as this tool first met it (its needs left empty), with the
    /// spellings the tool used for it, each once, in the order met.
    struct RowSeen {
        var row: ActionRow
        var spellings: [String]
    }

    let slug: String
    /// The tool's uses, Allow and Deny, in page order.
    private(set) var uses: [ActionUse] = []
    /// Action → how the tool needs it (Allow statements). Each key is the
    /// action as last written, as the index keeps it.
    private(set) var needs: [Action: ToolNeed] = [:]
    /// Rows the tool names, by identity.
    private(set) var rows: [ActionRow.ID: RowSeen] = [:]
    /// Row → the tool's named grants of it, each once, in page order.
    private(set) var named: [ActionRow.ID: [ActionNeed.Grant]] = [:]
    /// The tool's wildcard and NotAction statements, in page order.
    private(set) var covers: [Cover] = []

    /// Blocks already listed for an action, and grants already recorded for a
    /// row, found by hashing (a list search per use was quadratic when one
    /// action is granted by thousands of blocks).
    private struct Listed: Hashable { var action: Action; var block: BlockReference }
    private struct Recorded: Hashable { var id: ActionRow.ID; var grant: ActionNeed.Grant }

    /// Indexes every tool of `tools` (all with the slug `slug`; normally one).
    init(slug: String, tools: [AnalyzedTool], catalog: ActionCatalog?) {
        self.slug = slug
        var listed = Set<Listed>()
        var recorded = Set<Recorded>()
        for tool in tools { add(tool, catalog: catalog, listed: &listed, recorded: &recorded) }
    }

    private mutating func add(_ tool: AnalyzedTool, catalog: ActionCatalog?, listed: inout Set<Listed>, recorded: inout Set<Recorded>) {
        var toolUses: [ActionUse] = []
        // Blocks read where they are: `AnalyzedTool.blocks` copies every block of the tool.
        for page in tool.pages {
            for block in page.blocks where block.grantsPermissions {
                let reference = block.reference
                for (index, st) in block.policy!.statements.enumerated() {
                    let optional = block.isOptional(statementAt: index)
                    for a in st.actions ?? [] where ActionIndex.namesSomething(a.value) {
                        toolUses.append(ActionUse(action: a.value, block: reference, blockKind: block.kind, grantee: block.grantee,
                                                  isOptional: optional, isAllow: st.isAllow, location: a.location))
                    }
                    let isAllow: Bool
                    switch st.effect?.value {
                    case .allow?: isAllow = true
                    case .deny?: isAllow = false
                    default: continue  // no valid Effect: the statement grants and denies nothing
                    }
                    func record(_ id: ActionRow.ID, spelling: String, _ make: () -> ActionRow) {
                        if rows[id] == nil { rows[id] = RowSeen(row: make(), spellings: []) }
                        if !rows[id]!.spellings.contains(spelling) { rows[id]!.spellings.append(spelling) }
                        let grant = ActionNeed.Grant(via: .name(spelling), isAllow: isAllow, isOptional: optional, grantee: block.grantee, block: reference)
                        if recorded.insert(Recorded(id: id, grant: grant)).inserted { named[id, default: []].append(grant) }
                    }
                    for a in st.actions ?? [] where ActionIndex.namesSomething(a.value) {
                        let written = a.value.written
                        let isPattern = a.value.isWildcard
                        let id = ActionRow.ID(kind: isPattern ? .pattern : .action, key: a.value.key)
                        record(id, spelling: written) {
                            if isPattern {
                                return ActionRow(kind: .pattern, key: id.key, name: written, service: a.value.service, isKnown: false,
                                                 accessLevel: nil, description: nil, excluded: [], spellings: [], needs: [:])
                            }
                            let known = catalog?.action(named: written)
                            return ActionRow(kind: .action, key: id.key, name: known?.canonicalName ?? id.key, service: a.value.service,
                                             isKnown: known != nil, accessLevel: known?.accessLevel, description: known?.description,
                                             excluded: [], spellings: [], needs: [:])
                        }
                        if isPattern {
                            covers.append(Cover(patterns: [ActionPattern(written)], via: .wildcard(written), isAllow: isAllow,
                                                isOptional: optional, grantee: block.grantee, block: reference))
                        }
                    }
                    if let notActions = st.notActions, !notActions.isEmpty {
                        var seen = Set<String>()
                        let names = notActions.map(\.value.written).filter { seen.insert($0.lowercased()).inserted }
                        let key = names.map { $0.lowercased() }.sorted().joined(separator: ",")
                        let id = ActionRow.ID(kind: .notAction, key: key)
                        record(id, spelling: names.joined(separator: ", ")) {
                            let services = Set(names.map { Action($0).service })
                            return ActionRow(kind: .notAction, key: key, name: "NotAction " + names.joined(separator: ", "),
                                             service: services.count == 1 ? services.first! : "", isKnown: false,
                                             accessLevel: nil, description: nil, excluded: names, spellings: [], needs: [:])
                        }
                        covers.append(Cover(patterns: names.map(ActionPattern.init), via: .notAction(names), isAllow: isAllow,
                                            isOptional: optional, grantee: block.grantee, block: reference))
                    }
                }
            }
        }
        uses = toolUses
        for use in toolUses where use.isAllow {
            // Taken out of the dictionary and put back under this use's spelling,
            // as the index keys each action by its last spelling.
            var need = needs.removeValue(forKey: use.action) ?? ToolNeed(required: false, viaServiceRole: false, blocks: [], spellings: [])
            if !use.isOptional { need.required = true }
            if use.grantee == .serviceRole { need.viaServiceRole = true }
            if listed.insert(Listed(action: use.action, block: use.block)).inserted { need.blocks.append(use.block) }
            if !need.spellings.contains(use.action.written) { need.spellings = (need.spellings + [use.action.written]).sorted() }
            needs[use.action] = need
        }
    }
}
