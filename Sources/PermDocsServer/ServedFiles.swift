import Foundation

/// A built site held in memory, which `StaticFileHandler` serves instead of
/// a folder, as Hugo's and Zola's servers do: a rebuild hands its files over
/// in one step (`replace(with:)`) instead of writing thousands of files to
/// disk, and requests see either the old site or the new one whole.
public final class ServedFiles: @unchecked Sendable {
    private struct Site {
        var files: [String: Data] = [:]
        /// Every folder holding a file, "" for the root, without trailing slashes.
        var folders: Set<String> = []
    }

    private let lock = NSLock()
    private var site = Site()

    public init() {}

    /// Serves `files` (path → bytes, paths relative to the site root) from now on.
    public func replace(with files: [String: Data]) {
        var next = Site(files: files)
        for path in files.keys {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard next.folders.insert(String(folder)).inserted else { break }
            }
        }
        if !files.isEmpty { next.folders.insert("") }
        lock.withLock { site = next }
    }

    /// Serves new bytes for some files, the others as they were: what a
    /// rebuild that rendered a few pages hands over, instead of the whole
    /// site (thousands of paths hashed again for one page).
    public func update(_ files: [String: Data]) {
        lock.withLock {
            for (path, data) in files {
                site.files[path] = data
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    guard site.folders.insert(String(folder)).inserted else { break }
                }
                site.folders.insert("")
            }
        }
    }

    /// The bytes of the file at `path` (no leading slash).
    func file(_ path: String) -> Data? {
        lock.withLock { site.files[path] }
    }

    /// Whether `path` (no leading or trailing slash; "" for the root) is a folder of the site.
    func isFolder(_ path: String) -> Bool {
        lock.withLock { site.folders.contains(path) }
    }
}
