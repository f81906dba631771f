import PermDocsAnalysis

/// The permission history's pages: `changes.html` and the history section of
/// each tool's first page, both drawn from `AnalyzedSite.history`.
extension SiteRenderer {
    /// Whether the site gets `changes.html`: it has a history, and the theme
    /// draws it (`changes` is optional, as `404` is).
    var hasChangesPage: Bool {
        site.history != nil && theme.hasTemplate("changes")
    }

    func changesPage() -> PageRequest {
        let history = site.history!
        let entries = history.entries.map { timelineEntry($0, from: SitePaths.changes) }
        let page = ChangesPage(
            frame: frame(path: SitePaths.changes, title: "Permission changes – \(site.config.title)"),
            window: history.windowDescription, commitCount: history.commitCount, entryCount: entries.count,
            commitsText: CountPhrase.of(history.commitCount, "commit"), entriesText: CountPhrase.of(entries.count, "change"),
            hasEntries: !entries.isEmpty, entries: entries, skippedChanges: history.skippedChanges,
            skippedText: CountPhrase.of(history.skippedChanges, "change"), hasSkippedChanges: history.skippedChanges > 0,
            shallowNote: history.shallowNote.map { "Note: " + $0 + "." })
        return PageRequest(template: "changes", page: page)
    }

    /// The history section of `tool`'s first page at `path`; nil without history.
    func toolHistory(_ tool: AnalyzedTool, from path: String) -> ToolHistory? {
        guard let history = site.history else { return nil }
        let entries = history.entries(of: tool.slug).map { timelineEntry($0, from: path, showsTool: false) }
        return ToolHistory(window: history.windowDescription, entries: entries, hasEntries: !entries.isEmpty,
                           changesURL: hasChangesPage ? SitePaths.link(from: path, to: SitePaths.changes) : "")
    }

    private func timelineEntry(_ entry: HistoryEntry, from path: String, showsTool: Bool = true) -> TimelineEntry {
        let commit = entry.commit
        let toolURL = toolsBySlug[entry.toolSlug].map { SitePaths.link(from: path, to: SitePaths.firstPage(of: $0)) }
        return TimelineEntry(
            day: CommitDate.day(commit.time), timestamp: CommitDate.timestamp(commit.time), commit: commit.id, shortCommit: commit.shortID,
            author: commit.author, subject: commit.subject, toolName: entry.toolName, showsTool: showsTool, toolURL: toolURL,
            // `kept` is the diff's word for a tool on both sides; a timeline says what happened to it.
            status: entry.diff.status == .kept ? "changed" : entry.diff.status.rawValue,
            summary: entry.summary,
            lines: entry.lines.map { TimelineEntry.Line(kind: $0.kind.rawValue, mark: $0.mark, subject: $0.subject, text: $0.text) })
    }
}
