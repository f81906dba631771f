/// Reads the content into an `AnalyzedSite`: dialects, cmark, extraction,
/// classification, cross-referencing. No rendering and no writing.
public struct Analyzer {
    public init() {}

    /// Analyses one page of a tool.
    public func analyze(page: PageSource, toolSlug: String) -> AnalyzedPage {
        let dialects = TemplateDialects.rewrite(page.body, file: page.path)
        let document = MarkdownDocument(dialects.markdown)
        let structure = PageStructure(document: document, file: page.path)
        let extracted = PolicyExtractor(toolSlug: toolSlug, pageID: page.pageID).blocks(in: structure)
        return AnalyzedPage(source: page, structure: structure, blocks: extracted.blocks, diagnostics: dialects.diagnostics + extracted.diagnostics)
    }

    /// Analyses every page of every tool, then classifies each tool's blocks and indexes actions.
    public func analyze(config: SiteConfig, tools: [Tool]) -> AnalyzedSite {
        let analyzed = tools.map { tool -> AnalyzedTool in
            var pages = tool.pages.map { analyze(page: $0, toolSlug: tool.slug) }
            let classified = BlockClassifier.classify(pages.flatMap(\.blocks))
            var k = 0
            for p in pages.indices {
                let n = pages[p].blocks.count
                pages[p].blocks = Array(classified[k..<(k + n)])
                k += n
            }
            return AnalyzedTool(tool: tool, pages: pages)
        }
        return AnalyzedSite(config: config, tools: analyzed, index: ActionIndex(tools: analyzed))
    }
}
