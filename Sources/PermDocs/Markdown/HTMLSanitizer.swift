// Hand-written because no HTML sanitizer is among this machine's packages (no
// SwiftSoup); it is small on purpose: an allowlist, tags re-serialised from
// their parsed parts (never copied raw), one linear pass with no recursion.

/// Cleans raw HTML that a guide contains (cmark's `html_block` and
/// `html_inline` fragments) before it reaches a page.
struct HTMLSanitizer {
    /// Tags that are kept; any other tag is dropped and the text around it kept.
    static let allowedTags: Set<String> = [
        "a", "br", "pre", "code", "details", "summary", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "colgroup", "col", "p", "b", "i", "em", "strong", "sub", "sup", "ul", "ol", "li", "dl", "dt",
        "dd", "div", "span", "kbd", "hr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "img",
    ]

    /// Attributes kept per tag ("*" applies to all).
    static let allowedAttributes: [String: Set<String>] = [
        "*": ["id", "title", "lang", "dir"],
        "a": ["href", "name"],
        "img": ["src", "alt", "width", "height"],
        "th": ["colspan", "rowspan", "align", "scope"],
        "td": ["colspan", "rowspan", "align"],
        "ol": ["start"],
        "details": ["open"],
        "code": ["class"],
        "pre": ["class"],
    ]

    /// Elements whose content is dropped along with the tags.
    static let droppedWithContent: Set<String> = ["script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "title", "xmp", "plaintext", "noembed", "noframes", "svg", "math"]

    func sanitize(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = ""
        var i = 0
        var skipUntil: String?  // inside script/style…: drop until its end tag
        while i < s.count {
            let c = s[i]
            if c == "<" {
                // Comments, doctype, processing instructions, CDATA: dropped.
                if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    i = Self.find(s, "-->", from: i + 4).map { $0 + 3 } ?? s.count
                    continue
                }
                if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                    i = Self.find(s, ">", from: i + 2).map { $0 + 1 } ?? s.count
                    continue
                }
                if let tag = Self.parseTag(s, from: i) {
                    i = tag.end
                    if let until = skipUntil {
                        if tag.closing && tag.name == until { skipUntil = nil }
                        continue
                    }
                    if Self.droppedWithContent.contains(tag.name) {
                        if !tag.closing && !tag.selfClosing { skipUntil = tag.name }
                        continue
                    }
                    guard Self.allowedTags.contains(tag.name) else { continue }
                    out += Self.serialize(tag)
                    continue
                }
                if skipUntil == nil { out += "&lt;" }
                i += 1
                continue
            }
            if skipUntil != nil { i += 1; continue }
            switch c {
            case "&":
                // Keep a well-formed entity; escape a bare ampersand.
                if let end = Self.entityEnd(s, from: i) {
                    for k in i...end { out.unicodeScalars.append(s[k]) }
                    i = end + 1
                    continue
                }
                out += "&amp;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(String, String?)]
        var end: Int
    }

    /// Parses a tag starting at `<`; nil when the text there is not a tag.
    static func parseTag(_ s: [Unicode.Scalar], from start: Int) -> Tag? {
        var i = start + 1
        var closing = false
        if i < s.count, s[i] == "/" { closing = true; i += 1 }
        guard i < s.count, s[i].isASCII, s[i].properties.isAlphabetic else { return nil }
        var name = ""
        while i < s.count, s[i].isASCII, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "-" {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        var attributes: [(String, String?)] = []
        var selfClosing = false
        while i < s.count {
            let c = s[i]
            if c == ">" { return Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing, attributes: attributes, end: i + 1) }
            if c == "/" { selfClosing = true; i += 1; continue }
            if c.properties.isWhitespace { i += 1; continue }
            if c == "<" { return nil }  // `<a <script>`: not a tag; the next `<` is read afresh
            selfClosing = false
            var attr = ""
            while i < s.count, !s[i].properties.isWhitespace, s[i] != "=", s[i] != ">", s[i] != "/", s[i] != "<" {
                attr.unicodeScalars.append(s[i])
                i += 1
            }
            if attr.isEmpty { i += 1; continue }
            var j = i
            while j < s.count, s[j].properties.isWhitespace { j += 1 }
            if j < s.count, s[j] == "=" {
                j += 1
                while j < s.count, s[j].properties.isWhitespace { j += 1 }
                var value = ""
                if j < s.count, s[j] == "\"" || s[j] == "'" {
                    let q = s[j]
                    j += 1
                    while j < s.count, s[j] != q { value.unicodeScalars.append(s[j]); j += 1 }
                    guard j < s.count else { return nil }
                    j += 1
                } else {
                    while j < s.count, !s[j].properties.isWhitespace, s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                }
                attributes.append((attr.lowercased(), value))
                i = j
            } else {
                attributes.append((attr.lowercased(), nil))
            }
        }
        return nil
    }

    /// The tag written anew with only allowed attributes, values decoded then escaped.
    static func serialize(_ tag: Tag) -> String {
        if tag.closing { return "</\(tag.name)>" }
        let allowed = (allowedAttributes["*"] ?? []).union(allowedAttributes[tag.name] ?? [])
        var out = "<\(tag.name)"
        var seen: Set<String> = []
        for (name, rawValue) in tag.attributes where allowed.contains(name) && seen.insert(name).inserted {
            let value = decodeEntities(rawValue ?? "")
            if name == "href" || name == "src" {
                guard SafeURL.isAllowed(value) else { continue }
            }
            out += rawValue == nil ? " \(name)" : " \(name)=\"\(HTMLEscaping.attribute(value))\""
        }
        return out + (tag.name == "br" || tag.name == "hr" || tag.name == "img" || tag.name == "col" ? ">" : ">")
    }

    /// Decodes character references so `jav&#x09;ascript:` is seen for what it is.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var positions = MappedText(file: "")
        for (k, c) in text.unicodeScalars.enumerated() { positions.append(c, at: SourcePosition(line: 1, column: k + 1)) }
        var out = String.UnicodeScalarView()
        let s = positions.scalars
        var i = 0
        while i < s.count {
            if s[i] == "&", let (decoded, end) = InlineTextDecoding.entity(s, from: i) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = end + 1
            } else if s[i] == "&", let (decoded, end) = numericWithoutSemicolon(s, from: i) {
                out.append(decoded)
                i = end + 1
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    /// `&#106` or `&#x6A` without a semicolon, which browsers still decode.
    static func numericWithoutSemicolon(_ s: [Unicode.Scalar], from i: Int) -> (Unicode.Scalar, Int)? {
        guard i + 2 < s.count, s[i + 1] == "#" else { return nil }
        var j = i + 2
        let hex = s[j] == "x" || s[j] == "X"
        if hex { j += 1 }
        var digits = ""
        while j < s.count, s[j].isASCII, hex ? s[j].properties.isASCIIHexDigit : ("0"..."9").contains(s[j]) {
            digits.unicodeScalars.append(s[j])
            j += 1
        }
        guard !digits.isEmpty, let v = UInt32(digits, radix: hex ? 16 : 10), let u = Unicode.Scalar(v) else { return nil }
        return (u, j - 1)
    }

    static func entityEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i + 1
        while j < s.count, j - i <= 32, s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#" { j += 1 }
        return j < s.count && s[j] == ";" && j > i + 1 ? j : nil
    }

    static func find(_ s: [Unicode.Scalar], _ needle: String, from: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        var i = from
        while i + n.count <= s.count {
            if Array(s[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }
}
