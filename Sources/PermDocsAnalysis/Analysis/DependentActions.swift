import PermDocsCore
import PermDocsPolicy

/// `missing-dependent-action`, a check on a whole tool: the catalog says an
/// action the tool is granted also needs other actions (its dependent
/// actions, such as `iam:PassRole` for an action that hands a role to a
/// service), and none of the tool's policies, on any of its pages, grants one
/// of them.
///
/// What counts as granted is every Allow of the tool's identity policies,
/// excerpts and optional add-ons, wildcards included (`iam:*` grants
/// `iam:PassRole`). A tool with an Allow NotAction statement grants nearly
/// everything, so it is not checked. Each missing dependent action is
/// reported once per tool, at the first place the tool names the action
/// that needs it.
enum DependentActions {
    /// The findings for each page of `tool`, in page order (empty lists for
    /// pages with none).
    static func findings(for tool: AnalyzedTool, catalog: ActionCatalog) -> [[Diagnostic]] {
        var out = Array(repeating: [Diagnostic](), count: tool.pages.count)
        let grants = tool.pages.flatMap(\.blocks).filter(isGrant).flatMap(allowStatements)
        guard !grants.contains(where: { $0.notActions != nil }) else { return out }
        let patterns = grants.flatMap { $0.actions ?? [] }.map(\.value)
        func isGranted(_ name: String) -> Bool {
            patterns.contains { $0.key == name.lowercased() || ($0.isWildcard && WildcardPattern($0.written).matches(name)) }
        }
        var reported = Set<String>()
        for (p, page) in tool.pages.enumerated() {
            for block in page.blocks where isGrant(block) {
                for st in allowStatements(block) {
                    for a in st.actions ?? [] where !a.value.isWildcard {
                        guard let action = catalog.action(named: a.value.written) else { continue }
                        for dependent in action.dependentActions where !isGranted(dependent) {
                            guard reported.insert(dependent.lowercased() + " " + action.canonicalName.lowercased()).inserted else { continue }
                            var d = FindingRules.missingDependentAction.finding(
                                "\(action.canonicalName) also needs \(dependent) (a dependent action in the catalog), which none of this tool's policies grants",
                                at: a.location, fix: "grant \(dependent) beside \(action.canonicalName)", subject: a.value.written)
                            d.block = block.reference
                            d.blockKind = block.kind
                            out[p].append(d)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Blocks whose Allow statements are what the tool is granted.
    private static func isGrant(_ block: PolicyBlock) -> Bool {
        block.excerptOf == nil && [.identity, .excerpt, .optionalAddOn].contains(block.kind)
    }

    private static func allowStatements(_ block: PolicyBlock) -> [Statement] {
        (block.policy?.statements ?? []).filter(\.isAllow)
    }
}
