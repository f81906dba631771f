import XCTest
@testable import PermDocsMarkdown
import PermDocsTestSupport

/// The renderer writes bytes and escapes cmark's C strings in place; these
/// pin that path to what the String path wrote, on the inputs most likely to
/// tell them apart: non-ASCII, CRLF endings, HTML special characters.
final class ByteRenderingTests: XCTestCase {
    private let tricky = [
        "", "plain", "&", "<>\"'&", "a&b<c>d\"e'f", "été ☃ 𝄞 e\u{301}", "<é>&\u{301}'", "line\r\nnext\r", "\t\u{7F}\u{80}",
        String(repeating: "x<", count: 300), "&amp; already escaped",
    ]

    func testByteEscapingAgreesWithTextEscaping() {
        for s in tricky {
            var fromString: [UInt8] = []
            HTMLEscaping.appendText(s, to: &fromString)
            XCTAssertEqual(String(decoding: fromString, as: UTF8.self), HTMLEscaping.text(s), s)
            var fromC: [UInt8] = [1, 2]  // appends, keeping what was there
            s.withCString { HTMLEscaping.appendText(cString: $0, to: &fromC) }
            XCTAssertEqual(Array(fromC.dropFirst(2)), Array(HTMLEscaping.text(s).utf8), s)
            XCTAssertEqual(fromC.prefix(2), [1, 2])
        }
    }

    /// Every node type the walk writes, with content that needs escaping and
    /// is not ASCII, and CRLF endings, against the HTML the String renderer
    /// wrote for it (copied from a build of this page by main's binary).
    func testPageWithEveryNodeTypeRendersAsBefore() throws {
        let md = "# Tïtle <a name=\"top\"></a>\r\n\r\n## Rôles & \"users\"\r\n\r\n"
            + "Text *em* **strong** `c<d>` é & < > ' \"  \r\nhard\\\r\nbreak <a name=\"n1\"></a>x\r\n\r\n"
            + "3. three\r\n4. four\r\n\r\n> quoted ☃\r\n\r\n---\r\n\r\n"
            + "```sh \"x\r\necho '<é>' && true\r\n```\r\n\r\n"
            + "[link ü](https://e.example/?a=1&b=\"2\" \"T & 'q'\") ![alt <é>](img.png) ![bad](javascript:x)\r\n\r\n"
            + "<div class=\"x\">raw & é</div>\r\n"
        let html = TestSupport.guideHTML(try TestSupport.analyze(md))
        let expected = "<h1 id=\"top\">Tïtle <a class=\"heading-anchor\" href=\"#top\" aria-label=\"Link to this section\">#</a></h1>\n"
            + "<h2 id=\"rôles-users\">Rôles &amp; &quot;users&quot;<a class=\"heading-anchor\" href=\"#rôles-users\" aria-label=\"Link to this section\">#</a></h2>\n"
            + "<p>Text <em>em</em> <strong>strong</strong> <code>c&lt;d&gt;</code> é &amp; &lt; &gt; &#39; &quot;<br>\nhard<br>\nbreak <a id=\"n1\"></a>x</p>\n"
            + "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n"
            + "<blockquote>\n<p>quoted ☃</p>\n</blockquote>\n<hr>\n"
            + "<pre tabindex=\"0\"><code class=\"language-sh\">echo &#39;&lt;é&gt;&#39; &amp;&amp; true\n</code></pre>\n"
            + "<p><a href=\"https://e.example/?a=1&amp;b=&quot;2&quot;\" title=\"T &amp; &#39;q&#39;\">link ü</a> "
            + "<img src=\"img.png\" alt=\"alt &lt;é&gt;\"> bad</p>\n"
            + "<div>raw &amp; é</div>\n\n\n"  // byte for byte as main's binary wrote it
        XCTAssertEqual(html, expected)
    }
}
