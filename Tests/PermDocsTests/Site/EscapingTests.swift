import XCTest
@testable import PermDocs

/// Content that tries to inject markup must reach the output only as text.
final class EscapingTests: XCTestCase {
    func testHostileContentIsEscapedEverywhere() throws {
        let report = try TestSupport.build([
            "site.yml": "title: \"Site <script>alert('site')</script>\"\ndescription: \"\\\" onmouseover=\\\"alert(0)\"\n",
            "tools/evil.md": try TestSupport.fixture("hostile.md"),
        ])
        XCTAssertEqual(report.site.tools[0].blocks.count, 1)
        for file in report.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.data, as: UTF8.self)
            // The only scripts are the theme's own files, loaded by URL; nothing inline.
            let scripts = html.lowercased().components(separatedBy: "<script").dropFirst()
            XCTAssertTrue(scripts.allSatisfy { $0.range(of: #"^ src="(\.\./)*assets/[a-z]+\.js" defer></script>"#, options: .regularExpression) != nil }, "\(file.path) has a script tag")
            XCTAssertFalse(html.contains("\" onmouseover="), "\(file.path) lets an attribute out")
            // An escaped `onmouseover=&quot;` inside a value is text; a live one is followed by a quote or a value.
            XCTAssertNil(html.range(of: #"<[^>]*\son[a-z]+\s*=(?!&quot;|&#39;)"#, options: .regularExpression), "\(file.path) has an event handler attribute")
            XCTAssertNil(html.range(of: #"(href|src)\s*=\s*["']?\s*javascript:"#, options: [.regularExpression, .caseInsensitive]), "\(file.path) has a javascript: URL")
        }
        let page = try TestSupport.text(report, "tools/evil/index.html")
        XCTAssertTrue(page.contains("Evil &lt;script&gt;alert(&#39;tool&#39;)&lt;/script&gt;"), "tool name shown as text")
        // In the heading, cmark reads `<script>` as inline HTML: the sanitizer drops the tags and keeps the text.
        XCTAssertTrue(page.contains("Heading alert(&#39;heading&#39;)"), "heading text kept, tags dropped")
        XCTAssertTrue(page.contains("&lt;script&gt;alert(&#39;json&#39;)&lt;/script&gt;"), "JSON string shown as text")
        XCTAssertTrue(page.contains("&quot; onmouseover=&quot;alert(7)"), "quote in JSON escaped")
    }
}
