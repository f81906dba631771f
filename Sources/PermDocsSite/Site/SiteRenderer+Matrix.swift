/// The comparison matrix: the wildcard-aware rows of the action index
/// grouped by service, one column per tool. The page holds the header, the
/// filters and the list of services; `matrix.js` draws the rows from
/// `data/matrix.js`. Each service's page holds the same rows as HTML.
import PermDocsCore
import PermDocsPolicy

extension SiteRenderer {
    /// The matrix page and the data it draws: three files, whatever the site's
    /// size (`data/rows.js`, the rows' names and addresses, is also read by the
    /// comparison and the search).
    func matrixJobs() -> [RenderJob] {
        [.page(path: SitePaths.matrix, request: matrixPage),
         .files { [OutputFile(path: MatrixData.path, text: MatrixData.script(site: self.site, siteMap: self.siteMap, catalog: self.catalog, rowsVersion: self.rowsTable.version))] },
         .files { [OutputFile(path: RowsData.path, text: self.rowsTable.script)] }]
    }

    private func matrixPage() -> PageRequest {
        let path = SitePaths.matrix
        let index = site.index
        var requiredPerTool = Array(repeating: 0, count: index.toolOrder.count)
        var services: [MatrixPage.Service] = []
        for row in index.rows {
            // The rows a tool needs (●, ◆ or ◐: `MatrixCell.requiredStates`) are those a required Allow reaches.
            for (i, slug) in index.toolOrder.enumerated() where row.needs[slug]?.isRequired == true { requiredPerTool[i] += 1 }
            if services.last?.value == row.service {
                services[services.count - 1].count += 1
            } else {
                services.append(.init(value: row.service, label: row.service.isEmpty ? "(none)" : row.service,
                                      serviceName: catalog?.service(row.service)?.displayName ?? "",
                                      url: siteMap.servicePage(row.service),
                                      fragment: SiteExports.serviceFragment(row.service), count: 1))
            }
        }
        let page = MatrixPage(
            frame: frame(path: path, title: "Comparison matrix – \(site.config.title)"),
            columns: site.tools.enumerated().map { i, t in
                .init(name: t.tool.metadata.name, shortName: t.tool.metadata.shortName ?? t.tool.metadata.name, slug: t.slug, url: SitePaths.firstPage(of: t),
                      total: requiredPerTool[i])
            },
            columnCount: site.tools.count, services: services,
            levels: (AccessLevel.allCases.map(\.rawValue) + ["unknown", "pattern"]).map { .init(value: $0) },
            rowTotal: index.rows.count, unknownTotal: index.rows.filter(\.isUnknown).count,
            patternTotal: index.rows.filter(\.isPattern).count,
            rowsText: CountPhrase.of(index.rows.count, "row"), columnsText: CountPhrase.of(site.tools.count, "tool"),
            rowsDataURL: SitePaths.link(from: path, to: RowsData.path), dataURL: SitePaths.link(from: path, to: MatrixData.path))
        return PageRequest(template: "matrix", page: page)
    }
}
