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

    /// The script's text, written straight into bytes (`CompactJSONWriter`),
    /// keys in sorted order.
    public static func script(site: AnalyzedSite, siteMap: SiteMap, rowsVersion: String) -> String {
        let index = site.index
        let catalog = site.catalog
        let position = Dictionary(site.tools.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var out = CompactJSONWriter(capacity: 1 << 16)
        out.raw("window.permdocsSearch = ")
        out.beginObject()
        out.key("entries")
        out.beginArray()
        func entry(_ kind: StaticString, _ title: String, _ detail: String, _ url: String) {
            out.beginArray()
            out.string(kind.description)
            out.string(title)
            out.string(detail)
            out.string(url)
            out.beginArray()
            out.endArray()
            out.endArray()
        }
        for tool in site.tools {
            entry("tool", tool.tool.metadata.name, tool.tool.metadata.vendor ?? "", SitePaths.firstPage(of: tool))
        }
        var rowsPerService: [String: Int] = [:]
        for row in index.rows { rowsPerService[row.service, default: 0] += 1 }
        for prefix in rowsPerService.keys.sorted() {
            guard let url = siteMap.servicePage(prefix) else { continue }
            let name = catalog?.service(prefix)?.displayName
            entry("service", prefix.isEmpty ? "(no service prefix)" : prefix,
                  [name, CountPhrase.of(rowsPerService[prefix]!, "row")].compactMap { $0 }.joined(separator: " · "), url)
        }
        for (number, row) in index.rows.enumerated() {
            var detail = row.isUnknown ? "not in the catalog" : row.isPattern ? "pattern" : row.accessLevel?.rawValue ?? ""
            if row.kind == .action, let description = catalog?.action(named: row.name)?.description, !description.isEmpty {
                detail += " · " + description
            }
            out.beginArray()
            out.string("action")
            out.int(number)
            out.string(detail)
            out.ints(row.toolsAllowing(in: index.toolOrder).lazy.compactMap { position[$0] })
            out.endArray()
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
            entry("finding", d.id, "\(d.severity.label): \(d.message) · \(place.tool.tool.metadata.name) · \(d.location)", place.url)
        }
        out.endArray()
        out.key("rowsVersion"); out.string(rowsVersion)
        out.key("tools")
        out.beginArray()
        for tool in site.tools {
            out.strings([tool.tool.metadata.name, tool.tool.metadata.vendor ?? "", SitePaths.firstPage(of: tool)])
        }
        out.endArray()
        out.endObject()
        out.raw(";\n")
        return out.text
    }
}
