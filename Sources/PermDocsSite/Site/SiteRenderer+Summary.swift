/// The summary at the top of a tool's first page (`ToolSummary`), built from
/// what the page shows further down: the needs list, the access levels of the
/// tool's matrix rows, its findings and its combined policy.
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

extension SiteRenderer {
    /// How many risky findings the summary lists before linking to the rest.
    static let summaryRiskLimit = 5

    func toolSummary(_ tool: AnalyzedTool, needs: ToolNeeds, path: String) -> ToolSummary {
        let levels = levelCounts(needs.requiredGroups.flatMap(\.actions))
        // Security warnings across the tool's pages, in source order; each links to its block.
        let risky = tool.diagnostics.filter { $0.severity == .securityWarning }.sortedForOutput()
        let policyFile = SitePaths.toolPolicy(tool.slug)
        let policyIsEmpty = combined[tool.slug]?.required.isEmpty ?? true
        var moreRisksURL: String?
        if risky.count > Self.summaryRiskLimit {
            let query = ["severity=security", "q=" + (tool.tool.metadata.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")]
            moreRisksURL = SitePaths.link(from: path, to: SitePaths.findings) + "?" + query.joined(separator: "&")
        }
        return ToolSummary(
            actionsText: CountPhrase.of(needs.requiredCount, "action"),
            servicesText: CountPhrase.of(needs.requiredGroups.count, "service"),
            optionalText: needs.optionalCount > 0 ? CountPhrase.of(needs.optionalCount, "action") : nil,
            // Most needed first: the summary answers "where does this tool reach most?".
            services: needs.requiredGroups.sorted { ($0.count, $1.service) > ($1.count, $0.service) }.map { group in
                // The group's label is its prefix; "(no service prefix)" has no page.
                .init(name: group.service, count: group.count,
                      url: siteMap.servicePage(group.service).map { SitePaths.link(from: path, to: $0) })
            },
            hasServices: !needs.requiredGroups.isEmpty,
            levels: levels,
            hasLevels: !levels.isEmpty,
            risks: risky.prefix(Self.summaryRiskLimit).map { d in
                .init(message: d.message, id: d.id, url: d.block.map { SitePaths.block($0, from: path) }, anchor: d.block?.anchor)
            },
            hasRisks: !risky.isEmpty,
            risksText: CountPhrase.of(risky.count, "security warning"),
            moreRisksURL: moreRisksURL,
            policyURL: policyIsEmpty ? nil : SitePaths.link(from: path, to: policyFile),
            policyFile: policyIsEmpty ? nil : String(policyFile.split(separator: "/").last ?? ""))
    }

    /// The needed actions by access level, so that the counts add up to the summary's number of actions:
    /// a wildcard as written counts as one (not the actions it covers, which the access bar counts), and
    /// an action the catalog does not know counts apart. Only levels with an action, in the catalog's order.
    private func levelCounts(_ actions: [ToolNeeds.NeededAction]) -> [ToolSummary.LevelCount] {
        var byLevel: [AccessLevel: Int] = [:]
        var wildcards = 0, unknown = 0
        for action in actions {
            if let level = action.accessLevel.flatMap(AccessLevel.init(rawValue:)) {
                byLevel[level, default: 0] += 1
            } else if action.name.contains("*") || action.name.contains("?") {
                wildcards += 1
            } else {
                unknown += 1
            }
        }
        var counts = AccessLevel.allCases.compactMap { level in
            byLevel[level].map { ToolSummary.LevelCount(level: level.rawValue, count: $0, cssClass: AccessLevelBar.cssClass(level)) }
        }
        if wildcards > 0 { counts.append(.init(level: "Wildcards", count: wildcards, cssClass: "lvl-wildcard")) }
        if unknown > 0 { counts.append(.init(level: "Not in the catalog", count: unknown, cssClass: "lvl-unknown")) }
        return counts
    }
}
