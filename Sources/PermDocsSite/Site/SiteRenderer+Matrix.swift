/// The comparison matrix: the wildcard-aware rows of the action index
/// grouped by service, one column per tool. Every row is in the HTML (the
/// page reads without JavaScript); `matrix.js` only filters and sorts, using
/// the rows' `data-` attributes.
import PermDocsCore
import PermDocsPolicy

extension SiteRenderer {
    func matrixPage() -> PageRequest {
        let path = SitePaths.matrix
        var ctx = base(path: path, title: "Comparison matrix – \(site.config.title)")
        let index = site.index
        let tools = site.tools
        let order = index.toolOrder
        var requiredPerTool = Array(repeating: 0, count: order.count)
        var groups: [[String: Any]] = []
        var services: [[String: Any]] = []
        var current: (service: String, rows: [[String: Any]], counts: [Int])?

        func closeGroup() {
            guard let g = current else { return }
            let name = catalog?.service(g.service)?.displayName ?? ""
            groups.append([
                "service": g.service.isEmpty ? "(no service prefix)" : g.service, "serviceName": name,
                "fragment": SiteExports.serviceFragment(g.service), "value": g.service,
                "url": siteMap.servicePage(g.service) ?? "", "count": g.rows.count, "rows": g.rows,
                "toolCounts": g.counts.map { ["count": $0] },
            ])
            services.append(["value": g.service, "label": g.service.isEmpty ? "(none)" : g.service, "count": g.rows.count])
        }

        for row in index.rows {
            if current?.service != row.service {
                closeGroup()
                current = (row.service, [], Array(repeating: 0, count: order.count))
            }
            var states = ""
            var required = 0
            let cells = order.enumerated().map { i, slug -> [String: Any] in
                guard let need = row.needs[slug] else {
                    states.append(MatrixCell.noneState)
                    return ["empty": true]
                }
                let cell = MatrixCell(need: need)
                states.append(cell.state)
                if MatrixCell.requiredStates.contains(cell.state) {
                    required += 1
                    requiredPerTool[i] += 1
                    current!.counts[i] += 1
                }
                var c: [String: Any] = ["state": String(cell.state), "mark": cell.symbol, "label": cell.label]
                if let b = cell.block { c["url"] = SitePaths.block(b, from: path) }
                return c
            }
            let level: String
            switch row.kind {
            case .action: level = row.accessLevel?.rawValue ?? "unknown"
            case .pattern, .notAction: level = "pattern"
            }
            current!.rows.append([
                "id": SiteExports.fragment(for: row), "name": row.name, "url": siteMap.action(row),
                "service": row.service, "level": level, "states": states, "total": required,
                "unknown": row.isUnknown, "pattern": row.kind == .pattern, "notAction": row.kind == .notAction,
                "cells": cells,
            ])
        }
        closeGroup()

        ctx["columns"] = tools.enumerated().map { i, t -> [String: Any] in
            ["name": t.tool.metadata.name, "slug": t.slug, "url": SitePaths.page(tool: t.slug, pageID: t.pages[0].source.pageID),
             "total": requiredPerTool[i]]
        }
        ctx["columnCount"] = tools.count
        ctx["groups"] = groups
        ctx["services"] = services
        ctx["levels"] = (AccessLevel.allCases.map(\.rawValue) + ["unknown", "pattern"]).map { ["value": $0] }
        ctx["rowTotal"] = index.rows.count
        ctx["unknownTotal"] = index.rows.filter(\.isUnknown).count
        ctx["patternTotal"] = index.rows.filter(\.isPattern).count
        return PageRequest(template: "matrix", context: ctx)
    }
}
