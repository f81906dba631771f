import Dispatch
import Foundation
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

/// Reads the content into an `AnalyzedSite`: dialects, cmark, extraction,
/// classification, checks, cross-referencing. No rendering and no writing.
///
/// Pages are analyzed in parallel; every result goes to the slot of its page,
/// so the outcome does not depend on thread timing.
public struct Analyzer {
    /// The action catalog the index spells and expands actions with (the
    /// checker's, when there is one); nil treats every action as unknown.
    public var catalog: ActionCatalog?
    /// Checks each classified block; nil leaves policies unchecked.
    public var checker: PolicyChecker?
    /// How many pages to analyze at once (1 runs everything on the calling thread).
    public var concurrency: Int
    /// Analyses of earlier builds to reuse for unchanged pages.
    public var cache: PageAnalysisCache?

    public init(catalog: ActionCatalog?, checker: PolicyChecker? = nil, concurrency: Int = ProcessInfoConcurrency.default, cache: PageAnalysisCache? = nil) {
        self.catalog = catalog
        self.checker = checker
        self.concurrency = concurrency
        self.cache = cache
    }

    /// Analyses one page of a tool: its Markdown is parsed, its blocks found and
    /// the page rendered once; the parse tree is not kept. `pageIDs` are the
    /// tool's pages, so that links between them can be rewritten.
    public func analyze(page: PageSource, toolSlug: String, pageIDs: Set<String> = [], introAlias: String? = nil) -> AnalyzedPage {
        let dialects = TemplateDialects.rewrite(page.body, file: page.path)
        let document = MarkdownDocument(dialects.markdown)
        let structure = PageStructure(document: document, file: page.path)
        let extracted = PolicyExtractor(toolSlug: toolSlug, pageID: page.pageID, pageTitle: page.title).blocks(in: structure)
        let renderer = GuideRenderer(figures: extracted.blocks.map(\.figureSlot), resolveLink: { url in
            PageLinks.resolve(url, from: page.pageID, pages: pageIDs, introAlias: introAlias)
        })
        return AnalyzedPage(source: page, guide: renderer.render(structure), blocks: extracted.blocks, diagnostics: dialects.diagnostics + extracted.diagnostics)
    }

    /// Analyses every page of every tool, classifies each tool's blocks,
    /// checks them (`ToolAnalysis`), applies `silence:` and indexes actions.
    /// With a cache, pages whose text did not change are not analyzed again,
    /// the tool-wide steps redo only what the changed pages can change, and
    /// the index is the last build's while the blocks it is drawn from are equal.
    public func analyze(config: SiteConfig, tools: [Tool]) -> AnalyzedSite {
        let jobs = tools.flatMap { tool in
            let ids = Set(tool.pages.map(\.pageID))
            let alias = tool.pages.first?.introAlias
            // A page's analysis rewrites its links to the tool's other pages,
            // so it is reused only while the tool has the same pages.
            let key = tool.slug + "\n" + ContentHash.hex(Data((tool.pages.map(\.pageID).sorted() + [alias ?? ""]).joined(separator: "\n").utf8))
            return tool.pages.map { (page: $0, slug: tool.slug, ids: ids, alias: alias, key: key) }
        }
        let cached = jobs.map { cache?.lookup($0.page, tool: $0.key) }
        let fresh = jobs.indices.filter { cached[$0] == nil }
        let freshPages = ParallelMap.map(fresh, concurrency: concurrency, costliestFirst: { jobs[$0].page.body.utf8.count }) {
            analyze(page: jobs[$0].page, toolSlug: jobs[$0].slug, pageIDs: jobs[$0].ids, introAlias: jobs[$0].alias)
        }
        var pages = cached
        for (k, i) in fresh.enumerated() { pages[i] = freshPages[k] }
        let all = pages.map { $0! }
        cache?.replace(with: all, keys: jobs.map(\.key), fresh: fresh)

        let freshSet = Set(fresh)
        let steps = ToolAnalysis(catalog: catalog, checker: checker, concurrency: concurrency)
        var toolJobs: [ToolAnalysis.Job] = []
        var k = 0
        for tool in tools {
            let range = k..<(k + tool.pages.count)
            k += tool.pages.count
            let changed = Set(range.filter(freshSet.contains).map { $0 - range.lowerBound })
            toolJobs.append(ToolAnalysis.Job(tool: tool, pages: Array(all[range]), changed: changed, memo: cache?.toolMemo(tool.slug)))
        }
        var analyzed: [AnalyzedTool] = []
        var memos: [String: ToolAnalysisMemo] = [:]
        var counts = ToolAnalysis.Counts()
        for (tool, (result, memo, toolCounts)) in zip(tools, steps.run(toolJobs)) {
            analyzed.append(result)
            counts = counts + toolCounts
            memos[tool.slug] = memo
        }
        cache?.replaceToolMemos(memos, counts: counts)

        var silenced: [Diagnostic] = []
        if !config.silence.isEmpty {
            for t in analyzed.indices {
                for p in analyzed[t].pages.indices {
                    let split = SilencedFindings(analyzed[t].pages[p].diagnostics, rules: config.silence)
                    analyzed[t].pages[p].diagnostics = split.reported
                    silenced += split.silenced
                }
            }
        }
        let index = cache?.index(for: analyzed, catalog: catalog) ?? ActionIndex(tools: analyzed, catalog: catalog, concurrency: concurrency)
        cache?.keep(index, for: analyzed, catalog: catalog)
        return AnalyzedSite(config: config, tools: analyzed, index: index, silenced: silenced.sortedForOutput(), catalog: catalog)
    }
}
