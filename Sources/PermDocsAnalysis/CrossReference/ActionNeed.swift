/// How one tool needs one row of the `ActionIndex`: every place its guide
/// grants (or denies) the row's action, by name, by a wildcard or by a
/// NotAction statement, and summaries of those places.
///
/// Allow and Deny are kept apart: a Deny never counts as a need, it is only
/// reported (`isDenied`, `isOnlyDenied`).
import PermDocsCore
import PermDocsPolicy

public struct ActionNeed: Hashable, Sendable {
    /// How a statement reaches the row.
    public enum Via: Hashable, Sendable {
        /// The statement names the row: the action, pattern or NotAction list
        /// as the guide spelt it.
        case name(String)
        /// A wildcard pattern of the statement covers the row's action (the
        /// pattern as written, such as `ec2:Describe*`).
        case wildcard(String)
        /// A NotAction statement ("everything except") whose exclusions, as
        /// written, do not cover the row's action.
        case notAction([String])
    }

    /// One statement of one block that reaches the row.
    public struct Grant: Hashable, Sendable {
        public var via: Via
        /// Allow (true) or Deny (false).
        public var isAllow: Bool
        /// The block is an optional add-on.
        public var isOptional: Bool
        public var grantee: PolicyBlock.Grantee
        public var block: BlockReference

        public init(via: Via, isAllow: Bool, isOptional: Bool, grantee: PolicyBlock.Grantee, block: BlockReference) {
            self.via = via
            self.isAllow = isAllow
            self.isOptional = isOptional
            self.grantee = grantee
            self.block = block
        }

        /// True for a named grant.
        public var isNamed: Bool { if case .name = via { return true } else { return false } }
        /// The pattern, for a wildcard grant.
        public var pattern: String? { if case .wildcard(let p) = via { return p } else { return nil } }
    }

    /// The one-word summary of a need, strongest first: a tool that names an
    /// action in its required policy needs it `explicit`ly even if a wildcard
    /// of it also covers the action.
    public enum How: String, Hashable, Sendable, Comparable {
        /// Named by an Allow statement of a required block.
        case explicit
        /// Reached by a required Allow only through a wildcard or NotAction.
        case wildcard
        /// Allowed only in optional add-ons (by name or wildcard).
        case optional
        /// Not allowed at all, only reached by Deny statements.
        case denied

        private var rank: Int {
            switch self {
            case .explicit: return 0
            case .wildcard: return 1
            case .optional: return 2
            case .denied: return 3
            }
        }

        public static func < (a: How, b: How) -> Bool { a.rank < b.rank }
    }

    /// Every grant, each once, in the order the guide's blocks come (page, then anchor), statement order within a block.
    public internal(set) var grants: [Grant] = []

    /// A need made of `grants`: repeats dropped, the rest sorted by block (stable).
    public init(grants: [Grant] = []) {
        for g in grants { add(g) }
        sortByBlock()
    }

    /// Adds a grant unless it is there already; call `sortByBlock()` when done.
    mutating func add(_ grant: Grant) {
        if !grants.contains(grant) { grants.append(grant) }
    }

    /// Adds a grant the caller knows is new.
    mutating func append(new grant: Grant) {
        grants.append(grant)
    }

    /// Puts the grants in block order, keeping the order of grants of one block.
    mutating func sortByBlock() {
        var rank: [BlockReference: Int] = [:]
        for (i, ref) in Set(grants.map(\.block)).sorted().enumerated() { rank[ref] = i }
        sort(byRank: rank)
    }

    /// The same, with every block's place in `BlockReference` order given
    /// (comparing references parses their anchors each time).
    mutating func sort(byRank rank: [BlockReference: Int]) {
        grants = grants.enumerated().map { (rank[$1.block] ?? 0, $0, $1) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The Allow grants.
    public var allowGrants: [Grant] { grants.filter(\.isAllow) }
    /// The Allow grants of required (not optional) blocks.
    public var requiredGrants: [Grant] { grants.filter { $0.isAllow && !$0.isOptional } }

    /// Some Allow of a required block reaches the row: the tool needs it.
    public var isRequired: Bool { grants.contains { $0.isAllow && !$0.isOptional } }
    /// Some Allow statement (required or optional) names the row.
    public var isNamed: Bool { grants.contains { $0.isAllow && $0.isNamed } }
    /// Some required Allow statement names the row.
    public var isNamedRequired: Bool { grants.contains { $0.isAllow && !$0.isOptional && $0.isNamed } }
    /// Allowed, but only by optional add-ons.
    public var isOnlyOptional: Bool { !isRequired && grants.contains(where: \.isAllow) }
    /// Some Deny statement reaches the row.
    public var isDenied: Bool { grants.contains { !$0.isAllow } }
    /// Only Deny statements reach the row.
    public var isOnlyDenied: Bool { !grants.contains(where: \.isAllow) }

    /// The summary: see `How`.
    public var how: How {
        if isNamedRequired { return .explicit }
        if isRequired { return .wildcard }
        if isOnlyOptional { return .optional }
        return .denied
    }

    /// Wildcard patterns (as written) of Allow statements that cover the row,
    /// required ones and optional ones alike, each once, sorted.
    public var wildcardPatterns: [String] {
        Array(Set(grants.filter(\.isAllow).compactMap(\.pattern))).sorted()
    }

    /// Wildcard patterns of required Allow statements that cover the row, sorted.
    public var requiredWildcardPatterns: [String] {
        Array(Set(requiredGrants.compactMap(\.pattern))).sorted()
    }

    /// Whom the Allow grants that make up `how` go to (the required ones, or
    /// the optional ones when only add-ons allow it), user first.
    public var grantees: [PolicyBlock.Grantee] {
        let relevant = isRequired ? requiredGrants : allowGrants
        return [.user, .serviceRole].filter { g in relevant.contains { $0.grantee == g } }
    }

    /// Granted only to the tool's service role, never to the user.
    public var onlyServiceRole: Bool { grantees == [.serviceRole] }

    /// The blocks of the Allow grants, each once, in order.
    public var blocks: [BlockReference] { unique(allowGrants.map(\.block)) }
    /// The blocks of the Deny grants, each once, in order.
    public var deniedBlocks: [BlockReference] { unique(grants.filter { !$0.isAllow }.map(\.block)) }

    private func unique(_ refs: [BlockReference]) -> [BlockReference] {
        var seen = Set<BlockReference>()
        return refs.filter { seen.insert($0).inserted }
    }
}
