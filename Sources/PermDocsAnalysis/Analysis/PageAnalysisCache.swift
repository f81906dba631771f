import Foundation
import PermDocsPolicy

/// Remembers each page's analysis (dialects, cmark, extraction) between builds
/// of one process, so a rebuild after an edit analyses only the pages whose
/// text changed. `permdocs serve` keeps one for its whole run.
///
/// A page is reused only when its path, tool, the tool's page ids, its page
/// id, title and body are all equal to last time (links to the tool's pages
/// are rewritten by the analysis; the title is in each block's context). It also keeps
/// what each tool's steps across pages found (`ToolAnalysisMemo`), which
/// `ToolAnalysis` reuses only where the changed pages cannot have changed it;
/// the index is always recomputed from the pages.
public final class PageAnalysisCache: @unchecked Sendable {
    private struct Entry {
        /// The tool's slug and a hash of its page ids (`Analyzer` makes it).
        var tool: String
        var pageID: String
        var title: String
        var body: String
        var page: AnalyzedPage
    }

    /// The guides as read, by file identity (`ContentLoader` uses it).
    public let sources = SourceFileCache()
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var toolMemos: [String: ToolAnalysisMemo] = [:]
    /// The last build's index and the blocks it was made from (per tool, per page).
    private var lastIndex: (catalog: String?, blocks: [(slug: String, pages: [[PolicyBlock]])], index: ActionIndex)?
    /// Pages analyzed anew and pages reused by the last build, for the summary.
    public private(set) var lastAnalyzed = 0
    public private(set) var lastReused = 0
    /// Pages the last build classified, link-checked and checked anew.
    private(set) var lastToolSteps = ToolAnalysis.Counts()

    public init() {}

    /// The cached analysis of `page`, if it is still valid.
    func lookup(_ page: PageSource, tool: String) -> AnalyzedPage? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[page.path], e.tool == tool, e.pageID == page.pageID, e.title == page.title, e.body == page.body else { return nil }
        var reused = e.page
        reused.source = page  // front matter may have changed; the analysis does not depend on it
        return reused
    }

    /// Replaces the cache with this build's pages (so deleted pages are
    /// forgotten); `keys` are their tools' keys, `fresh` the positions of the
    /// pages analyzed anew. When the pages are the cached ones (same paths),
    /// only the fresh ones are stored: the others' entries are what matched.
    func replace(with pages: [AnalyzedPage], keys: [String], fresh: [Int]) {
        func entry(_ i: Int) -> Entry {
            Entry(tool: keys[i], pageID: pages[i].source.pageID, title: pages[i].source.title, body: pages[i].source.body, page: pages[i])
        }
        lock.lock()
        defer { lock.unlock() }
        if entries.count == pages.count && pages.allSatisfy({ entries.index(forKey: $0.source.path) != nil }) {
            for i in fresh { entries[pages[i].source.path] = entry(i) }
        } else {
            entries = Dictionary(pages.indices.map { (pages[$0].source.path, entry($0)) }, uniquingKeysWith: { a, _ in a })
        }
        lastAnalyzed = fresh.count
        lastReused = pages.count - fresh.count
    }

    /// What the last build's `ToolAnalysis` found for the tool.
    func toolMemo(_ slug: String) -> ToolAnalysisMemo? {
        lock.lock()
        defer { lock.unlock() }
        return toolMemos[slug]
    }

    /// The last build's action index, when `tools` hold the same blocks, in
    /// the same tools and pages, and the catalog is the same (the index reads
    /// nothing else); nil otherwise.
    func index(for tools: [AnalyzedTool], catalog: ActionCatalog?) -> ActionIndex? {
        lock.lock()
        let last = lastIndex
        lock.unlock()
        guard let last, last.catalog == Self.catalogKey(catalog), last.blocks.count == tools.count else { return nil }
        for (old, tool) in zip(last.blocks, tools) {
            guard old.slug == tool.slug, old.pages.count == tool.pages.count else { return nil }
            for (a, page) in zip(old.pages, tool.pages) where !BlockComparison.sameExceptContext(a, page.blocks) { return nil }
        }
        return last.index
    }

    /// Keeps `index`, made from `tools`, for the next build.
    func keep(_ index: ActionIndex, for tools: [AnalyzedTool], catalog: ActionCatalog?) {
        let blocks = tools.map { (slug: $0.slug, pages: $0.pages.map(\.blocks)) }
        lock.lock()
        defer { lock.unlock() }
        lastIndex = (Self.catalogKey(catalog), blocks, index)
    }

    private static func catalogKey(_ catalog: ActionCatalog?) -> String? {
        catalog.map { "\($0.source) \($0.location) \($0.sourceDate)" }
    }

    /// Replaces the tools' memos with this build's (so removed tools are forgotten).
    func replaceToolMemos(_ memos: [String: ToolAnalysisMemo], counts: ToolAnalysis.Counts) {
        lock.lock()
        defer { lock.unlock() }
        toolMemos = memos
        lastToolSteps = counts
    }
}
