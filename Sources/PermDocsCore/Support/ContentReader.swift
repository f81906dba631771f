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
        // The folder itself may be a link (a corpus linked in as tools/).
        let start = directory.isEmpty ? root.path : root.appendingPathComponent(directory).path
        guard let base = Self.realPath(start) else { return [] }
        let prefix = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        var result: [String] = []
        // readdir with d_type: FileManager's enumerator and URL resource values
        // showed in profiles of sites with thousands of pages.
        func walk(_ absolute: String, _ relative: String, depth: Int) {
            guard depth < 64, let dir = opendir(absolute) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = absolute + "/" + name
                let rel = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                    // A link counts only if it stays inside the folder.
                    guard let target = Self.realPath(path), target.hasPrefix(base + "/") else { continue }
                    var info = stat()
                    guard stat(target, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1
                }
                if type == Int32(DT_DIR) {
                    walk(path, rel, depth: depth + 1)
                } else if type == Int32(DT_REG) {
                    result.append(prefix + rel)
                }
            }
        }
        walk(base, "", depth: 0)
        return result.sorted()
    }

    /// The path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
