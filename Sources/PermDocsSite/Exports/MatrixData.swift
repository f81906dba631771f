/// `data/matrix.js`: the rows of the comparison matrix as compact data, which
/// `assets/matrix.js` draws in the browser, only the rows on screen at a time.
/// The page stays small whatever the site's size (a 40-tool site's matrix was
/// a 4.5 MB table of 250,000 cells), and filtering and sorting work on the data.
///
/// A script file (not JSON to fetch) so that the matrix also works from
/// `file://`. The JSON inside is written with `ExportJSON`'s escapes, so no
/// string can end the script or the literal; the browser builds every cell
/// with DOM calls, never as HTML text.
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

public enum MatrixData {
    public static let path = "data/matrix.js"

    /// The script's text: `window.permdocsMatrix = {…};`. Every address is
    /// from the site root (the matrix page's folder).
    ///
    /// - `tools`: `[slug, name, url, rows it needs]`, in column order;
    /// - `services`: `[prefix, label, display name, service page, matrix fragment]`;
    /// - `blocks`: block addresses, and `labels`: cell labels, each written once;
    /// - `rows`: `[fragment, service #, level, kind, unknown, states, tools needing it, cells]`
    ///   per index row, in row order: the row's name and address are those of
    ///   the same row of `data/rows.js` (`RowsData`), which the page loads
    ///   first; `fragment` is "" when it is `action-` and the name lower-cased;
    ///   kind is 0 action, 1 pattern, 2 NotAction; `states` has a
    ///   `MatrixCell.state` letter per tool (`.` for none); `cells` has
    ///   `[block #, label #]` per tool that reaches the row, flattened
    ///   (block -1: the mark links to the row).
    public static func script(site: AnalyzedSite, siteMap: SiteMap, catalog: ActionCatalog?, rowsVersion: String) -> String {
        let index = site.index
        let order = index.toolOrder
        var blocks = Table(), labels = Table(), services = Table()
        var serviceRows: [ExportJSON] = []
        var requiredPerTool = Array(repeating: 0, count: order.count)
        var rows: [ExportJSON] = []
        rows.reserveCapacity(index.rows.count)
        for row in index.rows {
            let (service, added) = services.number(row.service)
            if added {
                serviceRows.append(.array([
                    .string(row.service), .string(row.service.isEmpty ? "(no service prefix)" : row.service),
                    .string(catalog?.service(row.service)?.displayName ?? ""),
                    .string(siteMap.servicePage(row.service) ?? ""), .string(SiteExports.serviceFragment(row.service)),
                ]))
            }
            var states = ""
            var cells: [ExportJSON] = []
            var required = 0
            for (i, slug) in order.enumerated() {
                guard let need = row.needs[slug] else {
                    states.append(MatrixCell.noneState)
                    continue
                }
                let cell = MatrixCell(need: need)
                states.append(cell.state)
                if MatrixCell.requiredStates.contains(cell.state) {
                    required += 1
                    requiredPerTool[i] += 1
                }
                let block = cell.block.map { blocks.number(SitePaths.block($0, from: SitePaths.matrix)).number } ?? -1
                cells.append(.int(block))
                cells.append(.int(labels.number(cell.label).number))
            }
            let level: String
            switch row.kind {
            case .action: level = row.accessLevel?.rawValue ?? "unknown"
            case .pattern, .notAction: level = "pattern"
            }
            let kind = row.kind == .action ? 0 : row.kind == .pattern ? 1 : 2
            rows.append(.array([
                .string(fragment(for: row)),
                .int(service), .string(level), .int(kind), .int(row.isUnknown ? 1 : 0),
                .string(states), .int(required), .array(cells),
            ]))
        }
        // The index's tool order is the site's.
        let tools: [ExportJSON] = site.tools.enumerated().map { i, tool in
            .array([.string(tool.slug), .string(tool.tool.metadata.name),
                    .string(SitePaths.firstPage(of: tool)), .int(requiredPerTool[i])])
        }
        let data = ExportJSON.object([
            "rowsVersion": .string(rowsVersion),
            "tools": .array(tools), "services": .array(serviceRows),
            "blocks": .strings(blocks.values), "labels": .strings(labels.values), "rows": .array(rows),
        ])
        return "window.permdocsMatrix = " + data.compactText + ";\n"
    }

    /// The row's fragment, or "" when it is `action-` and the name lower-cased
    /// (most rows), which `assets/matrix.js` rebuilds. Only for ASCII names, so
    /// that the browser's `toLowerCase` gives the same text.
    static func fragment(for row: ActionRow) -> String {
        let fragment = SiteExports.fragment(for: row)
        let isASCII = row.name.utf8.allSatisfy { $0 < 0x80 }
        return isASCII && fragment == "action-" + row.name.lowercased() ? "" : fragment
    }

    /// Strings numbered in first-seen order.
    private struct Table {
        var values: [String] = []
        var numbers: [String: Int] = [:]

        mutating func number(_ value: String) -> (number: Int, added: Bool) {
            if let n = numbers[value] { return (n, false) }
            numbers[value] = values.count
            values.append(value)
            return (values.count - 1, true)
        }
    }
}
