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
    /// The file's `FileIdentity`, when the reader can tell (on disk); nil
    /// means "unknown", and the file is then always read.
    func identity(of path: String) -> FileIdentity?
}

extension ContentReader {
    public func identity(of path: String) -> FileIdentity? { nil }
}

extension ContentReader {
    /// A file read as UTF-8 text, with CRLF line ends made LF; invalid UTF-8 is
    /// an error at the first bad byte's line and column, so the user can find it.
    /// A file of more than `maximumBytes` is an error at the line and column
    /// where it passes the limit, naming `what` the limit is for.
    public func readText(_ path: String, maximumBytes: Int? = nil, limitReason: String = "") throws -> String {
        let data = try read(path)
        if let maximumBytes, data.count > maximumBytes {
            let p = TextPosition.of(offset: maximumBytes, in: data)
            throw PermDocsError("file is \(data.count) bytes; at most \(maximumBytes) are read (passed here)\(limitReason)",
                                at: SourceLocation(file: path, line: p.line, column: p.column))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            if let position = InvalidUTF8.firstBadByte(in: data) {
                throw PermDocsError("not valid UTF-8 text (first bad byte here)", at: SourceLocation(file: path, line: position.line, column: position.column))
            }
            throw PermDocsError("not valid UTF-8 text", file: path)
        }
        return text.containsByte(13) ? Self.unixLineEnds(text) : text
    }

    /// The text with each "\r\n" and each lone "\r" made "\n", on the bytes
    /// (Foundation's replacing bridged each file to UTF-16, twice).
    ///
    /// Foundation matches whole composed character sequences, where a
    /// combining mark joins even a line end: "\r\n\u{301}" does not match
    /// "\r\n" and becomes "\n\n\u{301}". Where a line end is followed by a
    /// byte beyond ASCII the text is left to Foundation, so that every file
    /// reads as it did.
    static func unixLineEnds(_ text: String) -> String {
        var bytesOf = text
        let replaced = bytesOf.withUTF8 { bytes -> String? in
            var followedByNonASCII = false
            let result = String(unsafeUninitializedCapacity: bytes.count) { out in
                var j = 0
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b == 0x0D {
                        out[j] = 0x0A
                        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                        if i + 1 < bytes.count, bytes[i + 1] >= 0x80 { followedByNonASCII = true; return 0 }
                    } else {
                        out[j] = b
                    }
                    j += 1
                    i += 1
                }
                return j
            }
            return followedByNonASCII ? nil : result
        }
        return replaced ?? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

/// Where bytes stop being UTF-8, for the error that names the place.
enum InvalidUTF8 {
    /// The 1-based line and column (in scalars, as `SourceLocation` counts) of
    /// the first byte that does not start a valid UTF-8 sequence; nil when all are valid.
    static func firstBadByte(in data: Data) -> SourcePosition? {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var (line, column) = (1, 1)
        var afterCR = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                // Lines end at "\n", "\r\n" or a lone "\r", as the text is read afterwards.
                let byte = scalar.count == 1 ? scalar.first : nil
                if byte == UInt8(ascii: "\n") {
                    if !afterCR { (line, column) = (line + 1, 1) }
                } else if byte == UInt8(ascii: "\r") {
                    (line, column) = (line + 1, 1)
                } else {
                    column += 1
                }
                afterCR = byte == UInt8(ascii: "\r")
            case .error:
                return SourcePosition(line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }
}

/// Reads files below a folder on disk.
public struct DiskContentReader: ContentReader {
    public let root: URL
    /// `root.path`, kept: reading a file joins paths to it as text.
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
    }

