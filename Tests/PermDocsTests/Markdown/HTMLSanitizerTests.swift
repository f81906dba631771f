import XCTest
@testable import PermDocs

final class HTMLSanitizerTests: XCTestCase {
    private let clean = HTMLSanitizer().sanitize

    func testKeepsAllowedTagsRewritten() {
        XCTAssertEqual(clean(#"<a name="required-permissions"></a>"#), #"<a name="required-permissions"></a>"#)
        XCTAssertEqual(clean("<BR/>"), "<br>")
        XCTAssertEqual(clean("<details open><summary>More</summary>x</details>"), "<details open><summary>More</summary>x</details>")
        XCTAssertEqual(clean("<td colspan=2 style='color:red'>a</td>"), "<td colspan=\"2\">a</td>")
        XCTAssertEqual(clean(#"<a href="https://x.example/?a=1&amp;b=2">x</a>"#), #"<a href="https://x.example/?a=1&amp;b=2">x</a>"#)
    }

    func testDropsScriptsAndHandlers() {
        XCTAssertEqual(clean("<script>alert(1)</script>ok"), "ok")
        XCTAssertEqual(clean("<SCRIPT src=x></SCRIPT>"), "")
        XCTAssertEqual(clean("<style>body{}</style>"), "")
        XCTAssertEqual(clean("<img src=x onerror=alert(1)>"), "<img src=\"x\">")
        XCTAssertEqual(clean(##"<a href="#" onmouseover="x">y</a>"##), ##"<a href="#">y</a>"##)
        XCTAssertEqual(clean("<div><iframe src=x></iframe><form action=x>t</form></div>"), "<div>t</div>")
        XCTAssertEqual(clean("<!-- hidden --><!DOCTYPE html>v"), "v")
    }

    func testDropsUnsafeURLsHoweverSpelt() {
        for href in ["javascript:alert(1)", "JaVaScRiPt:x", "  javascript:x", "jav&#x09;ascript:x", "jav&#9;ascript:x", "&#106;avascript:x", "&#x6A;avascript:x", "java\tscript:x", "vbscript:x", "data:text/html,x", "jav&Tab;ascript:x"] {
            let out = clean("<a href=\"\(href)\">x</a>")
            XCTAssertEqual(out, "<a>x</a>", href)
        }
        XCTAssertEqual(clean("<a href='page.html#x'>x</a>"), "<a href=\"page.html#x\">x</a>")
    }

    func testTextIsEscapedAndAttributeValuesStayInside() {
        XCTAssertEqual(clean("a < b & c > d"), "a &lt; b &amp; c &gt; d")
        XCTAssertEqual(clean(#"<span title='" onmouseover="alert(1)'>t</span>"#), #"<span title="&quot; onmouseover=&quot;alert(1)">t</span>"#)
        XCTAssertEqual(clean("<scr<script>ipt>alert(1)</script>"), "&lt;scr")
        XCTAssertEqual(clean("<a href=\"unclosed"), "&lt;a href=&quot;unclosed")
    }

    func testRandomInputNeverYieldsScriptOrHandlers() {
        var rng = SystemRandomNumberGenerator()
        let parts = ["<", ">", "\"", "'", "=", "script", "on", "/", "a", "img", " ", "src", "onerror", "x", "&#", "\n", "<!--", "-->", "SCRIPT", "href", "javascript:"]
        for _ in 0..<3000 {
            let input = (0..<Int.random(in: 1...30, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let out = clean(input)
            XCTAssertFalse(out.lowercased().contains("<script"), input)
            XCTAssertNil(out.range(of: #"<[^>]*\son[a-z]*\s*="#, options: .regularExpression), "\(input) -> \(out)")
            XCTAssertNil(out.range(of: #"(href|src)="\s*javascript"#, options: [.regularExpression, .caseInsensitive]), "\(input) -> \(out)")
        }
    }
}
