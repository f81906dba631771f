/// The overlap map (`overlap.html`: an SVG heat map, the same numbers as a
/// table, and the comparison of any tools a reader selects, drawn by
/// `assets/compare.js` from `data/compare.js`), and each tool's most similar
/// tools for its page.
import PermDocsAnalysis
import PermDocsCore

extension SiteRenderer {
    /// The overlap page and the data its comparison reads: two files, whatever the number of tools.
    func overlapJobs() -> [RenderJob] {
        [.page(path: SitePaths.overlap, request: overlapPage),
         .files { [OutputFile(path: CompareData.path, text: CompareData.script(site: self.site, combined: self.combined, rowsVersion: self.rowsTable.version))] }]
    }

    private func toolURL(_ tool: AnalyzedTool, from path: String) -> String {
        SitePaths.link(from: path, to: SitePaths.firstPage(of: tool))
    }

    private func overlapPage() -> PageRequest {
        let path = SitePaths.overlap
        let tools = site.tools
        // Similar tools side by side (the page explains the order).
        let clustered = ToolClustering.order(tools.map(\.slug), overlap: overlap).compactMap { toolsBySlug[$0] }
        let map = OverlapHeatMap(
            tools: clustered.map { .init(slug: $0.slug, name: $0.tool.metadata.name, label: $0.tool.metadata.shortName ?? $0.tool.metadata.name,
                                         url: toolURL($0, from: path)) },
            overlap: overlap, pairURL: { SitePaths.link(from: path, to: SitePaths.compare([$0, $1])) })
        var pairs: [(pair: OverlapPage.Pair, jaccard: Double, rank: Int)] = []
        for i in tools.indices {
            for j in tools.indices where j > i {
                let a = tools[i].slug, b = tools[j].slug
                let jaccard = overlap.jaccard(a, b)
                let pair = OverlapPage.Pair(a: tools[i].tool.metadata.name, b: tools[j].tool.metadata.name,
                                            url: SitePaths.link(from: path, to: SitePaths.compare([a, b])),
                                            shared: overlap.sharedCount(a, b), union: overlap.unionCount(a, b),
                                            jaccard: OverlapHeatMap.percent(jaccard))
                pairs.append((pair, jaccard, pairs.count))
            }
        }
        // Most similar pairs first: the question is usually "which tools overlap most".
        pairs.sort { ($0.jaccard, $1.rank) > ($1.jaccard, $0.rank) }
        let page = OverlapPage(
            frame: frame(path: path, title: "Overlap – \(site.config.title)"),
            heatmap: map.svg, pairs: pairs.map(\.pair),
            compareTools: tools.map { .init(slug: $0.slug, name: $0.tool.metadata.name) },
            compareScript: SitePaths.link(from: path, to: SitePaths.compareScript),
            rowsDataURL: SitePaths.link(from: path, to: RowsData.path), compareDataURL: SitePaths.link(from: path, to: CompareData.path),
            toolTotals: tools.map { .init(name: $0.tool.metadata.name, url: toolURL($0, from: path), count: overlap.needSet(of: $0.slug).count) })
        return PageRequest(template: "overlap", page: page)
    }

    /// The tools most similar to `tool` (Jaccard above 0), most similar first,
    /// with the rows they share: the comparison for readers without JavaScript.
    func similarTools(_ tool: AnalyzedTool, from path: String, limit: Int = 5) -> [SimilarTool] {
        let others = site.tools.enumerated().filter { $0.element.slug != tool.slug }
            .map { (rank: $0.offset, tool: $0.element, jaccard: overlap.jaccard(tool.slug, $0.element.slug)) }
            .filter { $0.jaccard > 0 }
            .sorted { ($0.jaccard, -$0.rank) > ($1.jaccard, -$1.rank) }
        return others.prefix(limit).map { other in
            let ordered = site.tools.filter { $0.slug == tool.slug || $0.slug == other.tool.slug }.map(\.slug)
            return SimilarTool(name: other.tool.tool.metadata.name, url: toolURL(other.tool, from: path),
                               shared: overlap.sharedCount(tool.slug, other.tool.slug),
                               jaccard: OverlapHeatMap.percent(other.jaccard),
                               compareURL: SitePaths.link(from: path, to: SitePaths.compare(ordered)))
        }
    }
}
