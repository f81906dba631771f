import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

/// Everything a tool's further page (not its intro page) is drawn from, as
/// values compared by `==`: when a page's inputs equal those of the last build
/// in this process, its request, and so its fingerprint and bytes, are the
/// same, and `serve` reuses the page without building its template context
/// (which, with its fingerprint, was most of a one-page rebuild of a
/// 7,825-page site).
///
/// It must hold all that `SiteRenderer.toolPage` reads for such a page; it
/// holds more where that is simpler (the whole `SiteConfig`, all of the tool's
/// metadata). `ToolPageInputsTests` checks, over edits of every kind, that
/// equal inputs always come with equal fingerprints. Intro pages (needs,
/// combined policy, similar tools: the whole index) have none and are always
/// fingerprinted from their context. Used in one process only: the render
/// salt (theme, binary, generator) is part of it.
struct ToolPageInputs: Hashable {
    /// What every page shows: the site's settings, the tools it links to, the catalog.
    struct Site: Hashable {
        var salt: Fingerprint
        var config: SiteConfig
        var catalogVersion: String?
        var catalogDate: String?
        /// Each tool's name, slug and first page, for the links to every tool.
        var tools: [[String]]
        /// Whether the header links `changes.html` (the site has a history).
        var hasChanges: Bool
    }

    /// What every page of one tool shows of it.
    struct Tool: Hashable {
        var slug: String
        var metadata: ToolMetadata
        var stats: ToolStats
        /// The tool's page ids, as one fingerprint: compared for every page,
        /// the list itself was quadratic in a tool with thousands of pages.
        var pageIDs: Fingerprint
        /// Each page's title and block count, when its pages list them all.
        var listed: [[String]]
    }

    var site: Site
    var tool: Tool
    var path: String
    var index: Int
    var pageID: String
    var title: String
    var sourcePath: String
    var isGenerated: Bool
    var previous: [String]
    var next: [String]
    var guide: RenderedGuide
    var blocks: [PolicyBlock]
    var diagnostics: [Diagnostic]
}

extension SiteRenderer {
    /// The inputs shared by every page of the site.
    func siteInputs(salt: Fingerprint) -> ToolPageInputs.Site {
        ToolPageInputs.Site(salt: salt, config: site.config, catalogVersion: site.catalogVersion, catalogDate: site.catalog?.sourceDate,
                            tools: site.tools.map { [$0.tool.metadata.name, $0.slug, $0.pages[0].source.pageID] },
                            hasChanges: hasChangesPage)
    }

    /// The inputs shared by every page of `tool`.
    func toolInputs(_ tool: AnalyzedTool) -> ToolPageInputs.Tool {
        let listed = tool.pages.count <= Self.fullPageListLimit ? tool.pages.map { [$0.title, String($0.blocks.count)] } : []
        var pageIDs = FingerprintHasher()
        for page in tool.pages { pageIDs.combine(page.source.pageID) }
        return ToolPageInputs.Tool(slug: tool.slug, metadata: tool.tool.metadata, stats: stats(tool),
                                   pageIDs: pageIDs.fingerprint, listed: listed)
    }

    /// The inputs of the page at `index` of `tool`; nil for the intro page.
    func toolPageInputs(site: ToolPageInputs.Site, tool toolInputs: ToolPageInputs.Tool, _ tool: AnalyzedTool, at index: Int, path: String) -> ToolPageInputs? {
        guard index > 0 else { return nil }
        let page = tool.pages[index]
        func neighbour(_ i: Int) -> [String] {
            tool.pages.indices.contains(i) ? [tool.pages[i].title, tool.pages[i].source.pageID] : []
        }
        return ToolPageInputs(site: site, tool: toolInputs, path: path, index: index, pageID: page.source.pageID, title: page.title,
                              sourcePath: page.source.path, isGenerated: page.source.isGenerated,
                              previous: neighbour(index - 1), next: neighbour(index + 1),
                              guide: page.guide, blocks: page.blocks, diagnostics: page.diagnostics)
    }
}
