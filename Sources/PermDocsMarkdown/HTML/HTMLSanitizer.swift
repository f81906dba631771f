// Hand-written because no HTML parser or sanitizer is available on this
// machine (no SwiftSoup, no libxml2 or lexbor bindings; Foundation's XMLParser
// only reads well-formed XML, which guide HTML is not). It is small on purpose:
// one forward pass over the UTF-8 bytes that splits markup the way the WHATWG
// HTML tokenizer does, an allowlist of tags and attributes, and every kept tag
// written anew from its parsed parts, never copied. No recursion, no
// backtracking: the time is linear in the input whatever it holds.
import PermDocsCore


/// Cleans raw HTML that a guide contains (cmark's `html_block` and
/// `html_inline` literals) before it reaches a page.
///
/// The input is a fragment: an inline node may be only `<a name="x">`, `</a>`
/// or `<br/>`. Tags are not balanced here; the renderer owns the structure.
/// What comes out is escaped text and allowlisted tags re-serialised with
/// lower-case names and double-quoted, escaped attribute values:
/// - a tag not in `allowedTags` is dropped and the text around it kept;
/// - the tags in `droppedWithContent` are dropped with all they contain;
/// - comments, `<!DOCTYPE …>`, `<?…?>` and CDATA sections are dropped;
/// - attributes not in `allowedAttributes` are dropped, and so, always, are
///   `on*` handlers, `style`, `srcdoc` and `formaction`;
/// - `href` and `src` keep only http(s), `mailto:` (links only), fragment and
///   scheme-less relative URLs, judged after character references are decoded
///   and whitespace and control characters removed;
/// - text keeps its character references (`&amp;` stays `&amp;`) and has a
///   bare `&`, `<`, `>`, `"` and `'` escaped.
/// A tag left open at the end of the input (`<a href="x`) is not markup: it
/// and the rest of the input come out as escaped text.
struct HTMLSanitizer {
    /// Tags that are kept (lower case); any other tag is dropped, the text around it kept.
    static let allowedTags: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
        "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "wbr",
    ]

    /// Allowed tags that have no content and no end tag; written as `<br>`, their end tags dropped.
    static let voidTags: Set<String> = ["br", "hr", "img", "col", "wbr"]

    /// Attributes kept on each tag; those under `"*"` are kept on every allowed tag.
    /// Values are checked too: URLs (`href`, `src`), numbers (`colspan`, `width`…),
    /// keywords (`align`, `dir`, `scope`, `type`) and `class` (only `language-…` tokens).
    static let allowedAttributes: [String: Set<String>] = [
        "*": ["id", "title", "lang", "dir"],
        "a": ["href", "name"],
        "img": ["src", "alt", "width", "height", "align"],
        "table": ["width"],
        "tr": ["align"],
        "th": ["colspan", "rowspan", "align", "scope", "width", "height"],
        "td": ["colspan", "rowspan", "align", "width", "height"],
        "col": ["span", "width"],
        "colgroup": ["span", "width"],
        "ol": ["start", "reversed", "type"],
        "li": ["value"],
        "details": ["open"],
        "pre": ["class"],
        "code": ["class"],
        "p": ["align"], "div": ["align"],
        "h1": ["align"], "h2": ["align"], "h3": ["align"], "h4": ["align"], "h5": ["align"], "h6": ["align"],
    ]

    /// Attributes that are dropped even if someone adds them to `allowedAttributes`
    /// (besides every name that starts with `on`).
    static let forbiddenAttributes: Set<String> = ["style", "srcdoc", "formaction"]

    /// Elements whose content ends at the first matching end tag (the HTML
    /// tokenizer reads them as raw text); dropped with their content.
    static let rawTextTags: Set<String> = ["script", "style", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "xmp"]

    /// Elements whose content is markup that may nest; dropped with their content
    /// up to the matching end tag (nesting of the same element is counted).
    static let nestedDroppedTags: Set<String> = ["template", "object", "applet", "svg", "math"]

    /// Every element dropped together with its content. `plaintext` drops the
    /// rest of the input, as it does in a browser. (`embed` is a void element:
    /// it has no content, so it is dropped like any tag not allowed.)
    static let droppedWithContent: Set<String> = rawTextTags.union(nestedDroppedTags).union(["plaintext"])

    init() {}

    /// The fragment with only allowlisted markup left, re-serialised; see the type's documentation.
    func sanitize(_ html: String) -> String {
        var pass = Pass(Array(html.utf8))
        pass.run()
        return String(decoding: pass.out, as: UTF8.self)
    }

    /// True if a URL (already free of character references) may stand in `href`,
    /// or in `src` when `allowMailto` is false: http, https, mailto, a fragment,
    /// or a relative URL with no scheme. Whitespace and control characters are
    /// ignored, so `java\tscript:` or ` javascript:` is seen as `javascript:`;
    /// any other scheme, in any case, is refused.
    static func isAllowedURL(_ url: String, allowMailto: Bool = true) -> Bool {
        var scheme: [UInt8] = []
        for b in url.utf8 {
            if b <= 0x20 || b == 0x7F { continue }
            switch b {
            case UInt8(ascii: ":"):
                let name = String(decoding: scheme.map(Bytes.lower), as: UTF8.self)
                return name == "http" || name == "https" || (allowMailto && name == "mailto")
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return true  // a colon after these is part of a path, query or fragment
            default:
                scheme.append(b)
            }
        }
        return true
    }

    /// Decodes the character references of an attribute value as a browser does:
    /// named ones (`&colon;`, `&Tab;`, `&NewLine;`, the common ones, and the
    /// legacy ones such as `&amp` that may omit the `;`), decimal and hex ones
    /// with or without `;`. An unknown name is left as written.
    static func decodeCharacterReferences(_ s: String) -> String {
        decode(Array(s.utf8)[...])
    }

    // MARK: - The pass over one fragment

    private struct Pass {
        let s: [UInt8]
        var out: [UInt8] = []
        var i = 0
        /// After a tag left open at the end of the input, `<` is only text.
        var tagsOff = false
        /// Inside a dropped element that nests (`svg`, `template`…): its name and depth.
        var skipName = ""
        var skipDepth = 0
        var finder: Finder

        init(_ s: [UInt8]) {
            self.s = s
            finder = Finder(s)
            out.reserveCapacity(s.count + s.count / 8)
        }

        mutating func run() {
            let n = s.count
            while i < n {
                if s[i] == Bytes.lt && !tagsOff {
                    markup()
                    continue
                }
                // A run of text up to the next `<` (or to the end once tags are off).
                var j = i + 1
                if !tagsOff { while j < n, s[j] != Bytes.lt { j += 1 } } else { j = n }
                if skipDepth == 0 { HTMLSanitizer.appendText(s[i..<j], inAttribute: false, to: &out) }
                i = j
            }
        }

        /// Reads the markup that starts at `s[i] == "<"`.
        mutating func markup() {
            let n = s.count
            let next: UInt8? = i + 1 < n ? s[i + 1] : nil
            switch next {
            case UInt8(ascii: "!"):
                if starts(with: "<!--") {
                    // Searching from the opening dashes makes `<!-->` and `<!--->` empty comments, as in browsers.
                    let a = finder.find(Array("-->".utf8), from: i + 2).map { $0 + 3 } ?? n
                    let b = finder.find(Array("--!>".utf8), from: i + 2).map { $0 + 4 } ?? n
                    i = min(a, b)
                } else if starts(with: "<![CDATA[") {
                    i = finder.find(Array("]]>".utf8), from: i + 9).map { $0 + 3 }
                        ?? finder.find([Bytes.gt], from: i + 9).map { $0 + 1 } ?? n
                } else {
                    i = finder.find([Bytes.gt], from: i + 2).map { $0 + 1 } ?? n  // <!DOCTYPE …>, other declarations
                }
            case UInt8(ascii: "?"):
                i = finder.find(Array("?>".utf8), from: i + 2).map { $0 + 2 }
                    ?? finder.find([Bytes.gt], from: i + 2).map { $0 + 1 } ?? n
            case UInt8(ascii: "/"):
                let after: UInt8? = i + 2 < n ? s[i + 2] : nil
                if let a = after, Bytes.isAlpha(a) {
                    tag()
                } else if after == Bytes.gt {
                    i += 3  // `</>` is nothing
                } else if after == nil {
                    if skipDepth == 0 { out.append(contentsOf: Array("&lt;/".utf8)) }
                    i += 2
                } else {
                    i = finder.find([Bytes.gt], from: i + 2).map { $0 + 1 } ?? n  // `</ …>`: a bogus comment
                }
            case let c? where Bytes.isAlpha(c):
                tag()
            default:
                if skipDepth == 0 { out.append(contentsOf: Array("&lt;".utf8)) }
                i += 1
            }
        }

        /// A start or end tag at `s[i]`.
        mutating func tag() {
            guard let tag = HTMLSanitizer.parseTag(s, at: i) else {
                // The tag runs to the end of the input: a browser would swallow the rest.
                if skipDepth > 0 {
                    i = s.count
                } else {
                    tagsOff = true
                    out.append(contentsOf: Array("&lt;".utf8))
                    i += 1
                }
                return
            }
            i = tag.end
            let name = tag.name
            if skipDepth > 0 {
                if name == skipName {
                    if tag.closing {
                        skipDepth -= 1
                    } else if !(tag.selfClosing && HTMLSanitizer.isForeign(name)) {
                        skipDepth += 1
                    }
                }
                return
            }
            if !tag.closing {
                if HTMLSanitizer.rawTextTags.contains(name) {
                    skipRawText(name)  // a `/>` does not end a script: browsers ignore it
                    return
                }
                if name == "plaintext" {
                    i = s.count
                    return
                }
                if HTMLSanitizer.nestedDroppedTags.contains(name) {
                    if !(tag.selfClosing && HTMLSanitizer.isForeign(name)) {
                        skipName = name
                        skipDepth = 1
                    }
                    return
                }
            }
            guard HTMLSanitizer.allowedTags.contains(name) else { return }
            if tag.closing {
                if !HTMLSanitizer.voidTags.contains(name) { out.append(contentsOf: Array("</\(name)>".utf8)) }
                return
            }
            HTMLSanitizer.serialize(tag, in: s, to: &out)
        }

        /// Skips the content of a raw-text element and its end tag `</name …>`.
        mutating func skipRawText(_ name: String) {
            let needle = Array("</\(name)".utf8)
            var from = i
            while let k = finder.find(needle, from: from, caseInsensitive: true) {
                let after = k + needle.count
                if after >= s.count || Bytes.isSpace(s[after]) || s[after] == Bytes.slash || s[after] == Bytes.gt {
                    i = HTMLSanitizer.parseTag(s, at: k)?.end ?? s.count
                    return
                }
                from = k + 1
            }
            i = s.count
        }

        func starts(with prefix: String) -> Bool {
            var k = i
            for b in prefix.utf8 {
                guard k < s.count, s[k] == b else { return false }
                k += 1
            }
            return true
        }
    }

    /// Finds fixed strings, remembering the last answer per string so that
    /// repeated searches from later positions never scan the same text twice.
    private struct Finder {
        let s: [UInt8]
        /// Needle (with a case flag) → (where the search started, where it matched or `s.count`).
        var cache: [[UInt8]: (start: Int, found: Int)] = [:]

        init(_ s: [UInt8]) { self.s = s }

        mutating func find(_ needle: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
            let key = needle + [caseInsensitive ? 1 : 0]
            if let c = cache[key], c.start <= from, c.found >= from {
                return c.found < s.count ? c.found : nil
            }
            var k = max(from, 0)
            var found = s.count
            while k + needle.count <= s.count {
                var m = 0
                while m < needle.count, (caseInsensitive ? Bytes.lower(s[k + m]) : s[k + m]) == needle[m] { m += 1 }
                if m == needle.count { found = k; break }
                k += 1
            }
            cache[key] = (from, found)
            return found < s.count ? found : nil
        }
    }

    // MARK: - Tags

    /// A tag as the HTML tokenizer splits it; values are the raw bytes between the quotes.
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(name: String, value: ArraySlice<UInt8>?)]
        /// Index just past the tag's `>`.
        var end: Int
    }

    /// Parses the tag at `s[start] == "<"` (followed by a letter, or by `/` and a
    /// letter) by the tokenizer's rules: the name runs to whitespace, `/` or `>`;
    /// attribute values may be double-, single- or unquoted; a `<` or `"` inside
    /// the tag is only a character. Nil when the tag is not closed before the end.
    static func parseTag(_ s: [UInt8], at start: Int) -> Tag? {
        let n = s.count
        var i = start + 1
        var closing = false
        if i < n, s[i] == Bytes.slash { closing = true; i += 1 }
        let nameStart = i
        while i < n, !Bytes.isSpace(s[i]), s[i] != Bytes.slash, s[i] != Bytes.gt { i += 1 }
        let name = lowercased(s[nameStart..<i])
        var attributes: [(name: String, value: ArraySlice<UInt8>?)] = []
        while true {
            while i < n, Bytes.isSpace(s[i]) { i += 1 }
            guard i < n else { return nil }
            if s[i] == Bytes.gt {
                return Tag(name: name, closing: closing, selfClosing: false, attributes: attributes, end: i + 1)
            }
            if s[i] == Bytes.slash {
                if i + 1 < n, s[i + 1] == Bytes.gt {
                    return Tag(name: name, closing: closing, selfClosing: true, attributes: attributes, end: i + 2)
                }
                i += 1
                continue
            }
            // An attribute name; its first character may even be `=`.
            let attrStart = i
            i += 1
            while i < n, !Bytes.isSpace(s[i]), s[i] != Bytes.slash, s[i] != Bytes.gt, s[i] != Bytes.equals { i += 1 }
            let attrName = lowercased(s[attrStart..<i])
            var j = i
            while j < n, Bytes.isSpace(s[j]) { j += 1 }
            guard j < n, s[j] == Bytes.equals else {
                attributes.append((attrName, nil))
                i = j
                continue
            }
            j += 1
            while j < n, Bytes.isSpace(s[j]) { j += 1 }
            guard j < n else { return nil }
            let q = s[j]
            if q == Bytes.quote || q == Bytes.apostrophe {
                var k = j + 1
                while k < n, s[k] != q { k += 1 }
                guard k < n else { return nil }
                attributes.append((attrName, s[(j + 1)..<k]))
                i = k + 1
            } else if q == Bytes.gt {
                attributes.append((attrName, s[j..<j]))  // `a=>`: an empty value, and `>` ends the tag
                i = j
            } else {
                var k = j
                while k < n, !Bytes.isSpace(s[k]), s[k] != Bytes.gt { k += 1 }
                attributes.append((attrName, s[j..<k]))
                i = k
            }
        }
    }

    /// Writes an allowed start tag with its allowed, checked attributes.
    static func serialize(_ tag: Tag, in s: [UInt8], to out: inout [UInt8]) {
        let allowed = (allowedAttributes["*"] ?? []).union(allowedAttributes[tag.name] ?? [])
        out.append(Bytes.lt)
        out.append(contentsOf: Array(tag.name.utf8))
        var seen: Set<String> = []
        for (name, raw) in tag.attributes {
            // The first of duplicate attributes is the one a browser uses.
            guard seen.insert(name).inserted, allowed.contains(name), !isForbiddenAttribute(name) else { continue }
            guard let value = attributeValue(name, raw) else { continue }
            out.append(Bytes.space)
            out.append(contentsOf: Array(name.utf8))
            if case let .value(v) = value {
                out.append(contentsOf: Array("=\"".utf8))
                out.append(contentsOf: v)
                out.append(Bytes.quote)
            }
        }
        out.append(Bytes.gt)
        // `<a name="x"/>` is meant as an empty element; browsers would leave it open.
        if tag.selfClosing && !voidTags.contains(tag.name) {
            out.append(contentsOf: Array("</\(tag.name)>".utf8))
        }
    }

    static func isForbiddenAttribute(_ name: String) -> Bool {
        name.hasPrefix("on") || forbiddenAttributes.contains(name)
    }

    static func isForeign(_ name: String) -> Bool { name == "svg" || name == "math" }

    private static let booleanAttributes: Set<String> = ["open", "reversed"]

    /// How an attribute is written: bare (a boolean such as `open`) or with an escaped value.
    enum AttributeOutput: Equatable {
        case bare
        case value([UInt8])
    }

    /// How to write an allowed attribute given its raw value, or nil to drop it.
    static func attributeValue(_ name: String, _ raw: ArraySlice<UInt8>?) -> AttributeOutput? {
        if booleanAttributes.contains(name) { return .bare }
        guard let raw = raw else { return nil }  // `<a name>`: nothing to keep
        func escaped(_ v: String) -> AttributeOutput { .value(Array(HTMLEscaping.attribute(v).utf8)) }
        switch name {
        case "href", "src":
            let url = decode(raw)
            guard isAllowedURL(url, allowMailto: name == "href") else { return nil }
            return escaped(cleanURL(url))
        case "class":
            let tokens = decode(raw).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            let kept = tokens.filter { t in
                t.hasPrefix("language-") && t.count > 9
                    && t.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_+#.".unicodeScalars.contains($0)) }
            }
            if kept.isEmpty { return nil }
            return escaped(kept.joined(separator: " "))
        case "colspan", "rowspan", "span":
            return keyword(raw, matching: { isDigits($0, max: 4) })
        case "start", "value":
            return keyword(raw, matching: { isDigits($0.hasPrefix("-") ? String($0.dropFirst()) : $0, max: 9) })
        case "width", "height":
            return keyword(raw, matching: { isDigits($0.hasSuffix("%") ? String($0.dropLast()) : $0, max: 5) })
        case "align":
            return keyword(raw, lowercased: true, matching: { ["left", "center", "right", "justify", "top", "middle", "bottom"].contains($0) })
        case "dir":
            return keyword(raw, lowercased: true, matching: { ["ltr", "rtl", "auto"].contains($0) })
        case "scope":
            return keyword(raw, lowercased: true, matching: { ["row", "col", "rowgroup", "colgroup"].contains($0) })
        case "type":
            return keyword(raw, matching: { ["1", "a", "A", "i", "I"].contains($0) })
        default:
            // Free text (id, name, title, alt, lang): character references kept, the rest escaped.
            var out: [UInt8] = []
            appendText(raw, inAttribute: true, to: &out)
            return .value(out)
        }
    }

    /// A value that must be one of a few plain forms; written as decoded and trimmed.
    private static func keyword(_ raw: ArraySlice<UInt8>, lowercased: Bool = false, matching ok: (String) -> Bool) -> AttributeOutput? {
        var v = trimmed(decode(raw))
        if lowercased { v = v.lowercased() }
        guard ok(v) else { return nil }
        return .value(Array(HTMLEscaping.attribute(v).utf8))
    }

    private static func isDigits(_ s: String, max: Int) -> Bool {
        !s.isEmpty && s.utf8.count <= max && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The URL as it is written back: control characters dropped (browsers drop
    /// tabs and newlines from URLs) and outer spaces trimmed.
    static func cleanURL(_ url: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: url.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        return trimmed(String(scalars))
    }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map(Bytes.lower), as: UTF8.self)
    }

    // MARK: - Text and character references

    /// Appends text escaped, keeping its character references: a reference
    /// ending in `;` is copied, a numeric one is written canonically (`&#106;`),
    /// a legacy one without `;` (`&copy 2024`) gets its `;`; every other `&`
    /// becomes `&amp;`, and `< > " '` are escaped. NUL becomes U+FFFD.
    static func appendText(_ s: ArraySlice<UInt8>, inAttribute: Bool, to out: inout [UInt8]) {
        var i = s.startIndex
        while i < s.endIndex {
            let b = s[i]
            if b == Bytes.ampersand {
                switch reference(in: s, at: i, inAttribute: inAttribute) {
                case let .numeric(scalar, end)?:
                    out.append(contentsOf: Array("&#\(scalar.value);".utf8))
                    i = end
                case let .named(name, _, end)?:
                    out.append(Bytes.ampersand)
                    out.append(contentsOf: s[name])
                    out.append(UInt8(ascii: ";"))  // also after a legacy name written without one
                    i = end
                case nil:
                    out.append(contentsOf: Array("&amp;".utf8))
                    i += 1
                }
                continue
            }
            if b == 0 {
                out.append(contentsOf: Array("\u{FFFD}".utf8))
            } else {
                HTMLEscaping.appendEscaped(b, to: &out)
            }
            i += 1
        }
    }

    /// Decodes the references of an attribute value (see `decodeCharacterReferences`).
    static func decode(_ s: ArraySlice<UInt8>) -> String {
        guard s.contains(Bytes.ampersand) else { return String(decoding: s, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == Bytes.ampersand, let ref = reference(in: s, at: i, inAttribute: true) {
                switch ref {
                case let .numeric(scalar, end):
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i = end
                case let .named(name, _, end):
                    if let value = entities[String(decoding: s[name], as: UTF8.self)] {
                        out.append(contentsOf: Array(value.utf8))
                    } else {
                        out.append(contentsOf: s[(i)..<end])  // unknown: left as written
                    }
                    i = end
                }
                continue
            }
            out.append(s[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    enum Reference {
        /// `&#…;` or `&#x…;` (the `;` optional), with the scalar a browser shows.
        case numeric(Unicode.Scalar, end: Int)
        /// `&name;`, or a legacy `&name` without `;`; `name` is the range of the name.
        case named(Range<Int>, semicolon: Bool, end: Int)
    }

    /// The character reference at `s[i] == "&"`, if there is one.
    static func reference(in s: ArraySlice<UInt8>, at i: Int, inAttribute: Bool) -> Reference? {
        var j = i + 1
        guard j < s.endIndex else { return nil }
        if s[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < s.endIndex && (s[j] == UInt8(ascii: "x") || s[j] == UInt8(ascii: "X"))
            if hex { j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < s.endIndex, let d = Bytes.digitValue(s[j], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)  // saturates: no overflow on long runs
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < s.endIndex, s[j] == UInt8(ascii: ";") { j += 1 }
            return .numeric(numericScalar(value), end: j)
        }
        guard Bytes.isAlpha(s[j]) else { return nil }
        while j < s.endIndex, Bytes.isAlnum(s[j]) { j += 1 }
        let name = (i + 1)..<j
        if j < s.endIndex, s[j] == UInt8(ascii: ";") {
            return .named(name, semicolon: true, end: j + 1)
        }
        // Without `;` only the legacy names count. In an attribute the whole name
        // must be one and not be followed by `=`; in text the longest legacy prefix is taken.
        if inAttribute {
            guard legacyEntityNames.contains(String(decoding: s[name], as: UTF8.self)),
                  j >= s.endIndex || s[j] != Bytes.equals else { return nil }
            return .named(name, semicolon: false, end: j)
        }
        var k = min(j, i + 1 + maxLegacyNameLength)
        while k > i + 1 {
            if legacyEntityNames.contains(String(decoding: s[(i + 1)..<k], as: UTF8.self)) {
                return .named((i + 1)..<k, semicolon: false, end: k)
            }
            k -= 1
        }
        return nil
    }

    /// The scalar a browser shows for `&#value;`: U+FFFD for 0, surrogates and
    /// values past U+10FFFF; the Windows-1252 character for 0x80–0x9F.
    static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        if (0x80...0x9F).contains(value), let mapped = windows1252[value] { return Unicode.Scalar(mapped)! }
        return Unicode.Scalar(value)!
    }

    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// The legacy references, which browsers decode even without `;` (all of them, from the HTML standard).
    private static let legacyEntityList = """
        AElig:C6 AMP:26 Aacute:C1 Acirc:C2 Agrave:C0 Aring:C5 Atilde:C3 Auml:C4 COPY:A9 Ccedil:C7 ETH:D0 \
        Eacute:C9 Ecirc:CA Egrave:C8 Euml:CB GT:3E Iacute:CD Icirc:CE Igrave:CC Iuml:CF LT:3C Ntilde:D1 \
        Oacute:D3 Ocirc:D4 Ograve:D2 Oslash:D8 Otilde:D5 Ouml:D6 QUOT:22 REG:AE THORN:DE Uacute:DA Ucirc:DB \
        Ugrave:D9 Uuml:DC Yacute:DD aacute:E1 acirc:E2 acute:B4 aelig:E6 agrave:E0 amp:26 aring:E5 atilde:E3 \
        auml:E4 brvbar:A6 ccedil:E7 cedil:B8 cent:A2 copy:A9 curren:A4 deg:B0 divide:F7 eacute:E9 ecirc:EA \
        egrave:E8 eth:F0 euml:EB frac12:BD frac14:BC frac34:BE gt:3E iacute:ED icirc:EE iexcl:A1 igrave:EC \
        iquest:BF iuml:EF laquo:AB lt:3C macr:AF micro:B5 middot:B7 nbsp:A0 not:AC ntilde:F1 oacute:F3 \
        ocirc:F4 ograve:F2 ordf:AA ordm:BA oslash:F8 otilde:F5 ouml:F6 para:B6 plusmn:B1 pound:A3 quot:22 \
        raquo:BB reg:AE sect:A7 shy:AD sup1:B9 sup2:B2 sup3:B3 szlig:DF thorn:FE times:D7 uacute:FA ucirc:FB \
        ugrave:F9 uml:A8 uuml:FC yacute:FD yen:A5 yuml:FF
        """

    /// Named references that need `;`: every one that stands for an ASCII
    /// character (so no URL scheme can hide behind one), then common typography.
    private static let otherEntityList = """
        apos:27 Tab:9 NewLine:A excl:21 num:23 dollar:24 percnt:25 lpar:28 rpar:29 ast:2A midast:2A plus:2B \
        comma:2C period:2E sol:2F colon:3A semi:3B equals:3D quest:3F commat:40 lsqb:5B lbrack:5B bsol:5C \
        rsqb:5D rbrack:5D Hat:5E lowbar:5F UnderBar:5F grave:60 DiacriticalGrave:60 lcub:7B lbrace:7B \
        verbar:7C vert:7C VerticalLine:7C rcub:7D rbrace:7D NonBreakingSpace:A0 ensp:2002 emsp:2003 \
        thinsp:2009 zwnj:200C zwj:200D lrm:200E rlm:200F ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 \
        sbquo:201A ldquo:201C rdquo:201D bdquo:201E dagger:2020 Dagger:2021 bull:2022 hellip:2026 mldr:2026 \
        permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203A euro:20AC trade:2122 TRADE:2122 larr:2190 \
        uarr:2191 rarr:2192 darr:2193 harr:2194 lArr:21D0 rArr:21D2 hArr:21D4 minus:2212 le:2264 ge:2265 \
        ne:2260 asymp:2248 equiv:2261 infin:221E check:2713 cross:2717 star:2606 starf:2605 OElig:152 \
        oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 circ:2C6 tilde:2DC alpha:3B1 beta:3B2 gamma:3B3 \
        delta:3B4 epsilon:3B5 lambda:3BB mu:3BC pi:3C0 sigma:3C3 tau:3C4 phi:3C6 omega:3C9 Delta:394 \
        Sigma:3A3 Omega:3A9
        """

    private static func parseEntityList(_ list: String) -> [String: String] {
        var table: [String: String] = [:]
        for entry in list.split(separator: " ") {
            let parts = entry.split(separator: ":")
            if parts.count == 2, let v = UInt32(parts[1], radix: 16), let u = Unicode.Scalar(v) {
                table[String(parts[0])] = String(Character(u))
            }
        }
        return table
    }

    /// Name → text for the named references this sanitizer decodes.
    static let entities: [String: String] = {
        var table = parseEntityList(otherEntityList).merging(parseEntityList(legacyEntityList)) { a, _ in a }
        table["fjlig"] = "fj"
        return table
    }()

    static let legacyEntityNames: Set<String> = Set(parseEntityList(legacyEntityList).keys)
    private static let maxLegacyNameLength = 6
}

extension HTMLSanitizer {
    /// Byte constants and classes used while scanning UTF-8.
    fileprivate enum Bytes {
        static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), equals = UInt8(ascii: "=")
        static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), ampersand = UInt8(ascii: "&"), space = UInt8(ascii: " ")

        /// HTML whitespace: tab, LF, FF, CR, space.
        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        static func isAlpha(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || (b >= 0x30 && b <= 0x39) }
        static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        static func digitValue(_ b: UInt8, hex: Bool) -> UInt32? {
            if b >= 0x30 && b <= 0x39 { return UInt32(b - 0x30) }
            guard hex else { return nil }
            if b >= 0x61 && b <= 0x66 { return UInt32(b - 0x61 + 10) }
            if b >= 0x41 && b <= 0x46 { return UInt32(b - 0x41 + 10) }
            return nil
        }
    }

    /// The string without leading and trailing ASCII whitespace (space, tab, LF, FF, CR).
    fileprivate static func trimmed(_ s: String) -> String {
        let u = Array(s.utf8)
        var lo = 0, hi = u.count
        while lo < hi, Bytes.isSpace(u[lo]) { lo += 1 }
        while hi > lo, Bytes.isSpace(u[hi - 1]) { hi -= 1 }
        return lo == 0 && hi == u.count ? s : String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
