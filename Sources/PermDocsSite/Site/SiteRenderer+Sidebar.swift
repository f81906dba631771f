import PermDocsAnalysis

extension SiteRenderer {
    /// Up to this many tools, the sidebar's list of tools opens unfolded.
    static let openToolListLimit = 20

    /// The sidebar of the page at `index` of `tool`: the site's tools and, for a tool of a few pages, its
    /// pages; a tool of more than `fullPageListLimit` pages links to its first
    /// page instead (listing thousands of pages on each was quadratic in bytes).
    func sidebar(_ tool: AnalyzedTool, at index: Int, path: String) -> ToolSidebar {
        // Linked from the page, not from the root as the frame's links are: on
        // every page of the site, `../other/index.html` is shorter than `../../tools/other/index.html`.
        let tools = site.tools.map { other in
            ToolSidebar.Entry(title: other.tool.metadata.name, url: SitePaths.link(from: path, to: SitePaths.firstPage(of: other)),
                              current: other.slug == tool.slug ? (index == 0 ? "page" : "true") : nil)
        }
        var pages: [ToolSidebar.Entry] = []
        var allPages: ToolSidebar.AllPages?
        if tool.pages.count > 1 && tool.pages.count <= Self.fullPageListLimit {
            pages = tool.pages.enumerated().map { i, p in
                ToolSidebar.Entry(title: p.title, url: SitePaths.link(from: path, to: SitePaths.page(tool: tool.slug, pageID: p.source.pageID)),
                                  current: i == index ? "page" : nil)
            }
        } else if tool.pages.count > 1 && index > 0 {
            allPages = .init(url: SitePaths.link(from: path, to: SitePaths.firstPage(of: tool)),
                             countText: CountPhrase.of(tool.pages.count, "page"))
        }
        return ToolSidebar(tools: tools, toolsOpen: tools.count <= Self.openToolListLimit, toolCount: tools.count,
                           pages: pages, hasPages: !pages.isEmpty, allPages: allPages)
    }
}
