import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// Content that tries to inject markup must reach the output only as text.
final class EscapingTests: XCTestCase {
    /// Every tag of `html` with its double-quoted attribute values removed
    /// (values are escaped, so a `"` always ends one).
    static func tagsOutsideQuotedValues(_ html: String) -> [String] {
        var tags: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<") {
            guard let close = rest[open.upperBound...].range(of: ">") else { break }
            let tag = String(rest[open.lowerBound..<close.upperBound])
            tags.append(tag.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression))
            rest = rest[close.upperBound...]
        }
        return tags
    }

    func testHostileContentIsEscapedEverywhere() throws {
        let report = try TestSupport.build([
            "site.yml": "title: \"Site <script>alert('site')</script>\"\ndescription: \"\\\" onmouseover=\\\"alert(0)\"\n"
                + "tool_sets:\n  \"<script>alert('set')</script>\\\" onmouseover=\\\"x\": [evil, evil2]\n  \"../../etc\": [evil2]\n",
            "tools/evil.md": try TestSupport.fixture("hostile.md"),
            "tools/evil2.md": try TestSupport.fixture("hostile2.md"),
        ])
        XCTAssertEqual(report.site.tools[0].blocks.count, 1)
        // Pages named after content stay inside their folders, with tame names.
        for file in report.files where ["services/", "sets/", "policies/"].contains(where: file.path.hasPrefix) {
            XCTAssertNotNil(file.path.range(of: #"^[a-z]+/([a-z0-9_.-]+/)*[a-z0-9_-][a-z0-9_.-]*\.(html|json)$"#, options: .regularExpression), file.path)
            XCTAssertFalse(file.path.contains(".."), file.path)
        }
        XCTAssertTrue(report.files.contains { $0.path.hasPrefix("sets/") }, "the hostile set has a page")
        XCTAssertGreaterThan(report.files.filter { $0.path.hasPrefix("services/") }.count, 1)
        for file in report.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.data, as: UTF8.self)
            // The only scripts are the theme's own files and the site's data script, loaded by URL (from / on 404.html); nothing inline.
            let scripts = html.lowercased().components(separatedBy: "<script").dropFirst()
            XCTAssertTrue(scripts.allSatisfy { $0.range(of: #"^ src="(/|(\.\./)*)(assets|data)/[a-z]+\.js" defer></script>"#, options: .regularExpression) != nil }, "\(file.path) has a script tag")
            XCTAssertFalse(html.contains("\" onmouseover="), "\(file.path) lets an attribute out")
            // An escaped `onmouseover=&quot;` inside a value is text; a live one is followed by a quote or a value.
            XCTAssertNil(html.range(of: #"<[^>]*\son[a-z]+\s*=(?!&quot;|&#39;)"#, options: .regularExpression).flatMap { _ in
                // Content such as `<img onerror=…>` may stand, escaped, inside a quoted attribute value
                // (a row's data-s): only what remains of each tag outside its quoted values counts.
                Self.tagsOutsideQuotedValues(html).first { $0.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil }
            }, "\(file.path) has an event handler attribute")
            XCTAssertNil(html.range(of: #"(href|src)\s*=\s*["']?\s*javascript:"#, options: [.regularExpression, .caseInsensitive]), "\(file.path) has a javascript: URL")
        }
        // The comparison's data script, and the rows' names it refers to, are each one
        // assignment of JSON whose strings cannot end it.
        for (path, prefix) in [(CompareData.path, "window.permdocsCompare = "), (RowsData.path, "window.permdocsRows = ")] {
            let script = try TestSupport.text(report, path)
            let suffix = ";\n"
            XCTAssertTrue(script.hasPrefix(prefix) && script.hasSuffix(suffix), path)
            let json = script.dropFirst(prefix.count).dropLast(suffix.count)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), path)
            XCTAssertFalse(json.contains("<") || json.contains("\u{2028}") || json.contains("\n"), "\(path): no markup, line separators or raw newlines")
        }
        let page = try TestSupport.text(report, "tools/evil/index.html")
        XCTAssertTrue(page.contains("Evil &lt;script&gt;alert(&#39;tool&#39;)&lt;/script&gt;"), "tool name shown as text")
        // In the heading, cmark reads `<script>` as inline HTML: the sanitizer drops the tags and keeps the text.
        XCTAssertTrue(page.contains("Heading alert(&#39;heading&#39;)"), "heading text kept, tags dropped")
        XCTAssertTrue(page.contains("&lt;script&gt;alert(&#39;json&#39;)&lt;/script&gt;"), "JSON string shown as text")
        XCTAssertTrue(page.contains("&quot; onmouseover=&quot;alert(7)"), "quote in JSON escaped")
    }
}
