import Foundation
import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy
import PermDocsSite

/// Each output format of `permdocs check` carries every finding with its place.
final class ReportFormatTests: XCTestCase {
    private func report() throws -> FindingsReport {
        let guide = """
            # Tool

            ```json
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": ["ec2:CancelImportTasks", "s3:*"], "Resource": "arn:aws:s3:::b,c/*"}]
            }
            ```
            """
        let site = try TestSupport.pipeline(InMemoryContentReader([
            "site.yml": "silence:\n  - id: service-wildcard\n    reason: \"reviewed: \\\"ok\\\"\"\n",
            "tools/a b.md": guide,
        ]), theme: nil).analyze()
        return FindingsReport(site: site)
    }

    func testTextIsCompilerStyleWithFixAndSummary() throws {
        let text = try report().formatted(as: .text, path: { "Content/" + $0 })
        XCTAssertTrue(text.contains("Content/tools/a b.md:6:48: error: ec2 has no action \"CancelImportTasks\"; did you mean \"ec2:CancelImportTask\""), text)
        XCTAssertTrue(text.contains("[unknown-action]\n    fix: write \"ec2:CancelImportTask\"\n"), text)
        XCTAssertTrue(text.contains("1 error, 0 security warnings, 0 warnings, 0 suggestions (1 silenced)"), text)
        XCTAssertFalse(text.contains("\u{1B}["), "no colour unless asked")
        XCTAssertTrue(try report().formatted(as: .text, color: true).contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    func testJSONHoldsEveryFindingAndIsDeterministic() throws {
        let text = try report().formatted(as: .json)
        XCTAssertEqual(text, try report().formatted(as: .json))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings[0]["id"] as? String, "unknown-action")
        XCTAssertEqual(findings[0]["line"] as? Int, 6)
        XCTAssertEqual(findings[0]["column"] as? Int, 48)
        XCTAssertEqual(findings[0]["file"] as? String, "tools/a b.md")
        XCTAssertEqual(findings[0]["tool"] as? String, "a b")
        XCTAssertEqual((json["summary"] as? [String: Any])?["silenced"] as? Int, 1)
        XCTAssertEqual(json["catalog"] as? String, try ActionCatalog.bundled().source)
    }

    /// The fields SARIF 2.1.0's schema requires, and the ones code scanning reads.
    func testSARIFHasTheSchemasRequiredFields() throws {
        let text = try report().formatted(as: .sarif, path: { "Content/" + $0 })
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertNotNil(log["$schema"])
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "permdocs")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, FindingRules.all.map(\.id))
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String)
        }
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2, "the finding and the silenced one")
        for result in results {
            XCTAssertNotNil((result["message"] as? [String: Any])?["text"] as? String, "result.message.text is required")
            let ruleId = try XCTUnwrap(result["ruleId"] as? String)
            XCTAssertEqual(rules[try XCTUnwrap(result["ruleIndex"] as? Int)]["id"] as? String, ruleId)
            XCTAssertTrue(["none", "note", "warning", "error"].contains(result["level"] as? String ?? ""))
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "Content/tools/a%20b.md")
            let region = try XCTUnwrap(location["region"] as? [String: Any])
            XCTAssertGreaterThanOrEqual(region["startLine"] as? Int ?? 0, 1)
            XCTAssertGreaterThanOrEqual(region["startColumn"] as? Int ?? 0, 1)
        }
        let suppressed = try XCTUnwrap(results.first { $0["suppressions"] != nil })
        XCTAssertEqual(suppressed["ruleId"] as? String, "service-wildcard")
        let suppression = try XCTUnwrap((suppressed["suppressions"] as? [[String: Any]])?.first)
        XCTAssertEqual(suppression["kind"] as? String, "external")
        XCTAssertEqual(suppression["justification"] as? String, "reviewed: \"ok\"")
    }

    func testGitHubAnnotationsEscapeTheirProperties() throws {
        let text = try report().formatted(as: .github, path: { "Content/" + $0 })
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("::error file=Content/tools/a b.md,line=6,col=48,title=error [unknown-action]::ec2 has no action"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("%0AFix: write \"ec2:CancelImportTask\""), "newline in the message escaped")
        XCTAssertEqual(GitHubReportFormatter.escapeProperty("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae")
    }

    func testFailThresholds() throws {
        let r = try report()
        XCTAssertTrue(r.fails(at: .error))
        let warningsOnly = FindingsReport(findings: [FindingRules.emptyCondition.finding("x", at: SourceLocation(file: "f", line: 1, column: 1))])
        XCTAssertFalse(warningsOnly.fails(at: .error))
        XCTAssertFalse(warningsOnly.fails(at: .securityWarning))
        XCTAssertTrue(warningsOnly.fails(at: .warning))
    }
}

/// Paths as printed from the working directory.
final class DisplayPathTests: XCTestCase {
    func testContentFolderSpellingsGiveOnePath() {
        for folder in ["Content", "Content/", "./Content", "./Content//"] {
            XCTAssertEqual(ReportPaths.fromWorkingDirectory("tools/x.md", contentFolder: folder), "Content/tools/x.md", folder)
        }
        XCTAssertEqual(ReportPaths.fromWorkingDirectory("tools/x.md", contentFolder: "."), "tools/x.md")
        XCTAssertEqual(ReportPaths.fromWorkingDirectory("tools/x.md", contentFolder: "/abs/c/"), "/abs/c/tools/x.md")
    }
}
