/// The diff as a pull-request comment: a heading and the summary, a table
/// with a row per changed tool (linked to its page when the site has a
/// `base_url`), then each tool's details in a collapsed `<details>` block.
/// Everything from guides is escaped (`MarkdownEscaping`).
import PermDocsCore

struct DiffMarkdownFormatter {
    /// The address of a tool's page on the published site, or nil.
    var toolURL: (ToolDiff) -> String?

    func format(_ diff: PermissionDiff) -> String {
        var out = "### Permission changes: \(MarkdownEscaping.code(diff.baseLabel)) → \(MarkdownEscaping.code(diff.targetLabel))\n\n"
        let summary = MarkdownEscaping.text(DiffWording.summary(diff))
        out += summary.prefix(1).uppercased() + summary.dropFirst() + ".\n"
        for note in diff.notCompared { out += "\n_Note: \(MarkdownEscaping.text(note))._\n" }
        let tools = diff.reportedTools
        guard !tools.isEmpty else { return out }
        out += "\n| Tool | Status | Actions | Needed differently | Resources | Trust principals | New findings | Resolved findings |\n"
        out += "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        for tool in tools { out += row(tool) }
        for tool in tools { out += "\n" + details(tool) }
        return out
    }

    private func row(_ tool: ToolDiff) -> String {
        var name = MarkdownEscaping.text(tool.name)
        if let url = toolURL(tool) { name = "[\(name)](\(MarkdownEscaping.destination(url)))" }
        let actions = [tool.added.isEmpty ? nil : "+\(tool.added.count)", tool.removed.isEmpty ? nil : "−\(tool.removed.count)"].compactMap { $0 }
        let resources = ResourceChange.Direction.allCases.compactMap { d -> String? in
            let n = tool.resources.filter { $0.direction == d }.count
            return n == 0 ? nil : "\(n) \(d.rawValue)"
        }
        let principals = [tool.principalsAdded.isEmpty ? nil : "+\(tool.principalsAdded.count)",
                          tool.principalsRemoved.isEmpty ? nil : "−\(tool.principalsRemoved.count)"].compactMap { $0 }
        let cells = [
            name + " " + MarkdownEscaping.code(tool.slug, inTable: true),
            MarkdownEscaping.text(DiffWording.status(tool)),
            actions.isEmpty ? "" : actions.joined(separator: " "),
            tool.changed.isEmpty ? "" : "\(tool.changed.count)",
            resources.joined(separator: ", "),
            principals.joined(separator: " "),
            MarkdownEscaping.text(findings(tool.newFindings)),
            MarkdownEscaping.text(findings(tool.resolvedFindings)),
        ]
        return "| " + cells.joined(separator: " | ") + " |\n"
    }

    private func findings(_ records: [FindingRecord]) -> String {
        var counts: [Diagnostic.Severity: Int] = [:]
        for f in records { counts[f.severity, default: 0] += 1 }
        return DiffWording.findingCount(counts) ?? ""
    }

    private func details(_ tool: ToolDiff) -> String {
        var out = "<details><summary><b>\(MarkdownEscaping.html(tool.name))</b> (<code>\(MarkdownEscaping.html(tool.slug))</code>): \(MarkdownEscaping.html(DiffWording.status(tool)))</summary>\n\n"
        var items: [String] = []
        for a in tool.added { items.append("Added \(MarkdownEscaping.code(a.name)): \(MarkdownEscaping.text(DiffWording.need(a)))") }
        for a in tool.removed { items.append("Removed \(MarkdownEscaping.code(a.name)): was \(MarkdownEscaping.text(DiffWording.need(a)))") }
        for c in tool.changed {
            let aspects = c.aspects.map { "\($0.kind.rawValue) \(word($0.before)) → \(word($0.after))" }
            items.append("Changed \(MarkdownEscaping.code(c.name)): " + aspects.joined(separator: "; "))
        }
        for r in tool.resources {
            items.append("Resources of \(MarkdownEscaping.code(r.name)) \(r.direction.rawValue): "
                + codeList(r.before) + " → " + codeList(r.after))
        }
        for p in tool.principalsAdded { items.append("Trust principal added: \(MarkdownEscaping.code(p))") }
        for p in tool.principalsRemoved { items.append("Trust principal removed: \(MarkdownEscaping.code(p))") }
        for f in tool.newFindings { items.append("New " + finding(f)) }
        for f in tool.resolvedFindings { items.append("Resolved " + finding(f)) }
        if items.isEmpty { items.append("No permission or finding changed.") }
        out += items.map { "- " + $0 + "\n" }.joined()
        out += "\n</details>\n"
        return out
    }

    /// An aspect's word, its patterns in code: `wildcard \`ec2:Describe*\``.
    private func word(_ text: String) -> String {
        guard text.hasPrefix("wildcard ") else { return MarkdownEscaping.text(text) }
        return "wildcard " + text.dropFirst("wildcard ".count).split(separator: " ").map { MarkdownEscaping.code(String($0)) }.joined(separator: " ")
    }

    private func codeList(_ values: [String]) -> String {
        values.isEmpty ? "(none)" : values.map { MarkdownEscaping.code($0) }.joined(separator: ", ")
    }

    private func finding(_ f: FindingRecord) -> String {
        "\(f.severity.label) \(MarkdownEscaping.code(f.id)) on \(MarkdownEscaping.code(f.value)): \(MarkdownEscaping.text(f.message)) "
            + "(\(MarkdownEscaping.text(f.location.file)):\(f.location.line))"
    }
}
