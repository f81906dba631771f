import Foundation

/// Gives every heading an id that is stable and unique on its page.
///
/// AWS docs write `## Title<a name="iam-permissions-image"></a>` and link to
/// `#iam-permissions-image`, so such a name becomes the heading's id; Hugo and
/// kramdown write `## Title {#custom}`; every other heading gets a slug of its
/// text (`## Required service role` → `required-service-role`).
public struct HeadingIDs {
    private var used: Set<String> = []

    public init() {}

    /// Claims `preferred` or, when taken, `preferred-1`, `preferred-2`, ….
    public mutating func claim(_ preferred: String) -> String {
        let base = preferred.isEmpty ? "section" : preferred
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
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

    private static let anchorPattern = try! NSRegularExpression(pattern: #"^<a\s+(?:[^>]*\s)?(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#, options: [.caseInsensitive])

    /// The anchor name in a tag such as `<a name="x">`, or nil.
    public static func anchorName(inTag tag: String) -> String? {
        let range = NSRange(tag.startIndex..., in: tag)
        guard let m = anchorPattern.firstMatch(in: tag, range: range) else { return nil }
        for g in 1...3 {
            if let r = Range(m.range(at: g), in: tag) {
                let name = String(tag[r]).trimmingCharacters(in: .whitespaces)
                return name.isEmpty ? nil : name
            }
        }
        return nil
    }

    /// The id in a trailing `{#id}`, if the text ends with one.
    public static func attributeID(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasSuffix("}"), let open = t.range(of: "{#", options: .backwards) else { return nil }
        let id = t[open.upperBound..<t.index(before: t.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else { return nil }
        return String(id)
    }

    /// Text without a trailing `{#id}`.
    public static func removingAttributeSuffix(_ text: String) -> String {
        guard attributeID(text) != nil, let open = text.range(of: "{#", options: .backwards) else { return text }
        return String(text[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
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
