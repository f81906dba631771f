import Foundation
import PermDocsCore

/// The report as one JSON document, keys sorted so that the same findings
/// always give the same bytes:
/// `{"permdocs", "catalog", "summary": {…}, "findings": [{id, severity, message,
/// file, line, column, fix?, subject?, tool?, block?, blockKind?}], "silenced": [the
/// silenced findings, same fields]}`; `summary` counts each severity and the silenced.
struct JSONReportFormatter {
    var path: (String) -> String

    func format(_ report: FindingsReport) -> String {
        var summary: [String: Any] = ["silenced": report.silenced.count]
        for severity in Diagnostic.Severity.allCases { summary[severity.rawValue] = report.countsBySeverity[severity] ?? 0 }
        let document: [String: Any] = [
            "permdocs": report.permdocsVersion,
            "catalog": report.catalogVersion ?? NSNull(),
            "summary": summary,
            "findings": report.findings.map(object),
            "silenced": report.silenced.map(object),
        ]
        return JSONOutput.string(document)
    }

    private func object(_ f: Diagnostic) -> [String: Any] {
        var o: [String: Any] = [
            "id": f.id, "severity": f.severity.rawValue, "message": f.message,
            "file": path(f.location.file), "line": f.location.line, "column": f.location.column,
        ]
        if let fix = f.fix { o["fix"] = fix }
        if let subject = f.subject { o["subject"] = subject }
        if let block = f.block {
            o["tool"] = block.toolSlug
            o["block"] = block.anchor
        }
        if let kind = f.blockKind { o["blockKind"] = kind.rawValue }
        return o
    }
}

/// JSON text with sorted keys, two-space indentation and `/` unescaped:
/// the same value always gives the same bytes. Strings keep their values
/// exactly, but no control character is written raw (see `ControlCharacters`).
enum JSONOutput {
    static func string(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return ControlCharacters.escapingJSON(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
