import Dispatch
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
    public func analyze(page: PageSource, toolSlug: String, pageIDs: Set<String> = []) -> AnalyzedPage {
        let dialects = TemplateDialects.rewrite(page.body, file: page.path)
        let document = MarkdownDocument(dialects.markdown)
        let structure = PageStructure(document: document, file: page.path)
        let extracted = PolicyExtractor(toolSlug: toolSlug, pageID: page.pageID, pageTitle: page.title).blocks(in: structure)
        let renderer = GuideRenderer(figures: extracted.blocks.map(\.figureSlot), resolveLink: { url in
            PageLinks.resolve(url, from: page.pageID, pages: pageIDs)
        })
        return AnalyzedPage(source: page, guide: renderer.render(structure), blocks: extracted.blocks, diagnostics: dialects.diagnostics + extracted.diagnostics)
    }

    /// Analyses every page of every tool, classifies each tool's blocks,
    /// checks them, applies `silence:` and indexes actions.
    public func analyze(config: SiteConfig, tools: [Tool]) -> AnalyzedSite {
        let jobs = tools.flatMap { tool in
            let ids = Set(tool.pages.map(\.pageID))
            return tool.pages.map { (page: $0, slug: tool.slug, ids: ids) }
        }
        let cached = jobs.map { cache?.lookup($0.page, toolSlug: $0.slug) }
        let fresh = jobs.indices.filter { cached[$0] == nil }
        let freshPages = ParallelMap.map(fresh, concurrency: concurrency) { analyze(page: jobs[$0].page, toolSlug: jobs[$0].slug, pageIDs: jobs[$0].ids) }
        var pages = cached
        for (k, i) in fresh.enumerated() { pages[i] = freshPages[k] }
        let all = pages.map { $0! }
        cache?.replace(with: zip(all, jobs.map(\.slug)).map { ($0, $1) }, analyzed: fresh.count)

        var analyzed: [AnalyzedTool] = []
        var k = 0
        for tool in tools {
            var toolPages = Array(all[k..<(k + tool.pages.count)])
            k += tool.pages.count
            let classified = BlockClassifier.classify(toolPages.flatMap(\.blocks), isAWSService: catalog.map { c in { c.serviceExists($0) } })
            var b = 0
            for p in toolPages.indices {
                let n = toolPages[p].blocks.count
                toolPages[p].blocks = Array(classified[b..<(b + n)])
                b += n
            }
            // Links between the tool's pages are checked once all of them are read.
            for (p, findings) in LinkCheck.findings(pages: toolPages).enumerated() where !findings.isEmpty {
                toolPages[p].diagnostics = (toolPages[p].diagnostics + findings).sortedForOutput()
            }
            analyzed.append(AnalyzedTool(tool: tool, pages: toolPages))
        }

        if let checker {
            let pageRefs = analyzed.indices.flatMap { t in analyzed[t].pages.indices.map { (t, $0) } }
            let findings = ParallelMap.map(pageRefs, concurrency: concurrency) { t, p in
                analyzed[t].pages[p].blocks.flatMap { checker.findings(for: $0) }
            }
            for (i, (t, p)) in pageRefs.enumerated() {
                analyzed[t].pages[p].diagnostics = (analyzed[t].pages[p].diagnostics + findings[i]).sortedForOutput()
            }
            // Checks across a tool's pages, once all of them are classified.
            for t in analyzed.indices {
                for (p, found) in DependentActions.findings(for: analyzed[t], catalog: checker.catalog).enumerated() where !found.isEmpty {
                    analyzed[t].pages[p].diagnostics = (analyzed[t].pages[p].diagnostics + found).sortedForOutput()
                }
            }
        }

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
        return AnalyzedSite(config: config, tools: analyzed, index: ActionIndex(tools: analyzed, catalog: catalog), silenced: silenced.sortedForOutput(), catalog: catalog)
    }
}
