/// The overlap map (`overlap.html`: an SVG heat map and the same numbers as a
/// table) and one page per pair of tools (`overlap/<a>--<b>.html`) with its
/// combined policy (`policies/pairs/<a>--<b>.json`).
import PermDocsAnalysis
import PermDocsCore

extension SiteRenderer {
    /// The overlap page and one job per pair of tools (each writes the pair page and its policy).
    func overlapJobs() -> [() -> [OutputFile]] {
        var jobs: [() -> [OutputFile]] = [{ [OutputFile(path: SitePaths.overlap, text: self.overlapPage())] }]
        let tools = site.tools
        for i in tools.indices {
            for j in tools.indices where j > i {
                jobs.append { self.pairFiles(tools[i], tools[j]) }
            }
        }
        return jobs
    }

    private func toolURL(_ tool: AnalyzedTool, from path: String) -> String {
        SitePaths.link(from: path, to: SitePaths.page(tool: tool.slug, pageID: tool.pages[0].source.pageID))
    }

    private func overlapPage() -> String {
        let path = SitePaths.overlap
        var ctx = base(path: path, title: "Overlap – \(site.config.title)")
        let tools = site.tools
        let map = OverlapHeatMap(
            tools: tools.map { .init(slug: $0.slug, name: $0.tool.metadata.name, url: toolURL($0, from: path)) },
            overlap: overlap, pairURL: { SitePaths.link(from: path, to: SitePaths.pair($0, $1)) })
        ctx["heatmap"] = map.svg
        var pairs: [[String: Any]] = []
        for i in tools.indices {
            for j in tools.indices where j > i {
                let a = tools[i].slug, b = tools[j].slug
                let union = overlap.needSet(of: a).union(overlap.needSet(of: b)).count
                let jaccard = overlap.jaccard(a, b)
                pairs.append(["a": tools[i].tool.metadata.name, "b": tools[j].tool.metadata.name,
                              "url": SitePaths.link(from: path, to: SitePaths.pair(a, b)),
                              "shared": overlap.sharedCount(a, b), "union": union,
                              "jaccard": OverlapHeatMap.percent(jaccard), "jaccardValue": jaccard, "rank": pairs.count])
            }
        }
        // Most similar pairs first: the question is usually "which tools overlap most".
        pairs.sort { ($0["jaccardValue"] as! Double, $1["rank"] as! Int) > ($1["jaccardValue"] as! Double, $0["rank"] as! Int) }
        ctx["pairs"] = pairs
        ctx["toolTotals"] = tools.map { ["name": $0.tool.metadata.name, "url": toolURL($0, from: path), "count": overlap.needSet(of: $0.slug).count] }
        return theme.page("overlap", context: ctx)
    }

    private func pairFiles(_ ta: AnalyzedTool, _ tb: AnalyzedTool) -> [OutputFile] {
        let path = SitePaths.pair(ta.slug, tb.slug)
        let pair = overlap.pair(ta.slug, tb.slug)
        let nameA = ta.tool.metadata.name, nameB = tb.tool.metadata.name
        var ctx = base(path: path, title: "\(nameA) and \(nameB) – \(site.config.title)")
        ctx["nameA"] = nameA
        ctx["nameB"] = nameB
        ctx["urlA"] = toolURL(ta, from: path)
        ctx["urlB"] = toolURL(tb, from: path)
        ctx["overlapPageURL"] = SitePaths.link(from: path, to: SitePaths.overlap)
        ctx["matrixDiffURL"] = SitePaths.link(from: path, to: SitePaths.matrix) + "?a=\(ta.slug)&b=\(tb.slug)"
        ctx["shared"] = pair.sharedCount
        ctx["union"] = pair.unionCount
        ctx["jaccard"] = OverlapHeatMap.percent(pair.jaccard)
        func list(_ names: [String]) -> [[String: Any]] { nameList(names, from: path) }
        ctx["both"] = list(pair.both)
        ctx["onlyA"] = list(pair.onlyA)
        ctx["onlyB"] = list(pair.onlyB)
        ctx["bothCount"] = pair.both.count
        ctx["onlyACount"] = pair.onlyA.count
        ctx["onlyBCount"] = pair.onlyB.count
        func coverage(_ list: [ToolOverlap.Coverage], by name: String, for other: String) -> [String: Any] {
            ["by": name, "other": other, "patterns": list.map { ["pattern": $0.pattern, "actions": self.nameList($0.actions, from: path)] },
             "has": !list.isEmpty]
        }
        ctx["coverage"] = [coverage(pair.aCoversForB, by: nameA, for: nameB), coverage(pair.bCoversForA, by: nameB, for: nameA)]
        let combined = CombinedPolicy(tools: [ta, tb], catalog: catalog)
        let policyPath = SitePaths.pairPolicy(ta.slug, tb.slug)
        ctx["policy"] = policyContext(combined.required, file: policyPath, from: path)
        return [OutputFile(path: path, text: theme.page("pair", context: ctx)),
                OutputFile(path: policyPath, text: Self.policyFileText(combined.required))]
    }

    /// Names with links to their action pages when they have one.
    func nameList(_ names: [String], from path: String) -> [[String: Any]] {
        names.map { name in
            var item: [String: Any] = ["name": name]
            if let row = site.index.row(named: name) { item["url"] = SitePaths.link(from: path, to: siteMap.actionPage(row)) }
            return item
        }
    }
}
