/// GitHub Actions workflow commands, one per finding:
/// `::error file=…,line=…,col=…,title=…::message`, which the Actions runner
/// shows as annotations on the pull request's lines.
///
/// The runner reads a command per line and ends a line at CR, LF or CRLF, so
/// nothing from content may carry one: control characters from content are
/// first shown escaped (`\r\n`, `\u{1B}`), then the runner's own escapes
/// (`%0A`) are applied, scalar by scalar, to the whole value. The only `%0A`
/// is permdocs' own line break before the fix.
import PermDocsCore

struct GitHubReportFormatter {
    var path: (String) -> String

    func format(_ report: FindingsReport) -> String {
        var out = ""
        for f in report.findings {
            var message = ControlCharacters.shown(f.message)
            if let fix = f.fix { message += "\nFix: " + ControlCharacters.shown(fix) }
            let properties = [
                "file=" + Self.escapeProperty(ControlCharacters.shown(path(f.location.file))),
                "line=\(f.location.line)",
                "col=\(f.location.column)",
                "title=" + Self.escapeProperty("\(f.severity.label) [\(ControlCharacters.shown(f.id))]"),
            ].joined(separator: ",")
            out += "::\(Self.command(f.severity)) \(properties)::\(Self.escapeData(message))\n"
        }
        out += report.summary + "\n"
        return out
    }

    static func command(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .securityWarning, .warning: return "warning"
        case .suggestion: return "notice"
        }
    }

    /// The runner's escaping for a command's message, on Unicode scalars (a
    /// `Character` would hold `"\r\n"` as one and miss both).
    static func escapeData(_ s: String) -> String {
        escape(s, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// The runner's escaping for a property value, which also ends at `:` and `,`.
    static func escapeProperty(_ s: String) -> String {
        escape(s, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    private static func escape(_ s: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let replacement = replacements[scalar] { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
