/// The site's permission history (`history:` in `site.yml`): for each commit
/// in the window that changed what a tool grants or its findings, what
/// changed, newest first. Commits that only moved text are not in it.
public struct SiteHistory: Sendable {
    /// The window it covers.
    public var window: HistoryWindow
    /// Every change, newest first (commit time, then commit id, then tool slug):
    /// the same repository state always gives the same order.
    public var entries: [HistoryEntry]
    /// Commits in the window that touched `tools/`.
    public var commitCount: Int
    /// Past versions analyzed anew, and reused from the cache.
    public var versionsAnalyzed: Int
    public var versionsReused: Int
    /// Changes not shown because a side did not load (its guide was broken then).
    public var skippedChanges: Int
    /// In a shallow clone, the newest commit whose parents are missing: the
    /// history shown begins after it. Nil when the history is complete.
    public var shallowBoundary: RevisionCommit?

    public init(window: HistoryWindow, entries: [HistoryEntry], commitCount: Int, versionsAnalyzed: Int = 0, versionsReused: Int = 0,
                skippedChanges: Int = 0, shallowBoundary: RevisionCommit? = nil) {
        self.window = window
        self.entries = entries
        self.commitCount = commitCount
        self.versionsAnalyzed = versionsAnalyzed
        self.versionsReused = versionsReused
        self.skippedChanges = skippedChanges
        self.shallowBoundary = shallowBoundary
    }

    /// What a reader and the build log are told when the clone is shallow; nil when the history is complete.
    public var shallowNote: String? {
        shallowBoundary.map { commit in
            "the repository is a shallow clone, so the permission history begins after commit \(commit.shortID) of \(CommitDate.day(commit.time)); "
                + "fetch the full history (git fetch --unshallow; in GitHub Actions, fetch-depth: 0) to see earlier changes"
        }
    }

    /// One tool's changes, newest first.
    public func entries(of slug: String) -> [HistoryEntry] {
        entries.filter { $0.toolSlug == slug }
    }

    /// The window in words: `the last 20 commits`, `commits since 2026-01-01`.
    public var windowDescription: String {
        switch (window.commits, window.since) {
        case let (n?, day?): return "the last \(n) commit\(n == 1 ? "" : "s") since \(day)"
        case let (n?, nil): return "the last \(n) commit\(n == 1 ? "" : "s")"
        case let (nil, day?): return "commits since \(day)"
        default: return "all commits"
        }
    }
}

/// What one commit changed for one tool.
public struct HistoryEntry: Sendable, Hashable {
    public var commit: RevisionCommit
    public var toolSlug: String
    public var toolName: String
    /// The tool's diff from the commit's first parent to the commit.
    public var diff: ToolDiff

    public init(commit: RevisionCommit, toolSlug: String, toolName: String, diff: ToolDiff) {
        self.commit = commit
        self.toolSlug = toolSlug
        self.toolName = toolName
        self.diff = diff
    }

    /// One sentence, as `permdocs diff` sums up: `actions: 1 added; resources: 1 broadened`.
    public var summary: String {
        DiffWording.summary(PermissionDiff(tools: [diff]), countingTools: false)
    }

    /// The change line by line, in `permdocs diff`'s order and words.
    public var lines: [DiffLine] { DiffLine.lines(of: diff) }
}
