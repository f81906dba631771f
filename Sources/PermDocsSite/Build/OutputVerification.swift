import Foundation
import PermDocsAnalysis
import PermDocsCore

/// Whether an output folder still holds exactly what its last build wrote:
/// every file its manifest (`.permdocs-manifest`) lists, with the bytes the
/// manifest's hash names, and no other file but the build's own dotfiles at
/// the top. A file edited, added or removed by hand since, or a symbolic
/// link, makes it fail: the build then writes the folder again.
///
/// Bytes are read and hashed, never judged by size or time: a hand edit
/// that keeps both is still seen.
enum OutputVerification {
    /// The number of files of the site when `folder` holds its manifest's
    /// files and nothing else (but the `bookkeeping` file names at its top);
    /// nil otherwise. Files are hashed on `concurrency` threads.
    static func holdsManifest(_ folder: URL, bookkeeping: Set<String>, concurrency: Int) -> Int? {
        let manifest = OutputWriter.manifest(in: folder)
        // Paths joined as strings: URL.appendingPathComponent was a sixth of the time.
        let root = folder.path
        guard !manifest.isEmpty, let walker = FileManager.default.enumerator(atPath: root) else { return nil }
        var found = 0
        while let path = walker.nextObject() as? String {
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { return nil }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { continue }
            guard type == S_IFREG else { return nil }
            if manifest[path] != nil {
                found += 1
            } else if !bookkeeping.contains(path) && path != OutputWriter.manifestName {
                return nil
            }
        }
        guard found == manifest.count else { return nil }
        let entries = Array(manifest)
        let matches = ParallelMap.map(entries, concurrency: concurrency) { path, hash -> Bool in
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return false }
            return ContentHash.hex(data) == hash
        }
        return matches.contains(false) ? nil : manifest.count
    }
}
