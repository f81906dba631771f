import Foundation
import PermDocsCore
import PermDocsPolicy

/// The diff as one JSON document for scripts, keys sorted (the same diff
/// always gives the same bytes):
///
/// `{"base", "target", "compared": ["actions", "resources", …], "notCompared": [sentences],
/// "summary": {counts; "newFindings"/"resolvedFindings": per severity}, "tools": [...]}`.
///
/// Per reported tool: `slug`, `previousSlug` (renamed) or null, `name`,
/// `status` (`kept`, `added`, `removed`, `renamed`), `url` (its page under
/// `base_url`) or null, `actions` (`added` and `removed`: states; `changed`:
/// `name`, `kind`, `aspects` [`aspect`, `before`, `after`], `before`, `after`),
/// `resources` (`name`, `direction`, `before`, `after`), `principals`
/// (`added`, `removed`), `findings` (`new`, `resolved`). A state: `name`,
/// `kind`, `known`, `how`, `grantees`, `patterns`, `denied`, `named`. A
/// finding: `id`, `severity`, `page`, `value`, `message`, `file`, `line`, `column`.
struct DiffJSONFormatter {
    var toolURL: (ToolDiff) -> String?

    func format(_ diff: PermissionDiff) -> String {
        let s = diff.summary
        func severities(_ counts: [Diagnostic.Severity: Int]) -> [String: Any] {
            Dictionary(uniqueKeysWithValues: Diagnostic.Severity.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
        }
        let summary: [String: Any] = [
            "toolsAdded": s.toolsAdded, "toolsRemoved": s.toolsRemoved, "toolsRenamed": s.toolsRenamed, "toolsChanged": s.toolsChanged,
            "actionsAdded": s.actionsAdded, "actionsRemoved": s.actionsRemoved, "needsChanged": s.needsChanged,
            "resourcesBroadened": s.resourcesBroadened, "resourcesNarrowed": s.resourcesNarrowed, "resourcesChanged": s.resourcesChanged,
            "principalsAdded": s.principalsAdded, "principalsRemoved": s.principalsRemoved,
            "newFindings": severities(s.newFindings), "resolvedFindings": severities(s.resolvedFindings),
        ]
        var compared = ["actions"]
        if diff.compared.contains(.resources) { compared.append("resources") }
        if diff.compared.contains(.principals) { compared.append("principals") }
        if diff.compared.contains(.findings) { compared.append("findings") }
        let document: [String: Any] = [
            "base": diff.baseLabel, "target": diff.targetLabel, "compared": compared, "notCompared": diff.notCompared,
            "summary": summary, "tools": diff.reportedTools.map(tool),
        ]
        return JSONOutput.string(document)
    }

    private func tool(_ t: ToolDiff) -> [String: Any] {
        [
            "slug": t.slug, "previousSlug": t.previousSlug ?? NSNull(), "name": t.name, "status": t.status.rawValue,
            "url": toolURL(t) ?? NSNull(),
            "actions": [
                "added": t.added.map(state), "removed": t.removed.map(state),
                "changed": t.changed.map { c -> [String: Any] in
                    ["name": c.name, "kind": c.kind.rawValue, "before": state(c.before), "after": state(c.after),
                     "aspects": c.aspects.map { ["aspect": $0.kind.rawValue, "before": $0.before, "after": $0.after] }]
                },
            ],
            "resources": t.resources.map { ["name": $0.name, "direction": $0.direction.rawValue, "before": $0.before, "after": $0.after] },
            "principals": ["added": t.principalsAdded, "removed": t.principalsRemoved],
            "findings": ["new": t.newFindings.map(finding), "resolved": t.resolvedFindings.map(finding)],
        ]
    }

    private func state(_ s: ActionState) -> [String: Any] {
        ["name": s.name, "kind": s.kind.rawValue, "known": s.isKnown, "how": s.how.rawValue,
         "grantees": s.grantees.map(\.rawValue), "patterns": s.patterns, "denied": s.isDenied, "named": s.isNamed]
    }

    private func finding(_ f: FindingRecord) -> [String: Any] {
        ["id": f.id, "severity": f.severity.rawValue, "page": f.page, "value": f.value, "message": f.message,
         "file": f.location.file, "line": f.location.line, "column": f.location.column]
    }
}
