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

    /// Forgets files the build did not list (deleted or renamed; nil: the
    /// listing is the last one) and notes how many it read.
    func finishBuild(keeping paths: Set<String>?) {
        lock.lock()
        defer { lock.unlock() }
        if let paths { entries = entries.filter { paths.contains($0.key) } }
        lastRead = read
        read = 0
    }

    /// What a whole load of the content gave, and where each guide is in it
    /// (`ContentLoader.load(changed:)` starts from it).
    struct Load {
        var config: SiteConfig
        var tools: [Tool]
        /// Guide path → (tool, page) positions in `tools`.
        var positions: [String: (Int, Int)]
    }

    /// The last whole load (nil before the first).
    var lastLoad: Load? {
        lock.lock()
        defer { lock.unlock() }
        return load
    }
    private var load: Load?

    /// Forgets the last load, after one that failed.
    func forgetLoad() {
        lock.lock()
        defer { lock.unlock() }
        load = nil
    }

    /// Keeps the tools of a load that read some guides again (the same tools and guides as the last whole load).
    func keep(tools: [Tool]) {
        lock.lock()
        defer { lock.unlock() }
        load?.tools = tools
    }

    /// Keeps a whole load for the next build.
    func keep(_ loaded: (SiteConfig, [Tool])) {
        var positions: [String: (Int, Int)] = [:]
        for (t, tool) in loaded.1.enumerated() {
            for (p, page) in tool.pages.enumerated() where !page.isGenerated { positions[page.path] = (t, p) }
        }
        lock.lock()
        defer { lock.unlock() }
        load = Load(config: loaded.0, tools: loaded.1, positions: positions)
    }
}
