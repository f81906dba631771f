/// The phrases the text and markdown reports share, so both say a change
/// the same way.
import PermDocsCore
import PermDocsPolicy

enum DiffWording {
    /// One sentence over the whole diff: `2 actions added, 1 removed; …; findings: 1 new (1 security warning), 4 resolved`.
    /// Without `countingTools`, the tool counts are left out (a history entry is about one tool).
    static func summary(_ diff: PermissionDiff, countingTools: Bool = true) -> String {
        let s = diff.summary
        var groups: [String] = []
        let tools = [count(s.toolsChanged, "changed"), count(s.toolsAdded, "added"), count(s.toolsRemoved, "removed"), count(s.toolsRenamed, "renamed")].compactMap { $0 }
        if countingTools && !tools.isEmpty { groups.append("tools: " + tools.joined(separator: ", ")) }
        let actions = [count(s.actionsAdded, "added"), count(s.actionsRemoved, "removed"), count(s.needsChanged, "needed differently")].compactMap { $0 }
        if !actions.isEmpty { groups.append("actions: " + actions.joined(separator: ", ")) }
        let resources = [count(s.resourcesBroadened, "broadened"), count(s.resourcesNarrowed, "narrowed"), count(s.resourcesChanged, "changed")].compactMap { $0 }
        if !resources.isEmpty { groups.append("resources: " + resources.joined(separator: ", ")) }
        let principals = [count(s.principalsAdded, "added"), count(s.principalsRemoved, "removed")].compactMap { $0 }
        if !principals.isEmpty { groups.append("trust principals: " + principals.joined(separator: ", ")) }
        var findings: [String] = []
        if let new = findingCount(s.newFindings) { findings.append(new + " new") }
        if let resolved = findingCount(s.resolvedFindings) { findings.append(resolved + " resolved") }
        if !findings.isEmpty { groups.append("findings: " + findings.joined(separator: ", ")) }
        return groups.isEmpty ? "no permission or finding changed" : groups.joined(separator: "; ")
    }

    private static func count(_ n: Int, _ word: String) -> String? {
        n == 0 ? nil : "\(n) \(word)"
    }

    /// `3 (1 error, 2 suggestions)`, or nil for none.
    static func findingCount(_ bySeverity: [Diagnostic.Severity: Int]) -> String? {
        let total = bySeverity.values.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = Diagnostic.Severity.allCases.reversed().compactMap { severity -> String? in
            guard let n = bySeverity[severity], n > 0 else { return nil }
            return "\(n) \(severity.label)\(n == 1 ? "" : "s")"
        }
        return "\(total) (\(parts.joined(separator: ", ")))"
    }

    /// How a tool needs a row: `explicit`, `via wildcard ec2:Describe*`,
    /// `optional`, `denied`, with `for the service role` when not the user's.
    static func need(_ state: ActionState) -> String {
        var text: String
        switch state.how {
        case .explicit: text = "explicit"
        case .wildcard: text = "via wildcard " + state.patterns.joined(separator: " ")
        case .optional: text = "optional"
        case .denied: text = "denied"
        }
        if state.how != .denied {
            if state.grantees == [.serviceRole] { text += ", for the service role" }
            if state.grantees == [.user, .serviceRole] { text += ", for the user and the service role" }
        }
        if state.isDenied && state.how != .denied { text += ", also denied" }
        return text
    }

    /// `explicit → wildcard ec2:Describe*`, one aspect.
    static func aspect(_ aspect: NeedChange.Aspect) -> String {
        "\(aspect.before) → \(aspect.after)"
    }

    /// `* → arn:aws:iam::123456789012:role/dms`.
    static func resources(_ change: ResourceChange) -> (before: String, after: String) {
        (change.before.isEmpty ? "(none)" : change.before.joined(separator: ", "),
         change.after.isEmpty ? "(none)" : change.after.joined(separator: ", "))
    }

    /// What became of the tool: `changed`, `added`, `removed`, `renamed from old-slug`.
    static func status(_ tool: ToolDiff) -> String {
        switch tool.status {
        case .kept: return "changed"
        case .added: return "added"
        case .removed: return "removed"
        case .renamed: return "renamed from \(tool.previousSlug ?? "")"
        }
    }
}
