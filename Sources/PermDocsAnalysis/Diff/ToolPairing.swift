/// Which tool of one side is which tool of the other. Tools with the same
/// slug are the same tool. Of the rest, a removed tool and an added one are
/// one tool renamed (its file or folder moved) when they have the same name,
/// or when at least half of the actions, patterns and NotAction rows they
/// name are shared (Jaccard index ≥ 0.5); the best-scoring pairs are taken
/// first, a same-name pair before any other. What is left is added or removed.
enum ToolPairing {
    /// One tool on either side or both.
    struct Pair {
        var base: ToolSnapshot?
        var target: ToolSnapshot?
    }

    /// The least share of named rows two tools must have in common to be taken for one renamed tool.
    static let renameSimilarity = 0.5

    static func pairs(base: [ToolSnapshot], target: [ToolSnapshot]) -> [Pair] {
        let targetSlugs = Set(target.map(\.slug)), baseSlugs = Set(base.map(\.slug))
        var pairs: [Pair] = []
        let baseBySlug = Dictionary(base.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for t in target where baseSlugs.contains(t.slug) { pairs.append(Pair(base: baseBySlug[t.slug], target: t)) }

        var removed = base.filter { !targetSlugs.contains($0.slug) }
        var added = target.filter { !baseSlugs.contains($0.slug) }
        struct Candidate { var score: Double; var base: ToolSnapshot; var target: ToolSnapshot }
        var candidates: [Candidate] = []
        for b in removed {
            for t in added {
                let similarity = jaccard(b.namedActionKeys, t.namedActionKeys)
                if b.name.lowercased() == t.name.lowercased() {
                    candidates.append(Candidate(score: 2 + similarity, base: b, target: t))
                } else if similarity >= renameSimilarity {
                    candidates.append(Candidate(score: similarity, base: b, target: t))
                }
            }
        }
        candidates.sort { ($0.score, $1.base.slug, $1.target.slug) > ($1.score, $0.base.slug, $0.target.slug) }
        for c in candidates where removed.contains(where: { $0.slug == c.base.slug }) && added.contains(where: { $0.slug == c.target.slug }) {
            pairs.append(Pair(base: c.base, target: c.target))
            removed.removeAll { $0.slug == c.base.slug }
            added.removeAll { $0.slug == c.target.slug }
        }
        pairs += removed.map { Pair(base: $0, target: nil) }
        pairs += added.map { Pair(base: nil, target: $0) }
        return pairs
    }

    /// |a ∩ b| / |a ∪ b|; 0 when both are empty (two tools naming nothing are not alike).
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
