import Foundation
import XCTest
@testable import PermDocsMarkdown
import PermDocsTestSupport

/// Seeded mutation fuzzing of the HTML sanitizer (`PERMDOCS_FUZZ_SECONDS`,
/// `PERMDOCS_FUZZ_SEED`; see `Fuzz`). Whatever comes in, what comes out is
/// escaped text and allowlisted tags in the sanitizer's own serialisation: no
/// `<script`, no `on…` attribute, no `href`/`src` a browser would run.
final class HTMLSanitizerFuzzTests: XCTestCase {
    static let handWritten: [String] = [
        #"<a href="https://example.com/x?a=1&amp;b=2" title="t">link</a><br/><img src="i.png" alt="a" width="10">"#,
        #"<p align="center"><code class="language-json">{"a": 1}</code></p><table><tr><td colspan="2">x</td></tr></table>"#,
        #"<a href="jav&#x09;ascript&colon;alert(1)">x</a><img src=x onerror=alert(1)><svg><script>alert(1)</script></svg>"#,
        #"<details><summary>s</summary><!-- c --><![CDATA[x]]><?pi?><!DOCTYPE html></details><plaintext><b>"#,
        #"<A HREF = 'JaVaScRiPt:x' OnClick=y>t</A><scr<script>ipt>alert(1)</scr</script>ipt><textarea></textarea><b>"#,
        #"<template><template></template><script>x</script></template><math><mi xlink:href="javascript:x">"#,
        "text & more &amp; &lt; &#0; &#x110000; &bogus; \"'>", "<a href=\"java\0script:x\">", "<", "</", "<a", "&",
    ]

    static let tokens: [[UInt8]] = Mutator.defaultTokens + [
        "<a ", "<img ", "<b>", "</b>", "<br/>", "<svg>", "</svg>", "<template>", "</template>", "<style>", "</style>",
        "<textarea>", "<iframe ", "<plaintext>", " href=", " src=", " onclick=", " style=", " class=", "'", "\"", "=",
        "&#x6a;", "&#106", "&Tab;", "&NewLine;", "&colon", "javascript", "vbscript:", "data:text/html,", "/>", "<!", "<?",
    ].map { Array($0.utf8) }

    func testSanitizer() {
        let sanitizer = HTMLSanitizer()
        let seeds = Self.handWritten.map { Array($0.utf8) } + Fuzz.fixtureSeeds().filter { $0.contains(UInt8(ascii: "<")) }
        Fuzz.run("sanitizer", seeds: seeds, tokens: Self.tokens, maxLength: 32 * 1024) { bytes in
            let out = sanitizer.sanitize(String(decoding: bytes, as: UTF8.self))
            try Self.check(out)
        }
    }

    static let urlAttributes: Set<String> = ["href", "src", "cite", "action", "background", "poster", "longdesc", "xlink:href", "srcset", "data"]

    /// The output check itself catches what it is there for.
    func testOutputCheckRejectsUnsafeMarkup() throws {
        XCTAssertNoThrow(try Self.check(#"<a href="https://x/">t &amp; &lt;b&gt;</a><br><img src="i.png" alt="a">"#))
        for bad in [#"<script>x</script>"#, #"<a onclick="x">t</a>"#, #"<a href="javascript:x">t</a>"#, #"<a href="jav&#x09;ascript&colon;x">"#,
                    #"<img src="x" style="y">"#, #"<iframe src="x">"#, "a > b", #"<a href="x"#] {
            XCTAssertThrowsError(try Self.check(bad), bad)
        }
    }

    /// Reads `html` as the sanitizer writes it and fails on anything unsafe or out of its form.
    static func check(_ html: String) throws {
        if html.lowercased().contains("<script") { throw Fuzz.Failure("output contains <script: \(String(reflecting: html))") }
        let b = Array(html.utf8)
        var i = 0
        func fail(_ why: String) -> Fuzz.Failure { Fuzz.Failure("\(why) at byte \(i) of output \(String(reflecting: html))") }
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":") || c == UInt8(ascii: "_")
        }
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: ">"):
                throw fail("bare '>' in text")
            case UInt8(ascii: "<"):
                i += 1
                let closing = i < b.count && b[i] == UInt8(ascii: "/")
                if closing { i += 1 }
                let nameStart = i
                while i < b.count, isNameByte(b[i]) { i += 1 }
                let name = String(decoding: b[nameStart..<i], as: UTF8.self)
                guard HTMLSanitizer.allowedTags.contains(name) else { throw fail("tag <\(closing ? "/" : "")\(name)> not allowed") }
                let allowed = (HTMLSanitizer.allowedAttributes[name] ?? []).union(HTMLSanitizer.allowedAttributes["*"] ?? [])
                while !closing, i < b.count, b[i] == UInt8(ascii: " ") {
                    i += 1
                    let attrStart = i
                    while i < b.count, isNameByte(b[i]) { i += 1 }
                    let attr = String(decoding: b[attrStart..<i], as: UTF8.self)
                    if attr.hasPrefix("on") || !allowed.contains(attr) || HTMLSanitizer.forbiddenAttributes.contains(attr) {
                        throw fail("attribute \(attr) on <\(name)>")
                    }
                    guard i < b.count, b[i] == UInt8(ascii: "=") else { continue }
                    i += 1
                    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("unquoted value") }
                    i += 1
                    let valueStart = i
                    while i < b.count, b[i] != UInt8(ascii: "\"") {
                        if b[i] == UInt8(ascii: "<") || b[i] == UInt8(ascii: ">") { throw fail("raw '<' or '>' in an attribute value") }
                        i += 1
                    }
                    guard i < b.count else { throw fail("unterminated attribute value") }
                    let value = HTMLSanitizer.decodeCharacterReferences(String(decoding: b[valueStart..<i], as: UTF8.self))
                    i += 1
                    let bare = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
                    if (urlAttributes.contains(attr) && (bare.hasPrefix("javascript:") || bare.hasPrefix("vbscript:") || bare.hasPrefix("data:"))) || (["href", "src"].contains(attr) && !HTMLSanitizer.isAllowedURL(value, allowMailto: attr == "href")) {
                        throw fail("unsafe \(attr) value \(String(reflecting: value))")
                    }
                }
                guard i < b.count, b[i] == UInt8(ascii: ">") else { throw fail("tag <\(name)> not closed by '>'") }
                i += 1
            default:
                i += 1
            }
        }
    }
}
