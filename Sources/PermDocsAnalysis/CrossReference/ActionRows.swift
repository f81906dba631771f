/// The wildcard-aware rows of the `ActionIndex`, made from the tools' parts
/// (`ToolIndexPart`): the rows the guides name, their named grants, and the
/// grants of every wildcard and NotAction statement that covers a known
/// action row.
///
/// The slow steps (matching each distinct pattern against the rows, sorting
/// each need's grants) run on several threads; each result goes to its own
/// slot and is merged in a fixed order, so the rows do not depend on timing.
import PermDocsCore
import PermDocsPolicy

enum ActionRows {
    /// A grant with its block's place in `BlockReference` order, looked up once
    /// (comparing references parses their anchors each time).
    private typealias RankedGrant = (rank: Int, grant: ActionNeed.Grant)
    private struct NeedKey: Hashable { var id: ActionRow.ID; var slug: String }

    /// One distinct wildcard or NotAction list (case aside) and the grants of
    /// every statement that writes it, each once, by tool.
    private struct Coverage {
        var cover: ToolIndexPart.Cover
        var grants: [(slug: String, grants: [RankedGrant])] = []
    }

    /// The rows, sorted by service, then key, then kind. `references` are
    /// every block of the site (they rank the grants); `toolOrder` the slugs
    /// in site order.
    static func make(parts: [ToolIndexPart], references: [BlockReference], toolOrder: [String], concurrency: Int) -> [ActionRow] {
        let rank = ranks(of: references)
        var byID: [ActionRow.ID: ActionRow] = [:]
        var needMap: [NeedKey: [RankedGrant]] = [:]
        for part in parts {
            for (id, seen) in part.rows {
                // The first tool (in site order) to name a row made it; spellings are
                // kept in the order met, each once, and sorted at the end.
                var row = byID.removeValue(forKey: id) ?? seen.row
                for spelling in seen.spellings where !row.spellings.contains(spelling) { row.spellings.append(spelling) }
                byID[id] = row
            }
            for (id, grants) in part.named {
                needMap[NeedKey(id: id, slug: part.slug)] = grants.map { (rank[$0.block] ?? 0, $0) }
            }
        }

        // Wildcard coverage: only known action rows, matched by canonical name.
        // Guides repeat the same pattern in many blocks, so each distinct
        // pattern is matched once per row, and a pattern whose service part
        // is literal only against that service's rows.
        var knownByService: [String: [(id: ActionRow.ID, name: ActionPattern.Parts?)]] = [:]
        for (id, row) in byID where id.kind == .action && row.isKnown {
            knownByService[row.service, default: []].append((id, ActionPattern.Parts(row.name)))
        }
        let coverages = coverages(parts: parts, toolOrder: toolOrder, rank: rank)
        let matched = ParallelMap.map(coverages, concurrency: concurrency) { coverage -> [ActionRow.ID] in
            let candidates: [(id: ActionRow.ID, name: ActionPattern.Parts?)]
            if !coverage.cover.isNotAction, let service = coverage.cover.patterns[0].literalService {
                candidates = knownByService[service] ?? []
            } else {
                candidates = knownByService.values.flatMap { $0 }
            }
            // A name without a colon is covered by no pattern, and so by every NotAction.
            return candidates.filter { $0.name.map(coverage.cover.covers) ?? coverage.cover.isNotAction }.map(\.id)
        }
        for (coverage, ids) in zip(coverages, matched) {
            for id in ids {
                for (slug, grants) in coverage.grants { needMap[NeedKey(id: id, slug: slug), default: []].append(contentsOf: grants) }
            }
        }

        // Each need's grants in block order, stable: a block's grants keep their order.
        let keyed = Array(needMap)
        let needs = ParallelMap.map(keyed, concurrency: concurrency) { entry -> ActionNeed in
            var need = ActionNeed()
            need.grants = entry.value.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.grant)
            return need
        }
        for ((key, _), need) in zip(keyed, needs) { byID[key.id]!.needs[key.slug] = need }
        return byID.values.map { row in
            var row = row
            row.spellings.sort()
            return row
        }.sorted { a, b in
            (a.service, a.key, a.kind) < (b.service, b.key, b.kind)
        }
    }

    /// Every distinct pattern (or NotAction list) the tools write, in the
    /// order first written (site order, then page order), with its grants.
    private static func coverages(parts: [ToolIndexPart], toolOrder: [String], rank: [BlockReference: Int]) -> [Coverage] {
        let partsBySlug = Dictionary(parts.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var coverages: [Coverage] = []
        var position: [[String]: Int] = [:]
        // Grants already listed for a pattern: a statement repeated word for word adds nothing.
        struct Listed: Hashable { var position: Int; var slug: String; var grant: ActionNeed.Grant }
        var listed = Set<Listed>()
        for slug in toolOrder {
            for cover in partsBySlug[slug]?.covers ?? [] {
                let key = [cover.isNotAction ? "!" : ""] + cover.patterns.map { $0.written.lowercased() }
                let p = position[key] ?? {
                    coverages.append(Coverage(cover: cover))
                    position[key] = coverages.count - 1
                    return coverages.count - 1
                }()
                let grant = ActionNeed.Grant(via: cover.via, isAllow: cover.isAllow, isOptional: cover.isOptional, grantee: cover.grantee, block: cover.block)
                guard listed.insert(Listed(position: p, slug: slug, grant: grant)).inserted else { continue }
                if coverages[p].grants.last?.slug != slug { coverages[p].grants.append((slug, [])) }
                coverages[p].grants[coverages[p].grants.count - 1].grants.append((rank[cover.block] ?? 0, grant))
            }
        }
        return coverages
    }

    /// Each block's place among `references` in `BlockReference` order, the
    /// anchor's number read once per block rather than once per comparison.
    static func ranks(of references: [BlockReference]) -> [BlockReference: Int] {
        let sorted = references.map { (reference: $0, number: Int($0.anchor.split(separator: "-").last ?? "") ?? 0) }.sorted { a, b in
            (a.reference.toolSlug, a.reference.pageID, a.number, a.reference.anchor) < (b.reference.toolSlug, b.reference.pageID, b.number, b.reference.anchor)
        }
        var rank: [BlockReference: Int] = [:]
        for (i, entry) in sorted.enumerated() { rank[entry.reference] = i }
        return rank
    }
}
