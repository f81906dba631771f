/// Walks the history of the guides: the commits in the window that touched
/// `tools/`, each tool's files at each commit and at its first parent, and
/// for each tool a commit changed, the diff between the two versions
/// (`PermissionDiff`'s model, as `permdocs diff` compares). Versions are
/// analyzed once per content (`HistoryCache`), in parallel.
///
/// A tool is followed by its slug: a renamed file or folder shows as one
/// tool removed and another added, as git lists them without rename detection.
import Foundation
import PermDocsCore
import PermDocsPolicy

public struct HistoryWalk {
    public var source: any RevisionSource
    public var window: HistoryWindow
    /// The site's configuration now: its `silence:` and tool names apply to every version.
    public var config: SiteConfig
    public var checker: PolicyChecker?
    public var cache: HistoryCache
    /// What else an analysis depends on (the permdocs build, the catalog): part of each cache key.
    public var salt: String
    public var concurrency: Int

    public init(source: any RevisionSource, window: HistoryWindow, config: SiteConfig, checker: PolicyChecker?,
                cache: HistoryCache, salt: String, concurrency: Int = ProcessInfoConcurrency.default) {
        self.source = source
        self.window = window
        self.config = config
        self.checker = checker
        self.cache = cache
        self.salt = salt
        self.concurrency = concurrency
    }

    /// The history, newest first. `names` gives tools' names as the site has
    /// them now (slug → name); a tool gone from the site keeps its last name.
    public func run(names: [String: String] = [:]) throws -> SiteHistory {
        let commits = try source.commits(touching: "tools", window: window)
        var listings: [String: [String: ToolVersion]] = [:]
        func versions(at commit: String?) throws -> [String: ToolVersion] {
            guard let commit else { return [:] }
            if let known = listings[commit] { return known }
            let found = ToolVersion.versions(in: try source.files(under: "tools", at: commit))
            listings[commit] = found
            return found
        }

        // Each tool whose files a commit changed, with its versions before and after.
        struct Change { var commit: RevisionCommit; var slug: String; var before: ToolVersion?; var after: ToolVersion? }
        var changes: [Change] = []
        // The oldest commits of a shallow clone have no parents to compare with:
        // they are where the history begins, not commits that added every guide.
        let boundaries = commits.filter(\.isShallowBoundary)
        let boundary = boundaries.max { ($0.time, $0.id) < ($1.time, $1.id) }
        for commit in commits where !commit.isShallowBoundary {
            let after = try versions(at: commit.id)
            let before = try versions(at: commit.parents.first)
            for slug in Set(after.keys).union(before.keys).sorted() where after[slug] != before[slug] {
                changes.append(Change(commit: commit, slug: slug, before: before[slug], after: after[slug]))
            }
        }

        // Every version needed, analyzed unless the cache has it.
        cache.beginWalk()
        var needed: [String: ToolVersion] = [:]
        for change in changes {
            for version in [change.before, change.after].compactMap({ $0 }) { needed[version.key(salt: salt)] = version }
        }
        var snapshots: [String: ToolSnapshot?] = [:]
        var fresh: [(key: String, version: ToolVersion)] = []
        for (key, version) in needed.sorted(by: { $0.key < $1.key }) {
            if let kept = cache.lookup(key) { snapshots[key] = .some(kept) } else { fresh.append((key, version)) }
        }
        if !fresh.isEmpty {
            let ids = Set(fresh.flatMap { $0.version.files.values }).sorted()
            let bytes = try source.contents(of: ids)
            let (config, checker) = (self.config, self.checker)
            let analyzed = ParallelMap.map(fresh, concurrency: concurrency) { item -> ToolSnapshot? in
                var files: [String: Data] = [:]
                for (path, id) in item.version.files { files[path] = bytes[id] ?? Data() }
                return ToolVersion.snapshot(slug: item.version.slug, files: files, config: config, checker: checker)
            }
            for (item, snapshot) in zip(fresh, analyzed) {
                cache.store(item.key, snapshot)
                snapshots[item.key] = .some(snapshot)
            }
        }
        cache.endWalk(analyzed: fresh.count, reused: needed.count - fresh.count)

        var entries: [HistoryEntry] = []
        var skipped = 0
        for change in changes {
            let before = change.before.map { snapshots[$0.key(salt: salt)] ?? nil }
            let after = change.after.map { snapshots[$0.key(salt: salt)] ?? nil }
            // A side whose files did not load cannot be compared.
            if case .some(nil) = before { skipped += 1; continue }
            if case .some(nil) = after { skipped += 1; continue }
            let (old, new) = (before ?? nil, after ?? nil)
            guard old != nil || new != nil else { continue }
            let diff = ToolDiff(base: old, target: new, compared: .all)
            guard diff.isReported else { continue }
            let name = names[change.slug] ?? new?.name ?? old?.name ?? change.slug
            entries.append(HistoryEntry(commit: change.commit, toolSlug: change.slug, toolName: name, diff: diff))
        }
        entries.sort { a, b in
            if a.commit.time != b.commit.time { return a.commit.time > b.commit.time }
            if a.commit.id != b.commit.id { return a.commit.id < b.commit.id }
            return a.toolSlug < b.toolSlug
        }
        return SiteHistory(window: window, entries: entries, commitCount: commits.count - boundaries.count, versionsAnalyzed: fresh.count,
                           versionsReused: needed.count - fresh.count, skippedChanges: skipped, shallowBoundary: boundary)
    }
}
