/// One page per service (`services/<service>.html`): a row for each action,
/// pattern and NotAction of the service that the guides name, with what the
/// catalog says of it, and a column for each tool that needs anything of the
/// service, its cell linking to the block that grants the row.
///
/// The page costs O(rows × its tools) plus, for a pattern row, O(rows of its
/// service): rows are grouped by service once, never searched per page.
import PermDocsAnalysis
import PermDocsCore

extension SiteRenderer {
    /// Resource types listed under an action before "and N more".
    static let resourceTypesShown = 4

    /// One job per service page.
    func serviceJobs() -> [RenderJob] {
        let index = site.index
        let byPage = Dictionary(grouping: index.rows) { siteMap.servicePage($0.service) ?? "" }
        let byService = Dictionary(grouping: index.rows, by: \.service)
        return byPage.keys.sorted().compactMap { path in
            guard !path.isEmpty, let rows = byPage[path], let first = rows.first else { return nil }
            // The shared page of unknown services has no one prefix.
            let prefix = path == SiteMap.unknownServicesPage ? nil : first.service
            return .page(path: path) { self.servicePage(prefix, rows: rows, serviceRows: byService, allRows: index.rows, path: path) }
        }
    }

    /// A service's page, or with a nil prefix the page of the services the catalog does not know.
    private func servicePage(_ prefix: String?, rows: [ActionRow], serviceRows: [String: [ActionRow]], allRows: [ActionRow], path: String) -> PageRequest {
        let display = prefix.map { $0.isEmpty ? "(no service prefix)" : $0 } ?? "Services not in the catalog"
        var ctx = base(path: path, title: "\(display) – \(site.config.title)")
        ctx["service"] = display
        ctx["serviceName"] = prefix.flatMap { catalog?.service($0)?.displayName } ?? ""
        ctx["catalogCount"] = prefix.flatMap { catalog?.service($0)?.actionCount } ?? 0
        ctx["hasCatalogCount"] = (prefix.flatMap { catalog?.service($0)?.actionCount } ?? 0) > 0
        ctx["unknownServices"] = prefix == nil
        ctx["matrixGroupURL"] = SitePaths.link(from: path, to: SitePaths.matrix) + (prefix.map { "#" + SiteExports.serviceFragment($0) } ?? "")
        // Only the tools that reach a row of this service get a column: a site
        // of 40 tools would otherwise repeat 40 mostly empty cells per row.
        let columns = site.index.toolOrder.filter { slug in rows.contains { $0.needs[slug] != nil } }
        ctx["columns"] = columns.compactMap { slug -> [String: Any]? in
            guard let tool = toolsBySlug[slug] else { return nil }
            return ["name": tool.tool.metadata.name,
                    "url": SitePaths.link(from: path, to: SitePaths.page(tool: slug, pageID: tool.pages[0].source.pageID))]
        }
        ctx["toolCount"] = columns.count
        ctx["rows"] = rows.map { row in rowContext(row, columns: columns, serviceRows: serviceRows[row.service] ?? [], allRows: allRows, path: path) }
        ctx["rowCount"] = rows.count
        return PageRequest(template: "service", context: ctx)
    }

    /// A row: its name and kind, the catalog's access level, description and
    /// resource types, how each column's tool reaches it, and for a pattern
    /// or NotAction the named actions it covers.
    private func rowContext(_ row: ActionRow, columns: [String], serviceRows: [ActionRow], allRows: [ActionRow], path: String) -> [String: Any] {
        var ctx: [String: Any] = [
            "anchor": siteMap.actionAnchor(row), "name": row.name,
            "accessLevel": row.accessLevel?.rawValue ?? "", "unknown": row.isUnknown,
            "pattern": row.kind == .pattern, "notAction": row.kind == .notAction,
            "matrixURL": SitePaths.link(from: path, to: SitePaths.matrix) + "#" + SiteExports.fragment(for: row),
            "total": row.toolsRequiring(in: site.index.toolOrder).count,
        ]
        let others = row.spellings.filter { $0 != row.name }
        if !others.isEmpty { ctx["spellings"] = others.map { ["value": $0] }; ctx["hasSpellings"] = true }
        if row.kind == .action, let entry = catalog?.action(named: row.name) {
            ctx["description"] = entry.description
            // Required types first; a long list (ec2:CreateTags has over a hundred) is cut, with its count.
            let types = entry.resourceTypes.filter { entry.requiredResourceTypes.contains($0) } + entry.resourceTypes.filter { !entry.requiredResourceTypes.contains($0) }
            ctx["resourceTypes"] = types.prefix(Self.resourceTypesShown).map { ["name": $0, "required": entry.requiredResourceTypes.contains($0)] }
            ctx["hasResourceTypes"] = !types.isEmpty
            if types.count > Self.resourceTypesShown { ctx["moreResourceTypes"] = types.count - Self.resourceTypesShown }
        }
        if row.kind == .pattern || row.kind == .notAction {
            let covered = coveredRows(row, serviceRows: serviceRows, allRows: allRows)
            ctx["covered"] = covered.map { ["name": $0.name, "url": SitePaths.link(from: path, to: siteMap.action($0))] }
            ctx["coveredCount"] = covered.count
            ctx["hasCovered"] = !covered.isEmpty
            if row.kind == .pattern, let catalog {
                ctx["expandsTo"] = catalog.expand(row.name).count
                ctx["hasExpansion"] = true
            }
        }
        ctx["cells"] = columns.map { slug -> [String: Any] in
            guard let need = row.needs[slug] else { return ["empty": true] }
            let cell = MatrixCell(need: need)
            // Say who is granted the row when a service role is among them and the mark does not say so already.
            let forRole = cell.state != "r" && need.grantees.contains(.serviceRole)
            let grantees = need.grantees.map { $0 == .serviceRole ? "service role" : "user" }.joined(separator: " and ")
            var c: [String: Any] = ["mark": cell.symbol, "state": String(cell.state),
                                    "label": forRole ? "\(cell.label) (for the \(grantees))" : cell.label]
            if let block = cell.block { c["url"] = SitePaths.block(block, from: path) }
            return c
        }
        return ctx
    }

    /// The action rows some tool reaches through exactly this pattern or NotAction.
    private func coveredRows(_ row: ActionRow, serviceRows: [ActionRow], allRows: [ActionRow]) -> [ActionRow] {
        let candidates = row.kind == .pattern && ActionPattern(row.name).literalService != nil ? serviceRows : allRows
        let notActionKey = row.key
        return candidates.filter { r in
            r.kind == .action && r.needs.values.contains { need in
                need.grants.contains { g in
                    switch g.via {
                    case .wildcard(let p): return row.kind == .pattern && p.lowercased() == row.key
                    case .notAction(let names): return row.kind == .notAction && names.map { $0.lowercased() }.sorted().joined(separator: ",") == notActionKey
                    case .name: return false
                    }
                }
            }
        }
    }
}
