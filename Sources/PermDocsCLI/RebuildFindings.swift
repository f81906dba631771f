import PermDocsAnalysis
import PermDocsCore

/// What `serve` prints of the findings after each build: every finding after
/// the first build; after a rebuild, only the findings that are new since the
/// last build, how many went away, and the summary of all. A site with
/// thousands of findings would otherwise fill the terminal on every save and
/// hide what the edit changed (`permdocs check` still prints them all).
struct RebuildFindings {
    /// The findings of the last build, once there was one.
    private var last: Set<Diagnostic>?

    /// The text to print for `report`, the findings of the build just made.
    mutating func text(for report: FindingsReport, path: @escaping (String) -> String) -> String {
        let full = report.formatted(as: .text, path: path)
        defer { last = Set(report.findings) }
        guard let last else { return full }
        var fresh = report
        fresh.findings = report.findings.filter { !last.contains($0) }
        let gone = last.subtracting(report.findings).count
        let freshLines = Self.droppingSummary(fresh.formatted(as: .text, path: path))
        let new = fresh.findings.count
        let change = "since the last build: \(new) new finding\(new == 1 ? "" : "s"), \(gone) gone"
        return freshLines + change + "\n" + Self.summary(of: full)
    }

    /// The text formatter's lines without its last one, the summary.
    private static func droppingSummary(_ text: String) -> Substring {
        let body = text.dropLast()  // the final newline
        guard let end = body.lastIndex(of: "\n") else { return "" }
        return text[...end]
    }

    /// The text formatter's last line, the summary.
    private static func summary(of text: String) -> Substring {
        let body = text.dropLast()
        guard let end = body.lastIndex(of: "\n") else { return text[...] }
        return text[text.index(after: end)...]
    }
}
