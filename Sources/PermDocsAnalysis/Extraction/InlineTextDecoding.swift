/// Reads what a reader sees in the raw Markdown of a table cell or in HTML
/// (`<pre>` content): backslash escapes resolved as CommonMark resolves them,
/// HTML entities decoded, `<br>` as a line break, other tags removed. Each
/// resulting scalar keeps the position of the source character it came from.
import PermDocsCore

public enum InlineTextDecoding {
    /// ASCII punctuation: the characters a CommonMark backslash can escape.
    static func isEscapable(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(s)
    }

    /// Decodes `text`. `resolveEscapes` is true for Markdown text (a table cell)
    /// and false for HTML blocks, where backslashes are literal.
    public static func decode(_ text: MappedText, resolveEscapes: Bool) -> MappedText {
        let s = text.scalars
        var out = MappedText(file: text.file)
        var i = 0
        var inCode = false
        while i < s.count {
            let c = s[i]
            if c == "`" { inCode.toggle() }
            if resolveEscapes && !inCode && c == "\\" && i + 1 < s.count && isEscapable(s[i + 1]) {
                out.append(s[i + 1], at: text.positions[i + 1])
                i += 2
                continue
            }
            if c == "<", let end = tagEnd(s, from: i) {
                let name = tagName(s, from: i)
                if name == "br" || name == "p" || name == "/p" || name == "div" || name == "/div" {
                    out.append("\n", at: text.positions[i])
                }
                i = end + 1
                continue
            }
            if c == "&", let (decoded, end) = entity(s, from: i) {
                for d in decoded.unicodeScalars { out.append(d, at: text.positions[i]) }
                i = end + 1
                continue
            }
            out.append(c, at: text.positions[i])
            i += 1
        }
        return out
    }

    /// The `<pre>…</pre>` regions of `text` (content only), in order.
    public static func preRegions(_ text: MappedText) -> [MappedText] {
        let s = text.scalars
        var regions: [MappedText] = []
        var i = 0
        while i < s.count {
            if s[i] == "<", tagName(s, from: i) == "pre", let open = tagEnd(s, from: i) {
                var j = open + 1
                while j < s.count && !(s[j] == "<" && tagName(s, from: j) == "/pre") { j += 1 }
                regions.append(text.slice((open + 1)..<j))
                i = j
            }
            i += 1
        }
        return regions
    }

    /// Index of the `>` closing a tag that starts at `i`, if this is a tag.
    static func tagEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        guard i + 1 < s.count else { return nil }
        let next = s[i + 1]
        guard next == "/" || next == "!" || next.properties.isAlphabetic else { return nil }
        var j = i + 1
        var quote: Unicode.Scalar?
        while j < s.count {
            let c = s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return j
            } else if c == "\n" && j - i > 2000 {
                return nil
            }
            j += 1
        }
        return nil
    }

    /// Lower-cased tag name with a leading "/" for end tags.
    static func tagName(_ s: [Unicode.Scalar], from i: Int) -> String {
        var name = ""
        var j = i + 1
        if j < s.count && s[j] == "/" { name = "/"; j += 1 }
        while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        return name.lowercased()
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "#39": "'", "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "hellip": "\u{2026}", "lbrace": "{", "rbrace": "}",
        "lsqb": "[", "rsqb": "]", "colon": ":", "comma": ",", "ast": "*", "bsol": "\\", "sol": "/",
    ]

    /// An entity starting at `i` (`&amp;`, `&#123;`, `&#x7B;`) and the index of its `;`.
    static func entity(_ s: [Unicode.Scalar], from i: Int) -> (String, Int)? {
        var j = i + 1
        var name = ""
        while j < s.count, j - i <= 32, s[j] != ";" {
            guard s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#" else { return nil }
            name.unicodeScalars.append(s[j])
            j += 1
        }
        guard j < s.count, s[j] == ";", !name.isEmpty else { return nil }
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            guard let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v), v != 0 else { return nil }
            return (String(u), j)
        }
        if name.hasPrefix("#") {
            guard let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v), v != 0 else { return nil }
            return (String(u), j)
        }
        guard let d = namedEntities[name] else { return nil }
        return (d, j)
    }
}
