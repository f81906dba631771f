import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// A guide's headings never take the ids of the tool page's own sections:
/// the table of contents, `aria-labelledby` and `#` links must reach the one
/// they name.
final class GuideHeadingIDTests: XCTestCase {
    func testAGuideHeadingNamedLikeAPageSectionGetsAnotherID() throws {
        let policy = "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}, {\"Effect\": \"Allow\", \"Action\": \"s3:Getobject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}\n```\n"
        let result = try TestSupport.build([
            "tools/t.md": "# T\n\n## What this tool needs\n\n" + policy + "\n## Diagnostics\n\n## Main\n\n## Combined policy\n",
        ])
        let html = try TestSupport.text(result, "tools/t/index.html")
        var counts: [String: Int] = [:]
        var rest = html[...]
        while let r = rest.range(of: " id=\"") {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            counts[String(after[..<end]), default: 0] += 1
            rest = after[end...]
        }
        XCTAssertEqual(counts.filter { $0.value > 1 }, [:], "every id once on the page")
        for id in ["what-this-tool-needs", "diagnostics", "main", "combined-policy"] {
            XCTAssertEqual(counts[id], 1, "the page's own \(id)")
            XCTAssertEqual(counts[id + "-1"], 1, "the guide's heading \(id)")
        }
        XCTAssertTrue(html.contains("<a href=\"#what-this-tool-needs\">What this tool needs</a>"), "the contents lead to the page's section")
    }
}
