import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsCore
import PermDocsTestSupport

/// A tool's first page opens with what the tool needs (issue 10, item 2):
/// counts by service and access level, its risky findings, links to the
/// combined policy and to the full list; the guide follows.
final class ToolSummaryTests: XCTestCase {
    private let guide = """
        # Tool

        ```json
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "ec2:DescribeInstances"], "Resource": "*"},
          {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}
        ]}
        ```

        """

    func testTheSummaryComesBeforeTheGuideWithCountsRisksAndLinks() throws {
        let report = try TestSupport.build(["site.yml": "title: x\n", "tools/t.md": guide])
        let page = try TestSupport.text(report, "tools/t/index.html")
        let summary = try XCTUnwrap(page.range(of: "<section class=\"summary\""))
        let guide = try XCTUnwrap(page.range(of: "<article class=\"guide\">"))
        XCTAssertLessThan(summary.lowerBound, guide.lowerBound, "the summary first")
        let text = String(page[summary.lowerBound..<guide.lowerBound])
        XCTAssertTrue(text.contains("This tool needs <strong>4 actions</strong> in 3 services."), text)
        XCTAssertTrue(text.contains("<a href=\"#what-this-tool-needs\">The full list</a>"), text)
        XCTAssertTrue(text.contains("<a href=\"#combined-policy\">the combined policy</a> (<a class=\"download\" href=\"../../policies/t.json\" download>t.json</a>)"), text)
        // Services, most needed first, each linking to its page.
        XCTAssertTrue(text.contains("<li><a href=\"../../services/s3.html\">s3</a> <span class=\"count\">2</span></li><li><a href=\"../../services/ec2.html\">ec2</a> <span class=\"count\">1</span></li><li><a href=\"../../services/iam.html\">iam</a> <span class=\"count\">1</span></li>"), text)
        // Access levels with at least one action: ec2:DescribeInstances and s3:ListBucket are List, s3:GetObject Read, iam:PassRole Write.
        XCTAssertTrue(text.contains("List <span class=\"count\">2</span>"), text)
        XCTAssertTrue(text.contains("Read <span class=\"count\">1</span>"), text)
        XCTAssertFalse(text.contains("Tagging"), "levels without actions are left out")
        // The risky findings: security warnings, each linking to its block.
        let risky = report.site.diagnostics.filter { $0.severity == .securityWarning }
        XCTAssertFalse(risky.isEmpty)
        XCTAssertTrue(text.contains("Risky: \(CountPhrase.of(risky.count, "security warning"))"), text)
        XCTAssertTrue(text.contains("[passrole-any-resource]</code> <a class=\"block-link\" href=\"#policy-1\">policy-1</a>"), text)
    }

    func testWithoutRiskyFindingsOrActionsTheSummarySaysSoBriefly() throws {
        let report = try TestSupport.build(["site.yml": "title: x\n", "tools/t.md": "# Tool\n\nNo policy here.\n",
                                            "tools/f/index.md": "# F\n", "tools/f/more.md": guide])
        XCTAssertFalse(try TestSupport.text(report, "tools/f/more.html").contains("class=\"summary\""), "only the first page has one")
        let page = try TestSupport.text(report, "tools/t/index.html")
        XCTAssertTrue(page.contains("This tool needs <strong>0 actions</strong> in 0 services."), page)
        XCTAssertFalse(page.contains("Risky:"))
        XCTAssertFalse(page.contains("summary-counts"), "no empty lists")
        XCTAssertFalse(page.contains("the combined policy</a> ("), "no link to an empty policy")
    }
}
