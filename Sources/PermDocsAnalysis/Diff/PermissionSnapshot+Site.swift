/// A snapshot of an analyzed site: the `ActionIndex` rows per tool, the
/// resources and trust principals of its blocks, and its reported findings.
import PermDocsCore
import PermDocsPolicy

extension PermissionSnapshot {
    /// Everything `site` grants, per tool, in site order.
    public init(site: AnalyzedSite) {
        let tools = site.tools.map { tool -> ToolSnapshot in
            var actions: [ActionRow.ID: ActionState] = [:]
            for row in site.index.rows(of: tool.slug) {
                let need = row.needs[tool.slug]!
                actions[row.id] = ActionState(name: row.name, kind: row.kind, isKnown: row.isKnown, how: need.how,
                                              grantees: need.grantees, patterns: need.wildcardPatterns,
                                              isDenied: need.isDenied, isNamed: need.isNamed)
            }
            return ToolSnapshot(slug: tool.slug, name: tool.tool.metadata.name, firstPageID: tool.pages.first?.source.pageID ?? "index",
                                actions: actions, resources: Self.resources(of: tool), principals: Self.trustPrincipals(of: tool),
                                findings: Self.findings(of: tool))
        }
        self.init(tools: tools, holds: .all)
    }

    /// Row identity → the resources of the Allow statements naming it.
    /// NotAction statements are left out: their row is all-but-a-list, and
    /// its resources would say little about any one action.
    static func resources(of tool: AnalyzedTool) -> [ActionRow.ID: [String]] {
        var sets: [ActionRow.ID: Set<String>] = [:]
        for block in tool.blocks where block.grantsPermissions {
            for statement in block.policy!.statements where statement.isAllow {
                let resources = (statement.resources ?? []).map(\.value) + (statement.notResources ?? []).map { "NotResource " + $0.value }
                for action in statement.actions ?? [] {
                    let id = ActionRow.ID(kind: action.value.isWildcard ? .pattern : .action, key: action.value.key)
                    sets[id, default: []].formUnion(resources)
                }
            }
        }
        return sets.mapValues { $0.sorted() }
    }

    /// The principals of the tool's trust policies, as `Kind: value`, `*` for everyone.
    static func trustPrincipals(of tool: AnalyzedTool) -> [String] {
        var principals = Set<String>()
        for block in tool.blocks where block.kind == .trust {
            for statement in block.policy?.statements ?? [] where statement.isAllow {
                guard let principal = statement.principal?.value else { continue }
                if principal.isEveryone { principals.insert("*") }
                for entry in principal.entries {
                    for value in entry.values { principals.insert("\(entry.kind.value): \(value.value)") }
                }
            }
        }
        return principals.sorted()
    }

    /// The tool's reported findings, each with the page it is on.
    static func findings(of tool: AnalyzedTool) -> [FindingRecord] {
        tool.pages.flatMap { page in
            page.diagnostics.map { d in
                FindingRecord(id: d.id, severity: d.severity, page: page.source.pageID,
                              value: d.subject ?? FindingRecord.valueWithoutLines(d.message), message: d.message, location: d.location)
            }
        }
    }
}
