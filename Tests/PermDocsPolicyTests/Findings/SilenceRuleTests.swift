import XCTest
@testable import PermDocsPolicy
import PermDocsTestSupport
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

/// `silence:` in site.yml hides findings by id, tool, page and action, and says how many.
final class SilenceRuleTests: XCTestCase {
    private let guide = """
        # Tool

        ```json
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["S3:GetObject", "EC2:DescribeImages"], "Resource": "arn:aws:s3:::b/*"}]}
        ```
        """

    private func analyze(_ siteYML: String) throws -> AnalyzedSite {
        try TestSupport.pipeline(InMemoryContentReader(["site.yml": siteYML, "tools/a.md": guide, "tools/b.md": guide])).analyze()
    }

    func testSilencesByIdToolAndAction() throws {
        let all = try analyze("title: T\n")
        XCTAssertEqual(all.diagnostics.filter { $0.id == "action-case" }.count, 4)
        XCTAssertTrue(all.silenced.isEmpty)

        let some = try analyze("""
            silence:
              - id: action-case
                tool: a
                action: s3:getobject
                reason: vendor spelling
            """)
        XCTAssertEqual(some.diagnostics.filter { $0.id == "action-case" }.map { "\($0.location.file) \($0.subject!)" },
                       ["tools/a.md EC2:DescribeImages", "tools/b.md S3:GetObject", "tools/b.md EC2:DescribeImages"])
        XCTAssertEqual(some.silenced.map(\.subject), ["S3:GetObject"])
        XCTAssertTrue(FindingsReport(site: some).summary.hasSuffix("(1 silenced)"), FindingsReport(site: some).summary)

        let byPage = try analyze("silence:\n  - id: action-case\n    page: tools/b.md\n")
        XCTAssertEqual(byPage.silenced.count, 2)
        XCTAssertTrue(byPage.silenced.allSatisfy { $0.location.file == "tools/b.md" })
    }

    func testUnknownIdOrToolIsAnErrorAtItsLine() throws {
        XCTAssertThrowsError(try analyze("title: T\nsilence:\n  - id: no-such-rule\n")) { error in
            let e = error as! PermDocsError
            XCTAssertEqual(e.location?.line, 3)
            XCTAssertTrue(e.message.contains("no-such-rule"), e.message)
        }
        XCTAssertThrowsError(try analyze("silence:\n  - id: action-case\n    tool: nope\n")) { error in
            XCTAssertTrue((error as! PermDocsError).message.contains("'nope'"))
        }
        XCTAssertThrowsError(try analyze("silence:\n  - id: action-case\n    tools: a\n"))
    }
}
