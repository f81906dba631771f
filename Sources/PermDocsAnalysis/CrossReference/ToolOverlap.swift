/// How much the tools' needs overlap, tool by tool, over the rows of an `ActionIndex`.
///
/// **Definition.** A tool's *need set* is the set of index rows (by identity:
/// kind and lower-cased key) that some Allow statement of a required block
/// (not an optional add-on, not a trust policy, never a Deny) reaches:
///
/// - every action row it names,
/// - every known action row that one of its wildcards (or NotAction
///   statements) covers — only rows some guide names explicitly, since a
///   wildcard adds no rows of its own,
/// - every pattern row and NotAction row it names itself, as written
///   (case-insensitively). A pattern row is not covered by another pattern:
///   `ec2:*` in one guide and `ec2:Describe*` in another are two rows.
///
/// For tools A and B: `shared = |A ∩ B|`, `union = |A ∪ B|`, and the Jaccard
/// similarity is `shared / union` (0 when both sets are empty).
public struct ToolOverlap: Sendable {
    /// One tool's pattern and the rows of the other tool it covers.
    public struct Coverage: Hashable, Sendable {
        /// The pattern (or NotAction list joined by `, `) as written.
        public var pattern: String
        /// Names of the rows it covers that the other tool needs and this tool does not name, in row order.
        public var actions: [String]
    }

    /// The comparison of two tools.
    public struct Pair: Hashable, Sendable {
        public var a: String
        public var b: String
        /// Names of rows both need, in row order.
        public var both: [String]
        /// Names of rows only A needs, in row order.
        public var onlyA: [String]
        /// Names of rows only B needs, in row order.
        public var onlyB: [String]
        /// A's required wildcards and the rows B needs that they cover where A does not name them, by pattern.
        public var aCoversForB: [Coverage]
        /// B's required wildcards and the rows A needs that they cover where B does not name them, by pattern.
        public var bCoversForA: [Coverage]

        public var sharedCount: Int { both.count }
        public var unionCount: Int { both.count + onlyA.count + onlyB.count }
        /// `|A ∩ B| / |A ∪ B|`; 0 when both need nothing.
        public var jaccard: Double { unionCount == 0 ? 0 : Double(sharedCount) / Double(unionCount) }
    }

    /// Tool slugs in site order.
    public let tools: [String]
    private let index: ActionIndex
    private let sets: [String: Set<ActionRow.ID>]
    /// Each tool's need set as a bit per row (row order): the heat map, the
    /// pairs table and every tool page's similar tools compare all pairs, and
    /// counting the bits of an AND is far cheaper than intersecting sets of
    /// string keys (at 40 tools the set operations were 7% of a build).
    private let bits: [String: [UInt64]]

    public init(index: ActionIndex) {
        self.index = index
        tools = index.toolOrder
        let words = (index.rows.count + 63) / 64
        var bits = Dictionary(uniqueKeysWithValues: tools.map { ($0, [UInt64](repeating: 0, count: words)) })
        var sets = Dictionary(uniqueKeysWithValues: tools.map { ($0, Set<ActionRow.ID>()) })
        for (i, row) in index.rows.enumerated() {
            for (slug, need) in row.needs where need.isRequired && bits[slug] != nil {
                bits[slug]![i / 64] |= 1 << UInt64(i % 64)
                sets[slug]!.insert(row.id)
            }
        }
        self.sets = sets
        self.bits = bits
    }

    /// The rows `tool` needs (see the definition above).
    public func needSet(of tool: String) -> Set<ActionRow.ID> { sets[tool] ?? [] }

    /// How many rows both tools need.
    public func sharedCount(_ a: String, _ b: String) -> Int { counts(a, b).shared }

    /// How many rows either tool needs.
    public func unionCount(_ a: String, _ b: String) -> Int { counts(a, b).union }

    /// The Jaccard similarity of the two tools' need sets.
    public func jaccard(_ a: String, _ b: String) -> Double {
        let (shared, union) = counts(a, b)
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    private func counts(_ a: String, _ b: String) -> (shared: Int, union: Int) {
        guard let x = bits[a], let y = bits[b] else {
            let sa = needSet(of: a), sb = needSet(of: b)
            return (sa.intersection(sb).count, sa.union(sb).count)
        }
        var shared = 0, union = 0
        for i in x.indices {
            shared += (x[i] & y[i]).nonzeroBitCount
            union += (x[i] | y[i]).nonzeroBitCount
        }
        return (shared, union)
    }

    /// Jaccard similarity for every ordered pair, rows and columns in site order.
    public var jaccardMatrix: [[Double]] { tools.map { a in tools.map { b in jaccard(a, b) } } }

    /// The full comparison of `a` with `b`.
    public func pair(_ a: String, _ b: String) -> Pair {
        let sa = needSet(of: a), sb = needSet(of: b)
        var both: [String] = [], onlyA: [String] = [], onlyB: [String] = []
        for row in index.rows {
            switch (sa.contains(row.id), sb.contains(row.id)) {
            case (true, true): both.append(row.name)
            case (true, false): onlyA.append(row.name)
            case (false, true): onlyB.append(row.name)
            default: break
            }
        }
        return Pair(a: a, b: b, both: both, onlyA: onlyA, onlyB: onlyB,
                    aCoversForB: coverage(by: a, for: b), bCoversForA: coverage(by: b, for: a))
    }

    /// The rows `other` needs that `tool` reaches only through a required wildcard or NotAction, grouped by pattern.
    private func coverage(by tool: String, for other: String) -> [Coverage] {
        let otherSet = needSet(of: other)
        var byPattern: [String: [String]] = [:]
        for row in index.rows where otherSet.contains(row.id) {
            guard let need = row.needs[tool], need.isRequired, !need.isNamedRequired else { continue }
            var patterns = Set<String>()
            for g in need.requiredGrants {
                switch g.via {
                case .wildcard(let p): patterns.insert(p)
                case .notAction(let names): patterns.insert(names.joined(separator: ", "))
                case .name: break
                }
            }
            for p in patterns { byPattern[p, default: []].append(row.name) }
        }
        return byPattern.keys.sorted().map { Coverage(pattern: $0, actions: byPattern[$0]!) }
    }
}
