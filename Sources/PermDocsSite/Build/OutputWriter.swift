import Foundation
import PermDocsAnalysis
import PermDocsCore

/// Writes a site to its folder all at once: the files go to a staging folder
/// beside the output, which replaces the output only when every file is written,
/// in one step (`FolderExchange`). A build that fails, or is killed at any
/// point, leaves the previous site exactly as it was or the new one whole.
/// Staging and old folders left by killed builds are removed by the next one.
///
/// Files whose bytes did not change since the last build are not rewritten:
/// the output keeps a manifest (`.permdocs-manifest`, one `hash<TAB>path` line
/// per file) and an unchanged file is hard-linked from the old output into the
/// staging folder, so it keeps its inode and modification time (rsync and
/// deploy tools see it as untouched), after its bytes are compared with the
/// new ones (a file edited by hand is written again). Files the new build does not produce are
/// simply not carried over, so nothing stale survives.
public struct OutputWriter {
    public var output: URL
    /// Write every file even if unchanged (`--clean`).
    public var clean: Bool

    /// The manifest's name inside the output folder.
    public static let manifestName = ".permdocs-manifest"

    /// Called when every file is staged, just before the swap (tests stop the
    /// process there to check that a kill leaves a whole site).
    public var beforeSwap: (() -> Void)?

    public init(output: URL, clean: Bool = false) {
        // An output that is a symlink (`public -> /var/www/site`) is written where it
        // points: swapping the link itself would leave the real folder behind.
        let standardized = output.standardizedFileURL
        self.output = standardized.path.withCString { path -> URL in
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else { return standardized }
            defer { free(real) }
            return URL(fileURLWithPath: String(cString: real))
        }
        self.clean = clean
    }

    /// What a write did.
    public struct Summary: Equatable, Sendable {
        public var written: Int
        public var unchanged: Int
        /// Folders of builds that died before finishing, removed before this one (their paths).
        public var removedStale: [String] = []
    }

    /// Writes `files` as the site, and `bookkeeping` (the build's own files,
    /// such as `OutputCache`) beside them in the output folder: always written,
    /// not counted, not in the manifest.
    @discardableResult
    public func write(_ files: [OutputFile], bookkeeping: [OutputFile] = []) throws -> Summary {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        var summary = Summary(written: 0, unchanged: 0)
        // One build at a time writes this output; holding the lock, any staging or
        // old folder beside it is a dead build's, whatever process namespace it ran in.
        let lock = try OutputLock(parent.appendingPathComponent(".\(name).lock"))
        defer { lock.release() }
        summary.removedStale = removeStaleFolders()
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: old)
        let previous = clean ? [:] : Self.manifest(in: output)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var manifest = ""
            var made: Set<String> = [""]
            for file in files.sorted(by: { $0.path < $1.path }) {
                guard !file.path.split(separator: "/").contains(".."), !file.path.hasPrefix("/"), file.path != Self.manifestName else {
                    throw PermDocsError("refusing to write outside the output folder", file: file.path)
                }
                let url = staging.appendingPathComponent(file.path)
                let dir = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
                if !made.contains(dir) {
                    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    made.insert(dir)
                }
                let hash = ContentHash.hex(file.data)
                manifest += "\(hash)\t\(file.path)\n"
                if previous[file.path] == hash, Self.holds(output.appendingPathComponent(file.path).path, file.data),
                   link(output.appendingPathComponent(file.path).path, url.path) == 0 {
                    summary.unchanged += 1
                    continue
                }
                try Self.writeFile(file.data, to: url.path)
                summary.written += 1
            }
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName))
            for file in bookkeeping {
                guard file.path.hasPrefix("."), !file.path.contains("/"), file.path != Self.manifestName else {
                    throw PermDocsError("refusing to write a bookkeeping file that is not a dotfile at the top", file: file.path)
                }
                try Self.writeFile(file.data, to: staging.appendingPathComponent(file.path).path)
            }
            var isDir: ObjCBool = false
            let hadOutput = fm.fileExists(atPath: output.path, isDirectory: &isDir)
            if hadOutput && !isDir.boolValue { throw PermDocsError("output path exists and is not a folder", file: output.path) }
            beforeSwap?()
            if hadOutput && FolderExchange.exchange(staging.path, output.path) {
                // The staging folder now holds the previous site.
                try? fm.removeItem(at: staging)
                return summary
            }
            // No exchange (a first build, or a file system without it): two renames.
            if hadOutput { try fm.moveItem(at: output, to: old) }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                if hadOutput { try? fm.moveItem(at: old, to: output) }
                throw error
            }
            try? fm.removeItem(at: old)
        } catch {
            try? fm.removeItem(at: staging)
            if let e = error as? PermDocsError { throw e }
            throw PermDocsError("could not write the site: \(error.localizedDescription)", file: output.path)
        }
        return summary
    }

    /// For a build that writes nothing (its output is up to date): removes what
    /// killed builds left beside the output, with its lock held, as `write` does
    /// first. Returns the folders removed.
    public func removeLeftovers() throws -> [String] {
        let lock = try OutputLock(output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock"))
        defer { lock.release() }
        return removeStaleFolders()
    }

    /// Removes `.<output>.staging-<pid>` and `.<output>.old-<pid>` folders:
    /// what a killed build leaves beside the output. Called with the output's
    /// lock held, so no live build of this output owns one; a live process of
    /// that pid (a reused pid, a build of an older permdocs without the lock)
    /// keeps its folder all the same.
    private func removeStaleFolders() -> [String] {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return [] }
        var removed: [String] = []
        for entry in entries.sorted() {
            for kind in [".staging-", ".old-"] {
                let prefix = "." + name + kind
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
                // Signal 0 only asks whether the process exists.
                guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
                let url = parent.appendingPathComponent(entry)
                if (try? fm.removeItem(at: url)) != nil { removed.append(url.path) }
            }
        }
        return removed
    }

    /// Whether the file at `path` holds exactly `data`: the manifest's hash
    /// says what the last build wrote, but a file edited by hand since (even
    /// to the same size) must be written again, not linked forward.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == data.count else { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        return data.withUnsafeBytes { expected -> Bool in
            while offset < expected.count {
                let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0, offset + n <= expected.count,
                      buffer.withUnsafeBytes({ memcmp($0.baseAddress!, expected.baseAddress! + offset, n) == 0 }) else { return false }
                offset += n
            }
            return true
        }
    }

    /// Writes bytes to a new file with plain POSIX calls: Foundation's
    /// `Data.write(to:)` took 2 ms a file here (16 s for a 7,825-page site).
    /// No fsync: the staging folder is swapped in whole, and a crash before
    /// that leaves the previous site.
    private static func writeFile(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PermDocsError("cannot create file (\(String(cString: strerror(errno))))", file: path) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }  // an empty file
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw PermDocsError("cannot write file (\(String(cString: strerror(errno))))", file: path)
                }
                offset += n
            }
        }
    }

    /// The last build's path → hash in the site at `folder`; empty when there is
    /// none or it is unreadable (then every file is written, which is always correct).
    public static func manifest(in folder: URL) -> [String: String] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(manifestName)) else { return [:] }
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { result[String(parts[1])] = String(parts[0]) }
        }
        return result
    }
}
