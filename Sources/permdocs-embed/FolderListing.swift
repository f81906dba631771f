import Foundation

/// The files below a folder, as the embedded folder lists them.
enum FolderListing {
    /// Every regular file below `folder` (links followed), as "/"-joined paths
    /// relative to it, sorted. Hidden files and folders (an editor's or the
    /// system's: `.DS_Store`, `.swp`) are left out, but `.gitignore`, which
    /// `permdocs init` writes.
    static func files(in folder: URL) throws -> [String] {
        let manager = FileManager.default
        var result: [String] = []
        func walk(_ url: URL, _ relative: String) throws {
            for name in try manager.contentsOfDirectory(atPath: url.path) where isEmbedded(name) {
                let child = url.appendingPathComponent(name)
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    try walk(child, path)
                } else {
                    result.append(path)
                }
            }
        }
        try walk(folder, "")
        return result.sorted()
    }

    /// Whether a file or folder of this name is embedded (the plugin lists the same).
    static func isEmbedded(_ name: String) -> Bool {
        !name.hasPrefix(".") || name == ".gitignore"
    }
}
