/// `search.html`: every tool, service and row as a plain list of links, so
/// the page reads without JavaScript; with it, `search.js` ranks the entries
/// of `data/search.js` (`SearchIndex`: also actions' descriptions and the
/// findings) for the query. The header's search box submits here.
import PermDocsCore

extension SiteRenderer {
    /// The search page and the index it ranks.
    func searchJobs() -> [RenderJob] {
        [.page(path: SitePaths.search, request: searchPage),
         .files { [OutputFile(path: SearchIndex.path, text: SearchIndex.script(site: self.site, siteMap: self.siteMap, rowsVersion: self.rowsTable.version))] }]
    }

    private func searchPage() -> PageRequest {
        let path = SitePaths.search
        var services: [String: Int] = [:]
        for row in site.index.rows { services[row.service, default: 0] += 1 }
        let page = SearchPage(
            frame: frame(path: path, title: "Search – \(site.config.title)"),
            toolEntries: site.tools.map { t in
                .init(name: t.tool.metadata.name, extra: t.tool.metadata.vendor ?? "",
                      url: SitePaths.firstPage(of: t))
            },
            serviceEntries: services.keys.sorted().compactMap { prefix in
                guard let url = siteMap.servicePage(prefix) else { return nil }
                return .init(name: prefix.isEmpty ? "(no service prefix)" : prefix,
                             extra: [catalog?.service(prefix)?.displayName, CountPhrase.of(services[prefix]!, "row")].compactMap { $0 }.joined(separator: " · "),
                             url: url)
            },
            actionEntries: site.index.rows.map { row in
                .init(name: row.name, extra: row.isUnknown ? "unknown" : row.isPattern ? "pattern" : row.accessLevel?.rawValue ?? "",
                      url: siteMap.action(row))
            })
        return PageRequest(template: "search", page: page)
    }
}
