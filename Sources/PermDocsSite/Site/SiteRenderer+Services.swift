/// One page per service (`services/<service>.html`): a row for each action,
/// pattern and NotAction of the service that the guides name, with what the
/// catalog says of it, and a column for each tool that needs anything of the
/// service, its cell linking to the block that grants the row.
///
/// The page costs O(rows × its tools) plus, for a pattern or NotAction row,
/// O(rows it covers): rows are grouped by service, and by the pattern or
/// NotAction list that reaches them, once, never searched per page.
import PermDocsAnalysis
import PermDocsCore

extension SiteRenderer {
    /// Resource types listed under an action before "and N more".
    static let resourceTypesShown = 4

    /// One job per service page.
    func serviceJobs() -> [RenderJob] {
        let index = site.index
        let byPage = Dictionary(grouping: index.rows) { siteMap.servicePage($0.service) ?? "" }
        let coverage = SharedLazy { Self.coverage(of: index.rows) }
        let pages: [RenderJob] = byPage.keys.sorted().compactMap { path in
            guard !path.isEmpty, let rows = byPage[path], let first = rows.first else { return nil }
            // The shared page of unknown services has no one prefix.
            let prefix = path == SiteMap.unknownServicesPage ? nil : first.service
            return .page(path: path) { self.servicePage(prefix, rows: rows, coverage: coverage.value, path: path) }
        }
        guard !pages.isEmpty else { return [] }
        // Every service page waits for the coverage, made once for the site:
        // made by a job of its own (a `files` job, started among the first),
        // it is ready before the pages, instead of made by the first of them
        // while the other threads wait for it.
        return [.files { _ = coverage.value; return [] }] + pages
    }

    /// A service's page, or with a nil prefix the page of the services the catalog does not know.
    private func servicePage(_ prefix: String?, rows: [ActionRow], coverage: Coverage, path: String) -> PageRequest {
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
            rows: rows.map { row in self.row(row, columns: columns, coverage: coverage, path: path) },
            rowCount: rows.count, rowsText: CountPhrase.of(rows.count, "row"),
            toolsReachText: columns.count == 1 ? "1 tool reaches" : "\(columns.count) tools reach",
            catalogText: CountPhrase.of(catalogCount, "action"))
        return PageRequest(template: "service", page: page)
    }

    /// A row: its name and kind, the catalog's access level, description and
    /// resource types, how each column's tool reaches it, and for a pattern
    /// or NotAction the named actions it covers.
    private func row(_ row: ActionRow, columns: [String], coverage: Coverage, path: String) -> ServicePage.Row {
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
            // Each list is read once: a catalog action decodes it from the service file at every read.
            let all = entry.resourceTypes, required = entry.requiredResourceTypes
            let types = all.filter { required.contains($0) } + all.filter { !required.contains($0) }
            model.resourceTypes = types.prefix(Self.resourceTypesShown).map { .init(name: $0, required: required.contains($0)) }
            model.hasResourceTypes = !types.isEmpty
            if types.count > Self.resourceTypesShown { model.moreResourceTypes = types.count - Self.resourceTypesShown }
        }
        if row.kind == .pattern || row.kind == .notAction {
            let covered = coveredRows(row, coverage: coverage)
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

    /// Action rows (positions in the index's rows, in order) by the pattern
    /// or NotAction list some tool reaches them through.
    struct Coverage {
        let rows: [ActionRow]
        let byKey: [String: [Int]]
    }

    /// The key of a pattern as a grant names it, or of a NotAction list, as
    /// the pattern's or NotAction's row has it (`ActionRow.key`).
    private static func coverageKey(pattern: String) -> String { "p:" + pattern.lowercased() }
    private static func coverageKey(notAction names: [String]) -> String { "n:" + names.map { $0.lowercased() }.sorted().joined(separator: ",") }

    /// One pass over every action row's grants, instead of one over every
    /// row for each pattern row of each service page.
    static func coverage(of rows: [ActionRow]) -> Coverage {
        var byKey: [String: [Int]] = [:]
        // A site names few patterns and grants them many times: each key made once.
        var patternKeys: [String: String] = [:]
        for (position, r) in rows.enumerated() where r.kind == .action {
            var keys = Set<String>()
            for need in r.needs.values {
                for g in need.grants {
                    switch g.via {
                    case .wildcard(let p):
                        if let key = patternKeys[p] {
                            keys.insert(key)
                        } else {
                            let key = coverageKey(pattern: p)
                            patternKeys[p] = key
                            keys.insert(key)
                        }
                    case .notAction(let names): keys.insert(coverageKey(notAction: names))
                    case .name: break
                    }
                }
            }
            for key in keys { byKey[key, default: []].append(position) }
        }
        return Coverage(rows: rows, byKey: byKey)
    }

    /// The action rows some tool reaches through exactly this pattern or
    /// NotAction; for a pattern of one service, only that service's rows.
    private func coveredRows(_ row: ActionRow, coverage: Coverage) -> [ActionRow] {
        let key = (row.kind == .pattern ? "p:" : "n:") + row.key
        let covered = (coverage.byKey[key] ?? []).map { coverage.rows[$0] }
        guard row.kind == .pattern && ActionPattern(row.name).literalService != nil else { return covered }
        return covered.filter { $0.service == row.service }
    }
}
