/// GitHub Actions workflow commands, one per finding:
/// `::error file=…,line=…,col=…,title=…::message`, which the Actions runner
/// shows as annotations on the pull request's lines.
import PermDocsCore

struct GitHubReportFormatter {
    var path: (String) -> String

    func format(_ report: FindingsReport) -> String {
        var out = ""
        for f in report.findings {
            var message = f.message
            if let fix = f.fix { message += "\nFix: \(fix)" }
            let properties = [
                "file=" + Self.escapeProperty(path(f.location.file)),
                "line=\(f.location.line)",
                "col=\(f.location.column)",
                "title=" + Self.escapeProperty("\(f.severity.label) [\(f.id)]"),
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

    /// The runner's escaping for a command's message.
    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// The runner's escaping for a property value, which also ends at `:` and `,`.
    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
