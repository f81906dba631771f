import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// The markdown comment shows what guides hold without letting it format,
/// link, open HTML or end a table cell.
final class DiffMarkdownEscapingTests: XCTestCase {
    func testHostileNamesStayInert() throws {
        let name = "A | <img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))"
        let guide = DiffFixtures.guide(name, [DiffFixtures.allow(["s3:Get`Object|x<b>"], "arn:aws:s3:::b|`c`")])
        let diff = try DiffFixtures.diff([:], ["evil.md": guide])
        let markdown = diff.formatted(as: .markdown) { _ in "https://example.com/tools/evil/index.html?a=<b> c" }
        XCTAssertEqual(markdown, """
            ### Permission changes: `base` → `target`

            Tools: 1 added; actions: 1 added; findings: 1 (1 error) new.

            | Tool | Status | Actions | Needed differently | Resources | Trust principals | New findings | Resolved findings |
            | --- | --- | --- | --- | --- | --- | --- | --- |
            | [A \\| \\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\[x\\](javascript:alert(1))](<https://example.com/tools/evil/index.html?a=%3Cb%3E%20c>) `evil` | added | +1 |  |  |  | 1 (1 error) |  |

            <details><summary><b>A | &lt;img src=x onerror=alert(1)&gt; **bold** [x](javascript:alert(1))</b> (<code>evil</code>): added</summary>

            - Added ``s3:get`object|x<b>``: explicit
            - New error `unknown-action` on ``s3:Get`Object|x<b>``: s3 has no action "Get\\`Object\\|x\\<b\\>" (tools/evil.md:9)

            </details>

            """)
    }

    func testCodeSpansOutlastTheBackticksInside() {
        XCTAssertEqual(MarkdownEscaping.code("a"), "`a`")
        XCTAssertEqual(MarkdownEscaping.code("a`b"), "``a`b``")
        XCTAssertEqual(MarkdownEscaping.code("`a``"), "``` `a`` ```")
        XCTAssertEqual(MarkdownEscaping.code("a|b", inTable: true), "`a\\|b`")
        XCTAssertEqual(MarkdownEscaping.code("a\nb"), "`a\\nb`", "a line break cannot end the list item")
    }
}
