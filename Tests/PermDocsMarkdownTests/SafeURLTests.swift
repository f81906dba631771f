import XCTest
import PermDocsMarkdown
import PermDocsTestSupport

/// `SafeURL` reads URLs on their bytes; it must allow and refuse exactly what
/// the scalar- and Character-level rule it replaced did.
final class SafeURLTests: XCTestCase {
    func testAllowsWebAndMailLinksAndRelativeOnesAndNoOtherScheme() {
        for allowed in ["https://example.com", "HTTP://x", "mailto:a@b", "setup.md#roles", "#top", "a/b:c", "?q=a:b", "", "no colon"] {
            XCTAssertTrue(SafeURL.isAllowed(allowed), allowed)
        }
        for refused in ["javascript:alert(1)", "JavaScript:x", "java\tscript:x", " java\u{1}script:x", "data:text/html,x", "vbscript:x", "ftp://x", "\u{7F}javascript:x"] {
            XCTAssertFalse(SafeURL.isAllowed(refused), refused)
        }
    }

    func testSchemesBeyondASCIIFollowUnicodeRules() {
        // The Kelvin sign is not `k`, and no scheme here has one; a dotted İ lowercases to two scalars.
        XCTAssertFalse(SafeURL.isAllowed("m\u{0130}lto:x"))
        XCTAssertFalse(SafeURL.isAllowed("htt\u{A0}p:x"), "a no-break space is not removed")
        // A combining mark after the colon makes it part of another Character: no scheme colon there.
        XCTAssertEqual(SafeURL.isAllowed("javascript:\u{301}x"), Self.reference("javascript:\u{301}x"))
    }

    func testAgreesWithTheCharacterLevelRuleOnTrickyURLs() {
        for url in TrickyURLs.sample() {
            XCTAssertEqual(SafeURL.isAllowed(url), Self.reference(url), url.debugDescription)
        }
    }

    /// The rule as it stood before it was read on bytes.
    static func reference(_ url: String) -> Bool {
        for byte in url.utf8 {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
            if byte == UInt8(ascii: ":") { break }
        }
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let beforeColon = cleaned[..<colon]
        if beforeColon.contains("/") || beforeColon.contains("?") || beforeColon.contains("#") { return true }
        let scheme = beforeColon.lowercased()
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }
}

/// `HTMLEscaping.text` escapes the five characters, sized on the bytes.
final class HTMLEscapingTests: XCTestCase {
    func testEscapesTheFiveCharactersAndKeepsEverythingElse() {
        XCTAssertEqual(HTMLEscaping.text(#"<a href="x">Tom & Jerry's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        XCTAssertEqual(HTMLEscaping.text("é🙂 e\u{301} plain"), "é🙂 e\u{301} plain")
        XCTAssertEqual(HTMLEscaping.text("&&"), "&amp;&amp;")
        XCTAssertEqual(HTMLEscaping.text(""), "")
        XCTAssertEqual(HTMLEscaping.text("<\u{301}"), "&lt;\u{301}", "a mark after < stays after the escape")
        for url in TrickyURLs.sample(count: 2_000) + ["<'\"&>"] {
            var expected = ""
            for c in url.unicodeScalars {
                switch c {
                case "&": expected += "&amp;"
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "\"": expected += "&quot;"
                case "'": expected += "&#39;"
                default: expected.unicodeScalars.append(c)
                }
            }
            XCTAssertEqual(HTMLEscaping.text(url), expected, url.debugDescription)
        }
    }
}
