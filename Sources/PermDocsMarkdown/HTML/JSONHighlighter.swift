/// Colours JSON for display at build time (no script in the browser): keys,
/// strings, numbers and literals become `<span>`s. It is lexical only, so it
/// also colours text that is not valid JSON, and it escapes everything.
import PermDocsCore

public enum JSONHighlighter {
    /// Read on the UTF-8 bytes: every mark it looks for (`"` `\` `:` digits,
    /// `true`…) is ASCII, and a byte beyond ASCII is never one of them, so a
    /// scalar of several bytes is passed through as the one scalar was.
    public static func html(_ text: String) -> String {
        var text = text
        return text.withUTF8 { s in
            var out: [UInt8] = []
            out.reserveCapacity(s.count * 2)
            func put(_ literal: StaticString) {
                literal.withUTF8Buffer { out.append(contentsOf: $0) }
            }
            func escaped(_ range: Range<Int>) {
                for b in s[range] { HTMLEscaping.appendEscaped(b, to: &out) }
            }
            func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            func startsWord(_ word: StaticString, at i: Int) -> Bool {
                word.withUTF8Buffer { w in i + w.count <= s.count && s[i..<(i + w.count)].elementsEqual(w) }
            }
            let n = s.count
            var i = 0
            while i < n {
                let c = s[i]
                if c == UInt8(ascii: "\"") {
                    // To the closing quote, or to the end of the line (taken in).
                    var j = i + 1
                    while j < n && s[j] != UInt8(ascii: "\"") && s[j] != UInt8(ascii: "\n") {
                        if s[j] == UInt8(ascii: "\\") { j += 1 }
                        j += 1
                    }
                    let end = min(j + 1, n)
                    var k = end
                    while k < n && (s[k] == UInt8(ascii: " ") || s[k] == UInt8(ascii: "\t")) { k += 1 }
                    let isKey = k < n && s[k] == UInt8(ascii: ":")
                    if isKey { put("<span class=\"jk\">") } else { put("<span class=\"js\">") }
                    escaped(i..<end)
                    put("</span>")
                    i = end
                } else if c == UInt8(ascii: "-") || isDigit(c) {
                    var j = i + 1
                    while j < n, isDigit(s[j]) || s[j] == UInt8(ascii: ".") || s[j] == UInt8(ascii: "e") || s[j] == UInt8(ascii: "E") || s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: "-") { j += 1 }
                    put("<span class=\"jn\">")
                    escaped(i..<j)
                    put("</span>")
                    i = j
                } else if startsWord("true", at: i) {
                    put("<span class=\"jl\">true</span>")
                    i += 4
                } else if startsWord("false", at: i) {
                    put("<span class=\"jl\">false</span>")
                    i += 5
                } else if startsWord("null", at: i) {
                    put("<span class=\"jl\">null</span>")
                    i += 4
                } else {
                    HTMLEscaping.appendEscaped(c, to: &out)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
