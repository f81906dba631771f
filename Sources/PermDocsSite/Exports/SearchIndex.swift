/// `data/search.js`: what the site search ranks, as a script
/// (`window.permdocsSearch = {…};`) so that it loads from `file://` too,
/// where a page cannot fetch JSON. `assets/search.js` loads it when a search
/// box is first used.
///
/// - `tools`: `[name, vendor, url]` in site order;
/// - `entries`: `[kind, title, detail, url, tools]`, where kind is `tool`,
///   `service`, `action` or `finding`, but for an action `[kind, row #,
///   detail, tools]`: its name and address are those of the row of
///   `data/rows.js` (`RowsData`), loaded with it; `detail` is what is shown and
///   searched after the title (a vendor, a service's name, an action's
///   access level and catalog description, a finding's message and place);
///   `tools` lists, for an action, the tools that need it (by position in
///   `tools`), so "veeam ec2" finds the EC2 actions Veeam needs.
///
/// Every address is from the site root.
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

public enum SearchIndex {
    public static let path = "data/search.js"

    public static func script(site: AnalyzedSite, siteMap: SiteMap, rowsVersion: String) -> String {
        let index = site.index
        let catalog = site.catalog
        let position = Dictionary(site.tools.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        func entry(_ kind: String, _ title: String, _ detail: String, _ url: String, _ tools: [Int] = []) -> ExportJSON {
            .array([.string(kind), .string(title), .string(detail), .string(url), .array(tools.map(ExportJSON.int))])
        }
        var entries: [ExportJSON] = []
        for tool in site.tools {
            entries.append(entry("tool", tool.tool.metadata.name, tool.tool.metadata.vendor ?? "", SitePaths.firstPage(of: tool)))
        }
        var rowsPerService: [String: Int] = [:]
        for row in index.rows { rowsPerService[row.service, default: 0] += 1 }
        for prefix in rowsPerService.keys.sorted() {
            guard let url = siteMap.servicePage(prefix) else { continue }
            let name = catalog?.service(prefix)?.displayName
            entries.append(entry("service", prefix.isEmpty ? "(no service prefix)" : prefix,
                                 [name, CountPhrase.of(rowsPerService[prefix]!, "row")].compactMap { $0 }.joined(separator: " · "), url))
        }
        for (number, row) in index.rows.enumerated() {
            var detail = row.isUnknown ? "not in the catalog" : row.isPattern ? "pattern" : row.accessLevel?.rawValue ?? ""
            if row.kind == .action, let description = catalog?.action(named: row.name)?.description, !description.isEmpty {
                detail += " · " + description
            }
            let tools = row.toolsAllowing(in: index.toolOrder).compactMap { position[$0] }
            entries.append(.array([.string("action"), .int(number), .string(detail), .array(tools.map(ExportJSON.int))]))
        }
        let toolsBySlug = Dictionary(site.tools.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let pageOf = Dictionary(site.tools.flatMap { t in t.pages.map { ($0.source.path, (t, $0.source.pageID)) } }, uniquingKeysWith: { a, _ in a })
        for d in site.diagnostics {
            let place: (tool: AnalyzedTool, url: String)?
            if let block = d.block, let tool = toolsBySlug[block.toolSlug] {
                place = (tool, SitePaths.block(block, from: SitePaths.search))
            } else if let (tool, pageID) = pageOf[d.location.file] {
                place = (tool, SitePaths.page(tool: tool.slug, pageID: pageID))
            } else {
                place = nil
            }
            guard let place else { continue }
            entries.append(entry("finding", d.id, "\(d.severity.label): \(d.message) · \(place.tool.tool.metadata.name) · \(d.location)", place.url))
        }
        let tools: [ExportJSON] = site.tools.map { .array([.string($0.tool.metadata.name), .string($0.tool.metadata.vendor ?? ""), .string(SitePaths.firstPage(of: $0))]) }
        return "window.permdocsSearch = " + ExportJSON.object(["rowsVersion": .string(rowsVersion), "tools": .array(tools), "entries": .array(entries)]).compactText + ";\n"
    }
}
