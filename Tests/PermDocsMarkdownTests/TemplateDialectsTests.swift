import Foundation
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

    /// A tag that never closes, on a long line, is read in one pass. The fuzzer
    /// found an 8 KB line that took 2 s (quadratic backtracking); at 200 KB
    /// that would be over 20 minutes, and it takes milliseconds now.
    func testAnUnclosedTagOnALongLineIsReadInOnePass() {
        let dashes = String(repeating: "-0", count: 100_000)
        for line in ["# Title {% end\(dashes)", "{% highlight x\(dashes)", "{{< figure\(dashes)", "text {{% note\(dashes)"] {
            let start = Date()
            let result = TemplateDialects.rewrite(line + "\n\nafter {% raw %}\n", file: "p.md")
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, String(line.prefix(20)))
            XCTAssertTrue(result.markdown.hasPrefix(line), "the unclosed tag is left as written")
            XCTAssertEqual(result.diagnostics.map(\.location.line), [3], "the closed tag after it is still found")
        }
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

    /// The fixtures differ only in their line ends ("\r\n", a lone "\r"): each tag is
    /// found at the line and column cmark and an editor show, and the highlight
    /// block becomes a policy block on the line it was written on.
    func testTemplateTagPositionsInCRAndCRLFFiles() throws {
        for name in ["template-tags-crlf.md", "template-tags-cr.md"] {
            let text = try TestSupport.fixture("LineEnds/" + name)
            XCTAssertTrue(text.utf8.contains(0x0D), "\(name) keeps its line ends (see .gitattributes)")
            let expected = [(4, 9, "hint"), (10, 11, "notice"), (11, 3, "raw")]
            let page = try TestSupport.analyze(text, path: "tools/t.md")
            let tags = page.diagnostics.filter { $0.id == "template-tag" }
            XCTAssertEqual(tags.map { "\($0.location.line):\($0.location.column) \($0.subject ?? "")" },
                           expected.map { "\($0.0):\($0.1) \($0.2)" }, name)
            XCTAssertEqual(page.blocks.map { "\($0.location.line):\($0.location.column)" }, ["7:1"], name)

            // The rewrite keeps every line and its ending.
            let (_, body) = try FrontMatter.split(text, file: "tools/t.md")
            let rewritten = TemplateDialects.rewrite(body, file: "tools/t.md").markdown
            XCTAssertEqual(SourceLines(rewritten).lines.map(\.ending), SourceLines(body).lines.map(\.ending), name)

            // Read from disk (line ends made "\n") the positions are the same.
            let reader = InMemoryContentReader(["tools/t.md": text])
            let normalized = try TestSupport.analyze(try reader.readText("tools/t.md"), path: "tools/t.md")
            XCTAssertEqual(normalized.diagnostics.filter { $0.id == "template-tag" }.map(\.location), tags.map(\.location), name)
        }
    }

    func testSourceLinesCutsAtEveryLineEndAndKeepsIt() {
        let lines = SourceLines("a\r\nb\rc\n\r\nd").lines
        XCTAssertEqual(lines.map(\.text), ["a", "b", "c", "", "d"])
        XCTAssertEqual(lines.map(\.ending), ["\r\n", "\r", "\n", "\r\n", ""])
        XCTAssertEqual(SourceLines("").lines.map(\.text), [""])
        XCTAssertEqual(SourceLines("x\n").lines.map(\.text), ["x", ""])
    }

    func testLinesEmptiedAfterALoneCRAreNotMergedIntoACRLF() {
        // "a\r{% x %}\nb": emptying the tag's line must not leave "a\r\nb" (two lines of three).
        let result = TemplateDialects.rewrite("a\r{% x %}\nb", file: "f.md")
        XCTAssertEqual(SourceLines(result.markdown).lines.map(\.text), ["a", "", "b"])
        XCTAssertEqual(result.diagnostics.map(\.location), [SourceLocation(file: "f.md", line: 2, column: 1)])
        let (_, body) = try! FrontMatter.split("---\nt: x\n\r---\nbody", file: "f.md")
        XCTAssertEqual(SourceLines(body).lines.map(\.text), ["", "", "", "", "body"])
    }

    /// Lines without `{%`, `{{<` or `{{%` skip the regexes: a highlight's
    /// close, a comment's close and tags are still found among such lines,
    /// with CRLF endings and non-ASCII text kept as they were.
    func testTagLinesAmongPlainLinesAreStillRewritten() {
        let md = "é line\r\n{% highlight json %}\r\n{ \"a\": 1 }\r\nplain ☃\r\n{% endhighlight %}\r\n"
            + "{% comment %}\r\nhidden é\r\n{% endcomment %}after\r\nx {% raw %}y{% endraw %} z\r\nlast"
        let result = TemplateDialects.rewrite(md, file: "f.md")
        XCTAssertEqual(result.markdown, "é line\r\n```json\r\n{ \"a\": 1 }\r\nplain ☃\r\n```\r\n\r\n\r\nafter\r\nx y z\r\nlast")
        XCTAssertEqual(result.diagnostics.map(\.subject), ["raw"])
        XCTAssertTrue(TemplateDialects.mayHoldTag("a {{< b"))
        XCTAssertTrue(TemplateDialects.mayHoldTag("{{% b"))
        XCTAssertTrue(TemplateDialects.mayHoldTag("{%"))
        XCTAssertFalse(TemplateDialects.mayHoldTag("{ % }} {{ < %} é"))
    }
}
