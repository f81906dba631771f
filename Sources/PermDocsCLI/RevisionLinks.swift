import Foundation
import PermDocsCore

/// Symbolic links in a revision's content folder, followed as `check`
/// follows them on disk (`DiskContentReader`): a link to a file inside the
/// top folder it is listed under (`tools/`; the content folder itself for a
/// file at the top such as `site.yml`) reads as that file; a link leading
/// outside, to nothing, or around in a loop is an error naming it. Git stores
/// a link as a blob holding its target's path, so links are resolved here
/// against the revision's own files, never against the disk.
enum RevisionLinks {
    /// How many links one path may pass through before it is taken for a loop.
    static let maximumHops = 40

    /// `files` with each link of `links` (path → its target as stored) added
    /// as the file it leads to. `name` says how to name a path in an error.
    static func resolve(_ links: [String: String], in files: [String: Data], name: (String) -> String) throws -> [String: Data] {
        var resolved = files
        for link in links.keys.sorted() {
            let components = link.split(separator: "/")
            let top = components.count > 1 ? String(components[0]) : nil
            let inside = top.map { "\($0)/" } ?? "the content folder"
            var path = link
            for _ in 0...maximumHops {
                guard let target = links[path] else { break }
                guard !target.hasPrefix("/"), let next = join(folder(of: path), target),
                      top.map({ next.hasPrefix($0 + "/") }) ?? true else {
                    throw PermDocsError("symbolic link leads outside \(inside) (to \(target)); permdocs reads no file outside it", file: name(link))
                }
                path = next
            }
            if links[path] != nil { throw PermDocsError("symbolic links lead around in a loop", file: name(link)) }
            guard let data = files[path] else {
                let isFolder = files.keys.contains { $0.hasPrefix(path + "/") }
                throw PermDocsError(isFolder ? "symbolic link to a folder; permdocs follows only links to files in a revision"
                                             : "symbolic link leads to nothing (\(path))", file: name(link))
            }
            resolved[link] = data
        }
        return resolved
    }

    private static func folder(of path: String) -> [Substring] {
        Array(path.split(separator: "/").dropLast())
    }

    /// `folder` + `relative` with `.` and `..` worked out; nil when `..` climbs above the content folder.
    private static func join(_ folder: [Substring], _ relative: String) -> String? {
        var parts = folder
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
