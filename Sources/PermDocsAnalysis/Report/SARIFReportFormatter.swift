/// SARIF 2.1.0, the format code-scanning services read. Every rule permdocs
/// knows is listed (so a result's `ruleIndex` is stable); silenced findings
/// are included as results with an external suppression, as SARIF intends,
/// so that a scanning service shows them as dismissed rather than fixed.
import PermDocsCore

struct SARIFReportFormatter {
    var path: (String) -> String

    func format(_ report: FindingsReport) -> String {
        let rules = FindingRules.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var results: [[String: Any]] = report.findings.map { result($0, ruleIndex: ruleIndex) }
        for f in report.silenced {
            var r = result(f, ruleIndex: ruleIndex)
            var suppression: [String: Any] = ["kind": "external", "status": "accepted"]
            if let reason = report.rule(silencing: f)?.reason { suppression["justification"] = reason }
            r["suppressions"] = [suppression]
            results.append(r)
        }
        var driver: [String: Any] = [
            "name": "permdocs",
            "version": report.permdocsVersion,
            "semanticVersion": report.permdocsVersion,
            "informationUri": "https://github.com/permdocs/permdocs",
            "rules": rules.map(descriptor),
        ]
        if let catalog = report.catalogVersion { driver["properties"] = ["actionCatalog": catalog] }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": driver],
                "columnKind": "unicodeCodePoints",
                "results": results,
            ]],
        ]
        return JSONOutput.string(log)
    }

    private func descriptor(_ rule: FindingRule) -> [String: Any] {
        var properties: [String: Any] = ["tags": [rule.category.rawValue]]
        if rule.severity == .securityWarning {
            properties["tags"] = [rule.category.rawValue, "security"]
            properties["security-severity"] = "7.0"
        }
        return [
            "id": rule.id,
            "name": rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
            "shortDescription": ["text": rule.summary],
            "defaultConfiguration": ["level": Self.level(rule.severity)],
            "properties": properties,
        ]
    }

    private func result(_ f: Diagnostic, ruleIndex: [String: Int]) -> [String: Any] {
        var text = f.message
        if let fix = f.fix { text += (text.hasSuffix(".") || text.hasSuffix("?") ? " " : ". ") + "Fix: \(fix)." }
        var r: [String: Any] = [
            "ruleId": f.id,
            "level": Self.level(f.severity),
            "message": ["text": text],
            "locations": [[
                "physicalLocation": [
                    "artifactLocation": ["uri": Self.uri(path(f.location.file))],
                    "region": ["startLine": f.location.line, "startColumn": f.location.column],
                ],
            ]],
        ]
        if let index = ruleIndex[f.id] { r["ruleIndex"] = index }
        if let block = f.block {
            r["properties"] = ["tool": block.toolSlug, "block": block.anchor, "blockKind": f.blockKind?.rawValue ?? ""]
        }
        return r
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .securityWarning, .warning: return "warning"
        case .suggestion: return "note"
        }
    }

    /// A relative path as a URI reference: each segment percent-encoded.
    static func uri(_ path: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".unicodeScalars)
        var out = ""
        for byte in path.utf8 {
            let s = Unicode.Scalar(byte)
            if byte < 0x80 && allowed.contains(s) { out.unicodeScalars.append(s) } else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