    /// Lists regular files, following a symbolic link only while it stays
    /// inside `directory`. A link that leads out of it, back into a folder it
    /// sits in (which would list the same files without end), or to nothing is
    /// an error naming the link, as is a folder that cannot be read: skipping
    /// them quietly would drop or invent pages with nothing said.
    public func files(under directory: String) throws -> [String] {
        // The folder itself may be a link (a corpus linked in as tools/).
        let start = directory.isEmpty ? root.path : root.appendingPathComponent(directory).path
        guard let base = Self.realPath(start) else { return [] }
        let prefix = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        var result: [String] = []
        // readdir with d_type: FileManager's enumerator and URL resource values
        // showed in profiles of sites with thousands of pages.
        // `chain` holds the resolved path of each folder being walked, outermost
        // first: a link to any of them (or to a folder holding one) is a loop.
        func walk(_ absolute: String, _ relative: String, chain: [String]) throws {
            guard chain.count <= Self.maximumDepth else {
                throw PermDocsError("folders nested more than \(Self.maximumDepth) deep", file: prefix + relative)
            }
            guard let dir = openDirectory(absolute) else {
                let reason = String(cString: strerror(errno))
                throw PermDocsError("cannot read folder (\(reason))", file: relative.isEmpty ? (directory.isEmpty ? "." : directory) : prefix + relative)
            }
            // Entries in name order, so the first bad link named is the same on every disk.
            var entries: [(name: String, type: Int32)] = []
            while let entry = readdir(dir) {
                // The name read in place up to its NUL: a record is only as
                // long as its name, and copying the 256-byte `d_name` out of
                // it (`withUnsafeBytes(of: entry.pointee.d_name)`) read past
                // the record, a crash when it ended at the end of a page.
                let name = String(cString: UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
                if name == "." || name == ".." { continue }
                entries.append((name, Int32(entry.pointee.d_type)))
            }
            closedir(dir)
            for (name, entryType) in entries.sorted(by: { $0.name < $1.name }) {
                let path = absolute + "/" + name
                let rel = relative.isEmpty ? name : relative + "/" + name
                var type = entryType
                var real = chain[chain.count - 1] + "/" + name
                if type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                    guard let target = Self.realPath(path) else {
                        throw PermDocsError("symbolic link to nothing; remove it or fix its target", file: prefix + rel)
                    }
                    guard target.hasPrefix(base + "/") else {
                        throw PermDocsError("symbolic link leads outside \(directory.isEmpty ? "the content folder" : directory + "/") (to \(target)); permdocs reads no file outside it", file: prefix + rel)
                    }
                    var info = stat()
                    guard stat(target, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1
                    if type == Int32(DT_DIR), chain.contains(where: { $0 == target || $0.hasPrefix(target + "/") }) {
                        throw PermDocsError("symbolic link loops back to a folder it is in, which would list the same pages without end", file: prefix + rel)
                    }
                    real = target
                }
                if type == Int32(DT_DIR) {
                    try walk(path, rel, chain: chain + [real])
                } else if type == Int32(DT_REG) {
                    result.append(prefix + rel)
                }
            }
        }
        try walk(base, "", chain: [base])
        return result.sorted()
    }

    /// Where a `dirent` record's name starts.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// How deep folders may nest below the listed one: far beyond any docs
    /// tree, and a bound on the work a crafted tree can cause.
    static let maximumDepth = 64

    /// `opendir`, replaceable in tests: they run as root, whom permissions do not stop.
    var openDirectory: @Sendable (String) -> OpaquePointer? = { opendir($0) }

    /// The path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file's bytes. A file reached through a symbolic link must stay
    /// inside the top-level folder it is listed under (or the content folder,
    /// for a file at the top such as `site.yml`), the rule `files(under:)` applies.
    ///
    /// The file and its top folder are opened and their resolved paths read
    /// from the open descriptors (`OpenPath`): resolving both with `realpath`
    /// looked up every folder of both paths for each file (about 34 `readlink`
    /// calls a file on a 7,825-page site). The bytes are read from the
    /// descriptor that was checked.
    public func read(_ path: String) throws -> Data {
        // Paths joined as text: `URL.appendingPathComponent` (twice per file)
        // and a Character-wise split showed in profiles of 7,825-page sites.
        func inRoot(_ relative: Substring) -> String { rootPath.hasSuffix("/") ? rootPath + relative : rootPath + "/" + relative }
        let file = inRoot(path[...])
        let topFolder = Self.topFolder(of: path)
        let top = topFolder.map(inRoot) ?? rootPath
        func checkInside(_ real: String?) throws {
            if let real, let base = OpenPath.resolved(top, directory: true) ?? Self.realPath(top), !real.hasPrefix(base + "/") {
                let inside = topFolder.map { "\($0)/" } ?? "the content folder"
                throw PermDocsError("symbolic link leads outside \(inside) (to \(real)); permdocs reads no file outside it", file: path)
            }
        }
        guard let opened = OpenPath(file) else {
            // Not opened (missing, a link to nothing, not readable): the same check as before reading.
            try checkInside(Self.realPath(file))
            throw PermDocsError("cannot read file", file: file)
        }
        defer { opened.closeDescriptor() }
        try checkInside(opened.resolvedPath ?? Self.realPath(file))
        guard let data = opened.readAll() else { throw PermDocsError("cannot read file", file: file) }
        return data
    }

    /// The first folder name of a relative path when a name follows it
    /// (`tools` for `tools/a.md`), empty names skipped; nil for a file at the top.
    static func topFolder(of path: String) -> Substring? {
        guard path.isASCIIBytes else {
            let components = path.split(separator: "/")
            return components.count > 1 ? components[0] : nil
        }
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        guard let start = bytes.firstIndex(where: { $0 != slash }) else { return nil }
        let end = bytes[start...].firstIndex(of: slash) ?? bytes.endIndex
        guard bytes[end...].contains(where: { $0 != slash }) else { return nil }
        return path[start..<end]
    }

    public func fileExists(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir) && !isDir.boolValue
    }

    public func identity(of path: String) -> FileIdentity? {
        FileIdentity.of(path: root.path + "/" + path)
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
