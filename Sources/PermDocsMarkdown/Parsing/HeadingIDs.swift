import Foundation
import PermDocsCore

/// Gives every heading an id that is stable and unique on its page.
///
/// AWS docs write `## Title<a name="iam-permissions-image"></a>` and link to
/// `#iam-permissions-image`, so such a name becomes the heading's id; Hugo and
/// kramdown write `## Title {#custom}`; every other heading gets a slug of its
/// text (`## Required service role` → `required-service-role`).
public struct HeadingIDs {
    private var used: Set<String> = []
    /// For each base claimed, the first number not yet tried after it: every
    /// `base-k` below it is taken (ids are never released), so a claim resumes
    /// there instead of trying `base-1`, `base-2`, … again, which made a page
    /// of repeated headings quadratic.
    private var nextNumber: [String: Int] = [:]

    public init() {}

    /// Starts with `reserved` taken: a heading of one of those names gets `name-1`.
    public init(reserving reserved: Set<String>) {
        used = reserved
    }

    /// The ids the built-in theme gives the parts of a tool's page around the
    /// guide (the layout's `main`, the header's search box, the summary, the
    /// findings, the needs, the combined policy, the history, the similar
    /// tools). A guide's `## What this tool needs` or `## Diagnostics` would
    /// otherwise share its id with that section, and the table of contents,
    /// `aria-labelledby` and `#` links would land on the guide's heading.
    public static let pageSectionIDs: Set<String> = [
        "main", "site-search-q", "summary-title", "summary-risks", "diagnostics", "what-this-tool-needs", "trust-policies",
        "denied", "optional-add-ons", "combined-policy", "combined-optional", "permission-history", "similar-tools",
    ]

    /// Claims `preferred` or, when taken, the first free of `preferred-1`, `preferred-2`, ….
    ///
    /// Each taken id is stepped over at most once per base that can spell it
    /// (`a-1-1` only by `a-1`), so claims cost time linear in their number.
    public mutating func claim(_ preferred: String) -> String {
        let base = preferred.isEmpty ? "section" : preferred
        var candidate = base
        if used.contains(base) {
            var n = nextNumber[base] ?? 1
            repeat {
                candidate = "\(base)-\(n)"
                n += 1
            } while used.contains(candidate)
            nextNumber[base] = n
        }
        used.insert(candidate)
        return candidate
    }

    /// The id for a heading node: its anchor name, its `{#id}`, or a slug of its text.
    public mutating func id(for heading: MarkdownNode) -> String {
        id(for: heading, text: heading.plainText)
    }

    /// `id(for:)` given the heading's plain text, read already.
    mutating func id(for heading: MarkdownNode, text: String) -> String {
        if let name = Self.anchorName(in: heading) { return claim(name) }
        if let explicit = Self.attributeID(text) { return claim(explicit) }
        return claim(Self.slug(text))
    }

    /// `name` or `id` of an `<a>` tag among the heading's inline HTML.
    public static func anchorName(in heading: MarkdownNode) -> String? {
        for child in heading.children where child.kind == .htmlInline {
            if let name = anchorName(inTag: child.literal) { return name }
        }
        return nil
    }

    /// The anchor name in a tag such as `<a name="x">` or `<a id='x'>`, or nil.
    ///
    /// Read by hand rather than with a regular expression: AWS guides put such
    /// an anchor in nearly every heading, and the regex showed in profiles.
    public static func anchorName(inTag tag: String) -> String? {
        // On the tag's own bytes: copying them into an array, and each
        // attribute's name into a lowercased string, was most of the reading.
        var tag = tag
        return tag.withUTF8 { anchorName(inTag: $0) }
    }

    private static func anchorName(inTag b: UnsafeBufferPointer<UInt8>) -> String? {
        func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c | 0x20 : c }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        /// True when the bytes, lowercased, are `word` (lowercase ASCII).
        func isNamed(_ name: Slice<UnsafeBufferPointer<UInt8>>, _ word: StaticString) -> Bool {
            guard name.count == word.utf8CodeUnitCount else { return false }
            var k = 0
            for c in name {
                if lower(c) != word.utf8Start[k] { return false }
                k += 1
            }
            return true
        }
        guard b.count > 3, b[0] == UInt8(ascii: "<"), lower(b[1]) == UInt8(ascii: "a"), isSpace(b[2]) else { return nil }
        var i = 2
        while i < b.count && b[i] != UInt8(ascii: ">") {
            while i < b.count && isSpace(b[i]) { i += 1 }
            let nameStart = i
            while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: ">") { i += 1 }
            let attribute = b[nameStart..<i]
            while i < b.count && isSpace(b[i]) { i += 1 }
            var value: Slice<UnsafeBufferPointer<UInt8>>?
            if i < b.count && b[i] == UInt8(ascii: "=") {
                i += 1
                while i < b.count && isSpace(b[i]) { i += 1 }
                if i < b.count && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
                    let quote = b[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < b.count && b[i] != quote { i += 1 }
                    guard i < b.count else { return nil }
                    value = b[valueStart..<i]
                    i += 1
                } else {
                    let valueStart = i
                    while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: ">") && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "'") { i += 1 }
                    value = b[valueStart..<i]
                }
            }
            if isNamed(attribute, "name") || isNamed(attribute, "id"), let value {
                let name = String(decoding: value, as: UTF8.self).trimmedSpaces()
                return name.isEmpty ? nil : name
            }
            if i == nameStart { i += 1 }  // a stray character: step over it
        }
        return nil
    }

    /// The id in a trailing `{#id}`, if the text ends with one.
    public static func attributeID(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "}")) else { return nil }
        let t = text.trimmedSpaces()
        guard t.hasSuffix("}"), let open = t.range(of: "{#", options: .backwards) else { return nil }
        let id = t[open.upperBound..<t.index(before: t.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else { return nil }
        return String(id)
    }

    /// Text without a trailing `{#id}`.
    public static func removingAttributeSuffix(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "}")), attributeID(text) != nil, let open = text.range(of: "{#", options: .backwards) else { return text }
        return text[..<open.lowerBound].trimmedSpaces()
    }

    /// Lower case letters and digits joined by single hyphens.
    public static func slug(_ text: String) -> String {
        let text = removingAttributeSuffix(text)
        if text.isASCIIBytes { return asciiSlug(text) }
        var out = ""
        var pendingHyphen = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(ch)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// `slug` of an all-ASCII text, on its bytes: there a letter or number
    /// Character is one byte (`a`–`z` once lowercased, `0`–`9`), and every
    /// other Character, "\r\n" too, is a separator. Most headings are ASCII,
    /// and lowercasing a copy to walk its Characters showed in profiles.
    static func asciiSlug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let c = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "_") {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(c)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
