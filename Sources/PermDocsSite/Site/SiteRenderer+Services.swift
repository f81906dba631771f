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
        let catalogCount = prefix.flatMap { catalog?.service($0)?.actionCount } ?? 0
        // Only the tools that reach a row of this service get a column: a site
        // of 40 tools would otherwise repeat 40 mostly empty cells per row.
        let columns = site.index.toolOrder.filter { slug in rows.contains { $0.needs[slug] != nil } }
        let page = ServicePage(
            frame: frame(path: path, title: "\(display) – \(site.config.title)"),
            service: display, serviceName: prefix.flatMap { catalog?.service($0)?.displayName } ?? "",
            catalogCount: catalogCount, hasCatalogCount: catalogCount > 0, unknownServices: prefix == nil,
            matrixGroupURL: SitePaths.link(from: path, to: SitePaths.matrix) + (prefix.map { "#" + SiteExports.serviceFragment($0) } ?? ""),
            columns: columns.compactMap { slug in
                guard let tool = toolsBySlug[slug] else { return nil }
                return ToolLink(name: tool.tool.metadata.name,
                                url: SitePaths.link(from: path, to: SitePaths.firstPage(of: tool)))
            },
            toolCount: columns.count,
            rows: rows.map { row in self.row(row, columns: columns, serviceRows: serviceRows[row.service] ?? [], allRows: allRows, path: path) },
            rowCount: rows.count, rowsText: CountPhrase.of(rows.count, "row"),
            toolsReachText: columns.count == 1 ? "1 tool reaches" : "\(columns.count) tools reach",
            catalogText: CountPhrase.of(catalogCount, "action"))
        return PageRequest(template: "service", page: page)
    }

    /// A row: its name and kind, the catalog's access level, description and
    /// resource types, how each column's tool reaches it, and for a pattern
    /// or NotAction the named actions it covers.
    private func row(_ row: ActionRow, columns: [String], serviceRows: [ActionRow], allRows: [ActionRow], path: String) -> ServicePage.Row {
        var model = ServicePage.Row(
            anchor: siteMap.actionAnchor(row), name: row.name,
            accessLevel: row.accessLevel?.rawValue ?? "", unknown: row.isUnknown,
            pattern: row.kind == .pattern, notAction: row.kind == .notAction,
            matrixURL: SitePaths.link(from: path, to: SitePaths.matrix) + "#" + SiteExports.fragment(for: row),
            total: row.toolsRequiring(in: site.index.toolOrder).count,
            cells: columns.map { slug in
                guard let need = row.needs[slug] else { return ServicePage.Cell(empty: true) }
                let cell = MatrixCell(need: need)
                // Say who is granted the row when a service role is among them and the mark does not say so already.
                let forRole = cell.state != "r" && need.grantees.contains(.serviceRole)
                let grantees = need.grantees.map { $0 == .serviceRole ? "service role" : "user" }.joined(separator: " and ")
                return ServicePage.Cell(empty: false, mark: cell.symbol, state: String(cell.state),
                                        label: forRole ? "\(cell.label) (for the \(grantees))" : cell.label,
                                        url: cell.block.map { SitePaths.block($0, from: path) })
            })
        let others = row.spellings.filter { $0 != row.name }
        if !others.isEmpty {
            model.spellings = others.map { ServicePage.Spelling(value: $0) }
            model.hasSpellings = true
        }
        if row.kind == .action, let entry = catalog?.action(named: row.name) {
            model.description = entry.description
            // Required types first; a long list (ec2:CreateTags has over a hundred) is cut, with its count.
            let types = entry.resourceTypes.filter { entry.requiredResourceTypes.contains($0) } + entry.resourceTypes.filter { !entry.requiredResourceTypes.contains($0) }
            model.resourceTypes = types.prefix(Self.resourceTypesShown).map { .init(name: $0, required: entry.requiredResourceTypes.contains($0)) }
            model.hasResourceTypes = !types.isEmpty
            if types.count > Self.resourceTypesShown { model.moreResourceTypes = types.count - Self.resourceTypesShown }
        }
        if row.kind == .pattern || row.kind == .notAction {
            let covered = coveredRows(row, serviceRows: serviceRows, allRows: allRows)
            model.covered = covered.map { NamedLink(name: $0.name, url: SitePaths.link(from: path, to: siteMap.action($0))) }
            model.coveredCount = covered.count
            model.hasCovered = !covered.isEmpty
            if row.kind == .pattern, catalog != nil {
                model.expandsTo = catalog!.expand(row.name).count
                model.expandsToText = CountPhrase.of(model.expandsTo ?? 0, "action")
                model.hasExpansion = true
            }
        }
        return model
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
