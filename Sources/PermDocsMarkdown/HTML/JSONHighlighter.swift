/// Colours JSON for display at build time (no script in the browser): keys,
/// strings, numbers and literals become `<span>`s. It is lexical only, so it
/// also colours text that is not valid JSON, and it escapes everything.
import PermDocsCore

public enum JSONHighlighter {
    public static func html(_ text: String) -> String {
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
