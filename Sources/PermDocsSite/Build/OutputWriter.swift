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
///
/// The files are staged in parallel (`OutputStaging`), and may be handed over
/// while they are rendered rather than all at the end.
public struct OutputWriter {
    public var output: URL
    /// Write every file even if unchanged (`--clean`).
    public var clean: Bool

    /// The manifest's name inside the output folder.
    public static let manifestName = ".permdocs-manifest"

    /// Called when every file is staged, just before the swap (tests stop the
    /// process there to check that a kill leaves a whole site).
    public var beforeSwap: (() -> Void)?

    /// How many threads stage files (1: all on the calling thread).
    public var concurrency: Int

    public init(output: URL, clean: Bool = false, concurrency: Int = ProcessInfoConcurrency.default) {
        self.concurrency = concurrency
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
        try begin().finish(files, bookkeeping: bookkeeping)
    }

    /// Starts a write whose files are handed over one at a time, from any
    /// thread, while they are made (`OutputStaging.stage`), so a build need not
    /// hold every rendered file until the end. The output's lock is held until
    /// the staging is finished or discarded; until `finish` swaps it in, the
    /// previous site stays as it was.
    public func begin() throws -> OutputStaging {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        // One build at a time writes this output; holding the lock, any staging or
        // old folder beside it is a dead build's, whatever process namespace it ran in.
        let lock = try OutputLock(parent.appendingPathComponent(".\(name).lock"))
        let removed = removeStaleFolders()
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: parent.appendingPathComponent(".\(name).old-\(getpid())"))
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            lock.release()
            throw PermDocsError("could not write the site: \(error.localizedDescription)", file: output.path)
        }
        return OutputStaging(writer: self, folder: staging, lock: lock, removedStale: removed,
                             previous: clean ? [:] : Self.manifest(in: output))
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
