import Foundation
import PermDocsCore

/// The guides read by earlier builds of this process, each with its file's
/// `FileIdentity` when it was read: a rebuild (`permdocs serve`) reads and
/// splits again only the files whose identity changed, instead of every file
/// of the site (1.6 s for 7,825 pages); what it keeps is the `PageSource`. A reader that cannot tell identities
/// (files in memory) is always read.
///
/// The identity is taken before the file is read, so a write during the read
/// leaves an identity that no longer matches; and an entry is kept only once
/// its identity has settled (`FileIdentity.settled`), so a file written twice
/// within the file system's timestamp granularity is read again. What is
/// kept is what reading gives (text, front matter, first heading); whether a page's
/// analysis is reused is still decided by comparing the text
/// (`PageAnalysisCache`).
public final class SourceFileCache: @unchecked Sendable {
    private struct Entry {
        var identity: FileIdentity
        var page: PageSource
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Files read by the last build (the others were taken from the cache).
    public private(set) var lastRead = 0
    private var read = 0

    /// How long after its last change a file's identity is trusted (`FileIdentity.settled`).
    private let settleMargin: Int64

    /// - Parameter settleMargin: nanoseconds; tests pass 0 to see files they just wrote reused.
    public init(settleMargin: Int64 = 2_000_000_000) {
        self.settleMargin = settleMargin
    }

    /// The page read from `path`: the cached one when the file's identity is
    /// unchanged (and its page id the same), else `load`'s (read and split).
    func page(_ path: String, pageID: String, reader: any ContentReader, load: () throws -> PageSource) rethrows -> PageSource {
        let identity = reader.identity(of: path)
        if let identity {
            lock.lock()
            let cached = entries[path]
            lock.unlock()
            if let cached, cached.identity == identity, cached.page.pageID == pageID { return cached.page }
        }
        let loaded = try load()
        lock.lock()
        defer { lock.unlock() }
        read += 1
        if let identity, identity.settled(at: FileIdentity.now(), margin: settleMargin) {
            entries[path] = Entry(identity: identity, page: loaded)
        } else {
            entries[path] = nil
        }
        return loaded
    }

    /// Forgets files the build did not list (deleted or renamed) and notes how many it read.
    func finishBuild(keeping paths: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { paths.contains($0.key) }
        lastRead = read
        read = 0
    }
}
