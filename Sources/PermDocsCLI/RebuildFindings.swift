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
        defer { last = Set(report.findings) }
        guard let last else { return report.formatted(as: .text, path: path) }
        var fresh = report
        fresh.findings = report.findings.filter { !last.contains($0) }
        let gone = last.subtracting(report.findings).count
        let new = fresh.findings.count
        let change = "since the last build: \(new) new finding\(new == 1 ? "" : "s"), \(gone) gone\n"
        return fresh.textFindingLines(path: path) + change + report.textSummaryLine(path: path)
    }
}
