/// `changes.html` (with `history:` in `site.yml`): every tool's permission
/// changes over the history window, newest first.
struct ChangesPage: Encodable {
    var frame: PageFrame
    /// `the last 20 commits`, `commits since 2026-01-01`.
    var window: String
    var commitCount: Int
    var entryCount: Int
    /// The counts in words, with their plurals: "1 commit", "3 changes".
    var commitsText: String
    var entriesText: String
    var hasEntries: Bool
    var entries: [TimelineEntry]
    /// Changes left out because a side's guide did not load at that commit.
    var skippedChanges: Int
    var skippedText: String
    var hasSkippedChanges: Bool
    /// Why earlier changes are missing when the repository is a shallow clone; nil otherwise.
    var shallowNote: String?
}
