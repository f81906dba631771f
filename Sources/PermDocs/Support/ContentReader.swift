import Foundation

/// Where content and themes are read from. The pipeline only reads through
/// this, so tests run it on files held in memory and the build on disk.
public protocol ContentReader: Sendable {
    /// Every regular file below `directory`, as paths relative to the reader's root
    /// joined with "/", sorted. Empty when the directory does not exist.
    func files(under directory: String) throws -> [String]
    /// The bytes of one file (path relative to the root).
    func read(_ path: String) throws -> Data
    /// True when the path names an existing file.
    func fileExists(_ path: String) -> Bool
}

extension ContentReader {
    /// A file read as UTF-8 text, with CRLF line ends made LF; invalid UTF-8 is an error naming the file.
    public func readText(_ path: String) throws -> String {
        let data = try read(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw PermDocsError("not valid UTF-8 text", file: path)
        }
        return text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
    }
}

/// Reads files below a folder on disk.
public struct DiskContentReader: ContentReader {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func files(under directory: String) throws -> [String] {
        // Resolve a linked folder first: the enumerator does not descend into a symlink.
        let base = (directory.isEmpty ? root : root.appendingPathComponent(directory)).resolvingSymlinksInPath()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDir), isDir.boolValue else { return [] }
        guard let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: []) else { return [] }
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        let prefix = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        var result: [String] = []
        for case let url as URL in e {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            if path.hasPrefix(basePath) { result.append(prefix + String(path.dropFirst(basePath.count))) }
        }
        return result.sorted()
    }

    public func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: root.appendingPathComponent(path))
        } catch {
            throw PermDocsError("cannot read file", file: root.appendingPathComponent(path).path)
        }
    }

    public func fileExists(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir) && !isDir.boolValue
    }
}

/// Files held in memory, for tests and for callers that make content on the fly.
public struct InMemoryContentReader: ContentReader {
    public var contents: [String: Data]

    public init(_ files: [String: String]) {
        contents = files.mapValues { Data($0.utf8) }
    }

    public func files(under directory: String) throws -> [String] {
        let prefix = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        return contents.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    public func read(_ path: String) throws -> Data {
        guard let data = contents[path] else { throw PermDocsError("no such file", file: path) }
        return data
    }

    public func fileExists(_ path: String) -> Bool { contents[path] != nil }
}
