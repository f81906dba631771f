import XCTest
@testable import PermDocsMarkdown
import PermDocsTestSupport
import PermDocsCore
import PermDocsAnalysis

final class TemplateDialectsTests: XCTestCase {
    func testLiquidHighlightBecomesFencedCodeAndOtherTagsWarnOncePerName() throws {
        let (_, body) = try FrontMatter.split(try TestSupport.fixture("liquid-highlight.md"), file: "f.md")
        let result = TemplateDialects.rewrite(body, file: "tools/f.md")
        let lines = result.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, body.split(separator: "\n", omittingEmptySubsequences: false).count, "line count is kept")
        XCTAssertEqual(lines[5], "```json")
        XCTAssertEqual(lines[10], "```")
        XCTAssertFalse(result.markdown.contains("{%"))
        XCTAssertFalse(result.markdown.contains("{{<"))
        XCTAssertTrue(result.markdown.contains("Buckets must exist."))
        XCTAssertTrue(result.markdown.contains("A Hugo note."))
        XCTAssertEqual(result.diagnostics.map { $0.message.split(separator: " ").prefix(3).joined(separator: " ") }, ["Liquid tag 'hint'", "Hugo shortcode 'notice'"])
        XCTAssertEqual(result.diagnostics.map(\.location), [SourceLocation(file: "tools/f.md", line: 13, column: 1), SourceLocation(file: "tools/f.md", line: 17, column: 1)])
    }

    func testLiquidBlockIsRenderedAsCodeAndExtracted() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("liquid-highlight.md"))
        XCTAssertEqual(page.blocks.count, 1)
        XCTAssertEqual(page.blocks[0].location.line, 7)
        let html = TestSupport.guideHTML(page)
        XCTAssertTrue(html.contains("<figure class=\"policy policy-identity\" id=\"policy-1\">"))
        XCTAssertFalse(html.contains("{%"))
        XCTAssertTrue(html.contains("<p>Buckets must exist.</p>"))
    }

    func testTagsInsideCodeBlocksAreLeftAlone() {
        let md = "```\n{% raw %}{{< shortcode >}}\n```\n"
        let result = TemplateDialects.rewrite(md, file: "f.md")
        XCTAssertEqual(result.markdown, md)
        XCTAssertTrue(result.diagnostics.isEmpty)
    }

    func testCommentsAreDropped() {
        let result = TemplateDialects.rewrite("a\n{% comment %}\nhidden\n{% endcomment %}\nb\n", file: "f.md")
        XCTAssertFalse(result.markdown.contains("hidden"))
        XCTAssertEqual(result.markdown.split(separator: "\n", omittingEmptySubsequences: false).count, 6)
    }

    func testHugoHighlight() {
        let result = TemplateDialects.rewrite("{{< highlight json >}}\n{}\n{{< /highlight >}}\n", file: "f.md")
        XCTAssertEqual(result.markdown, "```json\n{}\n```\n")
    }
}
