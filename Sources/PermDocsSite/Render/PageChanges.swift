import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// Which pages of a site differ from the site of the last render in this
/// process (`serve`), when nothing else does: the same settings, catalog,
/// tools, metadata and pages (paths, ids, titles), and no history.
///
/// It also says whether anything the site-wide outputs show changed: the
/// index, matrix, findings, search, overlap and service pages, the tools'
/// first pages, the data exports and the policy files are drawn from the
/// pages' blocks and findings and from the site's structure, never from a
/// page's prose (nor from the prose around a block, `BlockContext`). A paragraph edit changes one page's guide and nothing they
/// show, so `SiteRenderer` reuses all of them and renders that page alone.
///
/// Comparing costs little for pages the analysis cache reused: their strings
/// and arrays share storage with the last build's, and Swift's `==` returns
/// at once for shared storage. Pages analyzed anew are compared in full.
struct PageChanges {
    /// Tool position in the site → positions of its pages that differ.
    var pages: [Int: [Int]] = [:]
    /// True when some page's blocks or findings differ, or the silenced findings do.
    var touchesSiteWideOutputs = false

    var isEmpty: Bool { pages.isEmpty }

    /// The pages of `new` that differ from `old`; nil when anything but pages
    /// differs (then the whole site is rendered as usual).
    static func between(_ old: AnalyzedSite, _ new: AnalyzedSite) -> PageChanges? {
        guard old.history == nil, new.history == nil, old.config == new.config,
              sameCatalog(old.catalog, new.catalog), old.tools.count == new.tools.count else { return nil }
        var changes = PageChanges()
        for (t, (was, now)) in zip(old.tools, new.tools).enumerated() {
            guard was.slug == now.slug, was.tool.metadata == now.tool.metadata, was.pages.count == now.pages.count else { return nil }
            for (p, (a, b)) in zip(was.pages, now.pages).enumerated() {
                // Paths and ids decide every output path; checked for every page, cheaply (shared storage).
                guard a.source.path == b.source.path, a.source.pageID == b.source.pageID else { return nil }
                if a.source == b.source && a.guide == b.guide && a.blocks == b.blocks && a.diagnostics == b.diagnostics { continue }
                // A title shows on its neighbours, its tool's first page and in page lists: not only this page's.
                guard a.title == b.title, a.source.isGenerated == b.source.isGenerated else { return nil }
                changes.pages[t, default: []].append(p)
                if a.diagnostics != b.diagnostics || !BlockComparison.sameExceptContext(a.blocks, b.blocks) { changes.touchesSiteWideOutputs = true }
            }
        }
        if old.silenced != new.silenced { changes.touchesSiteWideOutputs = true }
        return changes
    }

    /// The same catalog: one is loaded per build (`serve` may load it again), so compared by what it is, not by identity.
    private static func sameCatalog(_ a: ActionCatalog?, _ b: ActionCatalog?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return a === b || (a.source == b.source && a.location == b.location && a.sourceDate == b.sourceDate)
        default: return false
        }
    }
}
