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
        if let name = Self.anchorName(in: heading) { return claim(name) }
        let text = heading.plainText
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
        let b = Array(tag.utf8)
        func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c | 0x20 : c }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        guard b.count > 3, b[0] == UInt8(ascii: "<"), lower(b[1]) == UInt8(ascii: "a"), isSpace(b[2]) else { return nil }
        var i = 2
        while i < b.count && b[i] != UInt8(ascii: ">") {
            while i < b.count && isSpace(b[i]) { i += 1 }
            let nameStart = i
            while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: ">") { i += 1 }
            let attribute = String(decoding: b[nameStart..<i].map(lower), as: UTF8.self)
            while i < b.count && isSpace(b[i]) { i += 1 }
            var value: String?
            if i < b.count && b[i] == UInt8(ascii: "=") {
                i += 1
                while i < b.count && isSpace(b[i]) { i += 1 }
                if i < b.count && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
                    let quote = b[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < b.count && b[i] != quote { i += 1 }
                    guard i < b.count else { return nil }
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: ">") && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "'") { i += 1 }
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                }
            }
            if attribute == "name" || attribute == "id", let value {
                let name = value.trimmedSpaces()
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
        var out = ""
        var pendingHyphen = false
        for ch in removingAttributeSuffix(text).lowercased() {
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
}
