/// Which paths under `tools/` can become pages, checked before anything is
/// read, so `check` refuses what `build` could not write (and says which file).
import PermDocsCore

enum ContentFileNames {
    /// The longest file or folder name, in UTF-8 bytes. Disks allow 255; the
    /// build writes `<name>.html` and temporary files beside it, so a name near
    /// the disk's limit would pass `check` and then fail `build` on a staging path.
    static let maximumNameBytes = 200

    /// Refuses a name that is too long, or that leaves nothing but dots (or
    /// nothing at all) once `.md` is dropped: `tools/...md` would be the slug
    /// `..`, a path that climbs out of the output.
    static func validate(_ path: String) throws {
        let parts = components(of: path, omittingEmpty: false)
        for (index, part) in parts.enumerated().dropFirst() {
            if part.utf8.count > maximumNameBytes {
                throw PermDocsError("name is \(part.utf8.count) bytes long; names under tools/ may have at most \(maximumNameBytes) (the build adds to them)", file: path)
            }
            let stem = index == parts.count - 1 && part.hasSuffix(".md") ? part.dropLast(3) : part
            if stem.allSatisfy({ $0 == "." }) {
                throw PermDocsError("'\(part)' names no page: a name made only of dots cannot be a page or tool in a URL; rename it", file: path)
            }
        }
    }

    /// The path's names between "/" (as `split(separator: "/")` cuts it): an
    /// ASCII path is cut on its bytes, where a slash is always a character of
    /// its own; cutting every path into characters showed in profiles of a
    /// 7,825-page site.
    static func components(of path: String, omittingEmpty: Bool = true) -> [Substring] {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/", omittingEmptySubsequences: omittingEmpty) }
        return path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    /// The first pair of names that differ only in case, as (kept, clashing):
    /// they would overwrite each other on a case-insensitive disk (macOS,
    /// Windows) or when the site is served from one. Sorted, so the same pair
    /// is named every time.
    static func caseClash(_ names: [String]) -> (String, String)? {
        var seen: [String: String] = [:]
        for name in names.sorted() {
            let folded = name.lowercased()
            if let earlier = seen[folded] { return (earlier, name) }
            seen[folded] = name
        }
        return nil
    }
}
