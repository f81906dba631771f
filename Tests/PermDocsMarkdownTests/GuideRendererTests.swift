import XCTest
@testable import PermDocsMarkdown
import PermDocsTestSupport

final class GuideRendererTests: XCTestCase {
    private func render(_ md: String) throws -> String {
        let page = try TestSupport.analyze(md)
        return TestSupport.guideHTML(page)
    }

    func testPipeTablesRenderAsTables() throws {
        let html = try render("| Action | Why |\n| :--- | ---: |\n| `s3:GetObject` | read \\| write |\n| *x* |\n")
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<thead><tr><th style=\"text-align:left\">Action</th><th style=\"text-align:right\">Why</th></tr></thead>"), html)
        XCTAssertTrue(html.contains("<td style=\"text-align:left\"><code>s3:GetObject</code></td><td style=\"text-align:right\">read | write</td>"), html)
        XCTAssertTrue(html.contains("<td style=\"text-align:left\"><em>x</em></td><td style=\"text-align:right\"></td>"), html)
    }

    func testParagraphWithPipesIsNotATable() throws {
        let html = try render("a | b\nc | d\n")
        XCTAssertFalse(html.contains("<table>"))
        XCTAssertTrue(html.contains("<p>a | b\nc | d</p>"))
    }

    func testOneCellTableWithEmptyHeader() throws {
        let html = try render("|  |\n| --- |\n| Note |\n| Text \\(here\\) |\n")
        XCTAssertFalse(html.contains("<thead>"))
        XCTAssertTrue(html.contains("<tr><td>Note</td></tr>"))
        XCTAssertTrue(html.contains("<tr><td>Text (here)</td></tr>"))
    }

    func testCodeBlocksThatAreNotPoliciesStayCode() throws {
        let html = try render("```bash\naws iam create-role --role-name x\n```\n")
        XCTAssertTrue(html.contains("<pre tabindex=\"0\"><code class=\"language-bash\">aws iam create-role --role-name x\n</code></pre>"))
    }

    /// A code block scrolls sideways in its own box: a reader without a mouse focuses it to scroll with the keys.
    func testCodeBlocksAreFocusable() throws {
        let html = try render("```\nplain\n```\n\n    indented\n")
        XCTAssertEqual(html.components(separatedBy: "<pre tabindex=\"0\"><code>").count - 1, 2, html)
    }

    /// The table of contents lists the `##` and `###` headings as a reader sees
    /// them (no markup), each with the id its heading got, in page order.
    func testSectionHeadingsAreCollectedWithTheirIDs() throws {
        let page = try TestSupport.analyze("# Title\n\n## Set *up* `s3`\n\n### Roles <b>&amp;</b> users\n\n#### Deep\n\n## Set up\n")
        let headings = page.guide.headings
        XCTAssertEqual(headings.map(\.level), [2, 3, 2])
        XCTAssertEqual(headings.map(\.text), ["Set up s3", "Roles & users", "Set up"])
        let html = TestSupport.guideHTML(page)
        for heading in headings {
            XCTAssertTrue(html.contains("<h\(heading.level) id=\"\(heading.id)\">"), "\(heading.id) is not a heading's id")
        }
        XCTAssertEqual(Set(headings.map(\.id)).count, 3, "each heading links to its own anchor")
    }

    func testTightAndLooseLists() throws {
        XCTAssertTrue(try render("- a\n- b\n").contains("<ul>\n<li>a</li>\n<li>b</li>\n</ul>"))
        XCTAssertTrue(try render("1. a\n\n1. b\n").contains("<ol>\n<li><p>a</p>\n</li>"))
    }

    func testLinksToOtherPagesOfTheTool() {
        XCTAssertEqual(PageLinks.resolve("setup.md#roles", from: "index", pages: ["index", "setup"]), "setup.html#roles")
        XCTAssertEqual(PageLinks.resolve("../index.md", from: "a/b", pages: ["index", "a/b"]), nil)
        // A README.md that became the intro page is reached by its file name; one kept as a page by its own.
        XCTAssertEqual(PageLinks.resolve("README.md#setup", from: "guide", pages: ["index", "guide"], introAlias: "README"), "index.html#setup")
        XCTAssertEqual(PageLinks.resolve("_index.md", from: "guide", pages: ["index", "guide"], introAlias: "_index"), "index.html")
        XCTAssertEqual(PageLinks.resolve("README.md", from: "guide", pages: ["index", "README", "guide"]), "README.html")
        XCTAssertNil(PageLinks.resolve("README.md", from: "guide", pages: ["index", "guide"]), "no README became the intro: the link leads nowhere")
        XCTAssertNil(PageLinks.resolve("README.md", from: "guide", pages: ["index", "guide"], introAlias: "_index"))
        XCTAssertEqual(PageLinks.resolve("c.md", from: "a/b", pages: ["a/c", "a/b"]), "../a/c.html")
        XCTAssertNil(PageLinks.resolve("https://x/y.md", from: "index", pages: ["y"]))
        XCTAssertNil(PageLinks.resolve("missing.md", from: "index", pages: ["index"]))
    }

    func testUnsafeLinksAreDropped() throws {
        let html = try render("[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](https://ok.example/) [d](data:text/html,x) ![i](javascript:y)")
        XCTAssertFalse(html.lowercased().contains("javascript:"))
        XCTAssertFalse(html.contains("data:"))
        XCTAssertTrue(html.contains("<a href=\"https://ok.example/\">c</a>"))
    }

    /// AWS guides put `<a name>` anchors in paragraphs too; HTML5 has no `name` on `a`,
    /// so they become ids (links to `#x` still land), never repeating an id of the page.
    func testNamedAnchorsOutsideHeadingsBecomeUniqueIDs() throws {
        let html = try render("""
            ## Setup

            **Allows access\\.** <a name="allow-access"></a> Text.

            Again <a name="allow-access"></a> and <a name="setup"></a> here.

            | A | B |
            | --- | --- |
            | <a name="in-cell"></a>x | y |
            """)
        XCTAssertTrue(html.contains("<strong>Allows access.</strong> <a id=\"allow-access\"></a> Text."), html)
        XCTAssertTrue(html.contains("<p>Again  and  here.</p>"), "a repeated name and the heading's id are dropped with their </a>: \(html)")
        XCTAssertTrue(html.contains("<a id=\"in-cell\"></a>x"), html)
        XCTAssertFalse(html.contains("name="), html)
        XCTAssertEqual(html.components(separatedBy: "id=\"setup\"").count - 1, 1, "the heading keeps its id, once")
    }

    /// A self-closing `<a name="x"/>` has no `</a>` of its own: it is closed, and a repeated
    /// one swallows no later link's `</a>`.
    func testSelfClosingNamedAnchorsStayBalanced() throws {
        let html = try render(#"One <a name="dup"/> two <a name="dup"/> three <a href="https://e.example">e</a>."#)
        XCTAssertTrue(html.contains(#"One <a id="dup"></a> two  three <a href="https://e.example">e</a>."#), html)
    }
}

