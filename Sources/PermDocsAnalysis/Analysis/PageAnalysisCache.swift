import Foundation

/// Remembers each page's analysis (dialects, cmark, extraction) between builds
/// of one process, so a rebuild after an edit analyses only the pages whose
/// text changed. `permdocs serve` keeps one for its whole run.
///
/// A page is reused only when its path, tool, page id and body are all equal
/// to last time; classification, checks and the index are always recomputed
/// from the pages, since one page's change can change another's meaning.
public final class PageAnalysisCache: @unchecked Sendable {
    private struct Entry {
        var toolSlug: String
        var pageID: String
        var body: String
        var page: AnalyzedPage
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Pages analyzed anew and pages reused by the last build, for the summary.
    public private(set) var lastAnalyzed = 0
    public private(set) var lastReused = 0

    public init() {}

    /// The cached analysis of `page`, if it is still valid.
    func lookup(_ page: PageSource, toolSlug: String) -> AnalyzedPage? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[page.path], e.toolSlug == toolSlug, e.pageID == page.pageID, e.body == page.body else { return nil }
        var reused = e.page
        reused.source = page  // front matter may have changed; the analysis does not depend on it
        return reused
    }

    /// Replaces the cache with this build's pages (so deleted pages are forgotten).
    func replace(with pages: [(AnalyzedPage, String)], analyzed: Int) {
        lock.lock()
        defer { lock.unlock() }
        entries = Dictionary(pages.map { ($0.0.source.path, Entry(toolSlug: $0.1, pageID: $0.0.source.pageID, body: $0.0.source.body, page: $0.0)) }, uniquingKeysWith: { a, _ in a })
        lastAnalyzed = analyzed
        lastReused = pages.count - analyzed
    }
}
