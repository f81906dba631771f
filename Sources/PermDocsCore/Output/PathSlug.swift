/// File names made from content (action names, service prefixes, set names):
/// names come from guides, so they are reduced to `[a-z0-9-_.]` before they
/// become paths, and made unique where two names reduce to the same slug.
public enum PathSlug {
    /// The longest slug, well under file-system limits.
    static let maxLength = 80

    /// Lower case; `*` becomes `star`, `?` becomes `q`; every other character
    /// outside `[a-z0-9-_.]` becomes `-`; runs of `-` collapse; leading dots
    /// and dashes are dropped (no hidden files, no `..`). Never empty.
    public static func make(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            switch c {
            case "a"..."z", "0"..."9", "_", ".": out.unicodeScalars.append(c)
            case "*": out += out.isEmpty || out.hasSuffix("-") ? "star" : "-star"
            case "?": out += out.isEmpty || out.hasSuffix("-") ? "q" : "-q"
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        while let f = out.first, f == "." || f == "-" { out.removeFirst() }
        while let l = out.last, l == "-" || l == "." { out.removeLast() }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        return out.isEmpty ? "x" : out
    }

    /// Assigns each key a unique slug, in the order given: the first key to
    /// want a slug gets it, later ones get `-2`, `-3`, …
    public struct Allocator {
        private var used: Set<String> = []

        public init() {}

        public mutating func unique(_ text: String) -> String {
            let base = PathSlug.make(text)
            var slug = base, n = 1
            while used.contains(slug) { n += 1; slug = "\(base)-\(n)" }
            used.insert(slug)
            return slug
        }
    }
}
