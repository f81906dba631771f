import XCTest
import PermDocsMarkdown
import PermDocsTestSupport

/// `JSONHighlighter` reads bytes; it must colour and escape exactly as the
/// scalar-by-scalar version it replaced.
final class JSONHighlighterTests: XCTestCase {
    func testColoursKeysStringsNumbersAndLiteralsAndEscapesTheRest() {
        XCTAssertEqual(JSONHighlighter.html(#"{"a": "<b>", "n": -1.5e+3, "t": true, "f": false, "z": null}"#),
                       #"{<span class="jk">&quot;a&quot;</span>: <span class="js">&quot;&lt;b&gt;&quot;</span>, <span class="jk">&quot;n&quot;</span>: <span class="jn">-1.5e+3</span>, <span class="jk">&quot;t&quot;</span>: <span class="jl">true</span>, <span class="jk">&quot;f&quot;</span>: <span class="jl">false</span>, <span class="jk">&quot;z&quot;</span>: <span class="jl">null</span>}"#)
    }

    func testAgreesWithTheScalarVersionOnJSONAndTrickyText() {
        let pieces = ["{", "}", "[", "]", ",", ":", " ", "\t", "\n", "\"", "\\", "\\\"", "a", "é", "🙂", "e\u{301}", "\u{301}",
                      "true", "tru", "false", "null", "nul", "-", "1", "0.5", "e", "E", "+", "<", ">", "&", "'", "\"Action\"", "\"s3:*\""]
        var samples = TrickyURLs.sample(count: 3_000)
        var state: UInt64 = 42
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            samples.append(text)
        }
        samples += ["\"", "\"\\", "\"\\é", "\"ab\\🙂\"", "\"a\nb\" :", "\"k\"\t\t: 1", "\"open"]
        for text in samples {
            XCTAssertEqual(JSONHighlighter.html(text), Self.reference(text), text.debugDescription)
        }
    }

    /// The highlighter as it stood before it read bytes.
    static func reference(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        var i = 0
        func raw(_ range: Range<Int>) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[range])
            return String(v)
        }
        while i < s.count {
            let c = s[i]
            if c == "\"" {
                var j = i + 1
                while j < s.count && s[j] != "\"" && s[j] != "\n" {
                    if s[j] == "\\" { j += 1 }
                    j += 1
                }
                let end = min(j + 1, s.count)
                var k = end
                while k < s.count && (s[k] == " " || s[k] == "\t") { k += 1 }
                let isKey = k < s.count && s[k] == ":"
                out += "<span class=\"\(isKey ? "jk" : "js")\">" + HTMLEscaping.text(raw(i..<end)) + "</span>"
                i = end
            } else if c == "-" || ("0"..."9").contains(c) {
                var j = i + 1
                while j < s.count, ("0"..."9").contains(s[j]) || s[j] == "." || s[j] == "e" || s[j] == "E" || s[j] == "+" || s[j] == "-" { j += 1 }
                out += "<span class=\"jn\">" + HTMLEscaping.text(raw(i..<j)) + "</span>"
                i = j
            } else if let word = ["true", "false", "null"].first(where: { w in
                let ws = Array(w.unicodeScalars)
                return i + ws.count <= s.count && Array(s[i..<(i + ws.count)]) == ws
            }) {
                out += "<span class=\"jl\">\(word)</span>"
                i += word.unicodeScalars.count
            } else {
                out += HTMLEscaping.text(String(c))
                i += 1
            }
        }
        return out
    }
}
