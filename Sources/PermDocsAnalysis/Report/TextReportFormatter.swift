/// Compiler-style lines, `path:line:col: severity: message [id]`, with the fix
/// on the next line, then a summary. Editors and CI logs turn the first part
/// into a link. Colour (ANSI) only when asked: the CLI asks on a terminal
/// without `NO_COLOR`.
///
/// What comes from content (the path, the message, the fix) is printed with
/// its control characters shown escaped (`\u{1B}`), so a guide can neither
/// start a line of its own nor send the terminal an escape sequence.
import PermDocsCore

struct TextReportFormatter {
    var color: Bool
    var path: (String) -> String

    func format(_ report: FindingsReport) -> String {
        findingLines(report) + summaryLine(report)
    }

    /// A line per finding (and its fix).
    func findingLines(_ report: FindingsReport) -> String {
        var out = ""
        for f in report.findings {
            let place = "\(shown(path(f.location.file))):\(f.location.line):\(f.location.column)"
            out += paint(place + ":", bold) + " " + paint(f.severity.label + ":", style(f.severity)) + " " + shown(f.message) + " " + paint("[\(shown(f.id))]", dim) + "\n"
            if let fix = f.fix { out += "    " + paint("fix:", green) + " " + shown(fix) + "\n" }
        }
        return out
    }

    /// The counts by severity and what was checked, one line.
    func summaryLine(_ report: FindingsReport) -> String {
        var line = report.summary
        if let catalog = report.catalogVersion { line += "; \(report.blockCount) policy blocks in \(report.pageCount) pages of \(report.toolCount) tools checked against \(shown(catalog))" }
        return line + "\n"
    }

    private let bold = "1", dim = "2", green = "32"

    private func shown(_ text: String) -> String { ControlCharacters.shown(text) }

    private func style(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .securityWarning: return "1;35"
        case .warning: return "1;33"
        case .suggestion: return "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
