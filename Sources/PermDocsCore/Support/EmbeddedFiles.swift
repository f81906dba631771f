import Foundation

/// One file compiled into the executable: its path inside its folder and its
/// bytes, held in a string literal the build generates (see
/// `Plugins/EmbedFiles`). Text files are stored as written, binary files as
/// base64, so the literal is the file with a few characters escaped and no
/// array of numbers for the compiler to type-check.
public struct EmbeddedFile: Sendable {
    /// How the literal holds the bytes.
    public enum Encoding: Sendable {
        /// The literal is the file's UTF-8 text.
        case utf8
        /// The literal is the file's bytes in base64 (files that are not UTF-8).
        case base64
    }

    /// Path inside the embedded folder, "/"-separated (`services/ec2.tsv`).
    public let path: String
    private let literal: StaticString
    private let encoding: Encoding

    /// A file whose bytes are `literal`, read as `encoding` says.
    public init(_ path: String, _ literal: StaticString, encoding: Encoding = .utf8) {
        self.path = path
        self.literal = literal
        self.encoding = encoding
    }

    /// The file's bytes. Text is copied out of the executable's read-only
    /// data only now, when it is asked for: nothing is decoded at start-up.
    public var data: Data {
        literal.withUTF8Buffer { buffer in
            switch encoding {
            case .utf8: return Data(buffer)
            case .base64: return Data(base64Encoded: Data(buffer)) ?? Data()
            }
        }
    }

    /// The file's size in bytes as stored in the literal (base64 for binary files).
    public var storedSize: Int { literal.utf8CodeUnitCount }
}

/// A folder of files compiled into the executable (the default theme, the
/// action catalog snapshot, the risk data), read like a folder on disk.
public struct EmbeddedFiles: ContentReader {
    /// What the folder is, for messages (`built-in theme`).
    public let name: String
    /// The files, sorted by path.
    public let files: [EmbeddedFile]
    private let indexByPath: [String: Int]

    /// A folder holding `files`; `name` says what it is in messages.
    public init(name: String, files: [EmbeddedFile]) {
        self.name = name
        self.files = files.sorted { $0.path < $1.path }
        indexByPath = Dictionary(self.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func files(under directory: String) throws -> [String] {
        let prefix = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        return files.map(\.path).filter { $0.hasPrefix(prefix) }
    }

    public func read(_ path: String) throws -> Data {
        guard let index = indexByPath[path] else {
            throw PermDocsError("no such file in the \(name)", file: path)
        }
        return files[index].data
    }

    public func fileExists(_ path: String) -> Bool {
        indexByPath[path] != nil
    }

    /// Writes every file below `folder` (made if need be), refusing to
    /// replace a file that is already there: nothing is written then, and the
    /// error lists the files in the way.
    public func export(to folder: URL) throws {
        let manager = FileManager.default
        let existing = files.map(\.path).filter { manager.fileExists(atPath: folder.appendingPathComponent($0).path) }
        if !existing.isEmpty {
            throw PermDocsError("would overwrite \(existing.count) file\(existing.count == 1 ? "" : "s") (\(existing.prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", …" : "")); nothing was written", file: folder.path)
        }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url, options: .withoutOverwriting)
            } catch {
                throw PermDocsError("cannot write the file (\(error.localizedDescription))", file: url.path)
            }
        }
    }
}
