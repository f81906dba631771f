/// One page per index row (`actions/<service>/<name>.html`: what the catalog
/// says about the action, and which tools need it from which blocks) and one
/// per service (`services/<service>.html`: its rows across tools).
///
/// Each page costs O(tools) plus, for a pattern row, O(rows of its service):
/// the rows are grouped by service once, never searched per page.
import PermDocsAnalysis
import PermDocsCore

extension SiteRenderer {
    /// One job per action page and per service page.
    func actionJobs() -> [() -> [OutputFile]] {
        let index = site.index
        let byService = Dictionary(grouping: index.rows, by: \.service)
        var jobs: [() -> [OutputFile]] = []
        for row in index.rows {
            jobs.append {
                let path = self.siteMap.actionPage(row)
                return [OutputFile(path: path, text: self.actionPage(row, path: path, serviceRows: byService[row.service] ?? [], allRows: index.rows))]
            }
        }
        for (prefix, rows) in byService {
            guard let path = siteMap.servicePage(prefix) else { continue }
            jobs.append { [OutputFile(path: path, text: self.servicePage(prefix, rows: rows, path: path))] }
        }
        return jobs
    }

    /// How a tool needs a row, in words, with the blocks to link to.
    private func needContext(_ need: ActionNeed, tool: AnalyzedTool, path: String) -> [String: Any] {
        let cell = MatrixCell(need: need)
        return [
            "name": tool.tool.metadata.name,
            "toolURL": SitePaths.link(from: path, to: SitePaths.page(tool: tool.slug, pageID: tool.pages[0].source.pageID)),
            "mark": cell.symbol, "state": String(cell.state), "label": cell.label,
            "grantees": need.grantees.map { $0 == .serviceRole ? "service role" : "user" }.joined(separator: ", "),
            "blocks": need.blocks.map { ["anchor": "\($0.pageID)#\($0.anchor)", "url": SitePaths.block($0, from: path)] },
            "deniedBlocks": need.deniedBlocks.map { ["anchor": "\($0.pageID)#\($0.anchor)", "url": SitePaths.block($0, from: path)] },
            "hasDenied": !need.deniedBlocks.isEmpty,
        ]
    }

    private func actionPage(_ row: ActionRow, path: String, serviceRows: [ActionRow], allRows: [ActionRow]) -> String {
        var ctx = base(path: path, title: "\(row.name) – \(site.config.title)")
        ctx["name"] = row.name
        ctx["kind"] = row.kind.rawValue
        ctx["isPattern"] = row.kind == .pattern
        ctx["isNotAction"] = row.kind == .notAction
        ctx["unknown"] = row.isUnknown
        ctx["service"] = row.service.isEmpty ? "(no service prefix)" : row.service
        ctx["serviceName"] = catalog?.service(row.service)?.displayName ?? ""
        if let s = siteMap.servicePage(row.service) { ctx["serviceURL"] = SitePaths.link(from: path, to: s) }
        ctx["matrixRowURL"] = SitePaths.link(from: path, to: SitePaths.matrix) + "#" + SiteExports.fragment(for: row)
        ctx["spellings"] = row.spellings.map { ["value": $0] }
        ctx["hasSpellings"] = row.spellings.count > 1 || row.spellings.first != row.name
        if row.kind == .action, let entry = catalog?.action(named: row.name) {
            ctx["accessLevel"] = entry.accessLevel.rawValue
            ctx["description"] = entry.description
            ctx["resourceTypes"] = entry.resourceTypes.map { ["name": $0, "required": entry.requiredResourceTypes.contains($0)] }
            ctx["conditionKeys"] = entry.conditionKeys.map { ["name": $0] }
            ctx["hasResourceTypes"] = !entry.resourceTypes.isEmpty
            ctx["hasConditionKeys"] = !entry.conditionKeys.isEmpty
        }
        if row.kind == .pattern || row.kind == .notAction {
            // The rows it covers are the action rows some tool reaches through exactly this pattern.
            let candidates = row.kind == .pattern && ActionPattern(row.name).literalService != nil ? serviceRows : allRows
            let covered = candidates.filter { r in
                r.kind == .action && r.needs.values.contains { need in
                    need.grants.contains { g in
                        switch g.via {
                        case .wildcard(let p): return row.kind == .pattern && p.lowercased() == row.key
                        case .notAction(let names): return row.kind == .notAction && names.map { $0.lowercased() }.sorted().joined(separator: ",") == row.key
                        case .name: return false
                        }
                    }
                }
            }
            ctx["covered"] = covered.map { ["name": $0.name, "url": SitePaths.link(from: path, to: siteMap.actionPage($0))] }
            ctx["coveredCount"] = covered.count
            ctx["hasCovered"] = !covered.isEmpty
            if row.kind == .pattern, let catalog {
                ctx["expandsTo"] = catalog.expand(row.name).count
                ctx["hasExpansion"] = true
            }
        }
        ctx["needs"] = site.index.toolOrder.compactMap { slug -> [String: Any]? in
            guard let need = row.needs[slug], let tool = toolsBySlug[slug] else { return nil }
            return needContext(need, tool: tool, path: path)
        }
        ctx["requiredCount"] = row.toolsRequiring(in: site.index.toolOrder).count
        return theme.page("action", context: ctx)
    }

    private func servicePage(_ prefix: String, rows: [ActionRow], path: String) -> String {
        let display = prefix.isEmpty ? "(no service prefix)" : prefix
        var ctx = base(path: path, title: "\(display) – \(site.config.title)")
        ctx["service"] = display
        ctx["serviceName"] = catalog?.service(prefix)?.displayName ?? ""
        ctx["catalogCount"] = catalog?.service(prefix)?.actionCount ?? 0
        ctx["hasCatalogCount"] = (catalog?.service(prefix)?.actionCount ?? 0) > 0
        ctx["matrixGroupURL"] = SitePaths.link(from: path, to: SitePaths.matrix) + "#" + SiteExports.serviceFragment(prefix)
        let order = site.index.toolOrder
        ctx["columns"] = site.tools.map { ["name": $0.tool.metadata.name] }
        ctx["rows"] = rows.map { row -> [String: Any] in
            [
                "name": row.name, "url": SitePaths.link(from: path, to: siteMap.actionPage(row)),
                "accessLevel": row.accessLevel?.rawValue ?? "", "unknown": row.isUnknown, "pattern": row.isPattern,
                "cells": order.map { slug -> [String: Any] in
                    guard let need = row.needs[slug] else { return ["empty": true] }
                    let cell = MatrixCell(need: need)
                    return ["mark": cell.symbol, "state": String(cell.state), "label": cell.label]
                },
                "total": row.toolsRequiring(in: order).count,
            ]
        }
        ctx["rowCount"] = rows.count
        return theme.page("service", context: ctx)
    }
}
