/// One change in a permission timeline (`changes.html`, a tool page's
/// history): when, which commit, by whom, and what it changed for one tool,
/// line by line in `permdocs diff`'s words. All of it plain text, escaped by
/// the template: commit messages and author names come from the repository.
struct TimelineEntry: Encodable {
    /// `2026-03-14` (UTC), and the full time for `<time datetime>`.
    var day: String
    var timestamp: String
    var commit: String
    var shortCommit: String
    var author: String?
    var subject: String
    var toolName: String
    /// False on the tool's own page, which names the tool already.
    var showsTool: Bool
    /// The tool's first page from the page showing the entry; nil for a tool no longer on the site.
    var toolURL: String?
    /// `changed`, `added`, `removed`.
    var status: String
    var summary: String
    var lines: [Line]

    struct Line: Encodable {
        /// A CSS class suffix: `added`, `broadened`, `new-finding`, …
        var kind: String
        var mark: String
        var subject: String
        var text: String
    }
}

/// The history section of a tool's first page.
struct ToolHistory: Encodable {
    /// `the last 20 commits`, `commits since 2026-01-01`.
    var window: String
    var entries: [TimelineEntry]
    var hasEntries: Bool
    var changesURL: String
}
