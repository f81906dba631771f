/// One statement of a `MergedPolicyDocument`.
import PermDocsCore
import PermDocsPolicy

public struct MergedStatement: Hashable, Sendable {
    public enum Effect: String, Hashable, Sendable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// Generated: letters and digits only (see `MergedPolicyDocument`).
    public var sid: String
    public var effect: Effect
    /// True when `actions` are a NotAction list.
    public var isNotAction: Bool
    /// Catalog spelling for known actions; wildcards and unknown names as first
    /// written. Each once (case-insensitively), sorted case-insensitively.
    public var actions: [String]
    /// The Resource list of the first statement merged here (all merged statements have the same set); nil if absent.
    public var resources: [String]?
    /// The NotResource list, likewise.
    public var notResources: [String]?
    /// The Condition element of the first statement merged here, as written; nil when absent or `{}`.
    public var condition: JSONNode?
    /// That Condition as merging compares it (`operator|key in lower case|sorted values`
    /// per clause); nil when there is none. Statements with equal sets merge.
    public var conditionKey: Set<String>?
    /// The blocks the statement was made from, each once, in order.
    public var sources: [BlockReference]
}

/// A statement of a guide, with the block it comes from: the input of a `MergedPolicyDocument`.
public struct SourceStatement: Hashable, Sendable {
    public var statement: Statement
    public var block: BlockReference

    public init(statement: Statement, block: BlockReference) {
        self.statement = statement
        self.block = block
    }
}

/// A policy document `{"Version": "2012-10-17", "Statement": [...]}` made
/// by merging guide statements, and its size as IAM counts it.
///
/// Merging rules, chosen so the document grants exactly what its statements
/// grant together, no more:
///
/// - Allow statements with an Action list, the same Resource set, the same
///   NotResource set and the same Condition (ignoring the order of values,
///   the case of condition keys, and treating `{}` as no Condition) become
///   one statement with the union of their actions.
/// - Deny statements and NotAction statements are kept as they are (merging
///   two NotAction lists would grant less; a Deny is kept as the guide gave
///   it), but a repeat with the same effect, actions, resources and
///   condition is dropped.
/// - Statements without a valid Effect or without Action/NotAction grant
///   nothing and are left out. Original Sids are dropped (merged statements
///   would repeat them).
///
/// Order: statements in the order of their first source statement; actions
/// sorted case-insensitively. Sids are `PermDocs` + `Deny` for a Deny +
/// `Not` for a NotAction + the services of the actions in CamelCase
/// (`PermDocsS3`, `PermDocsEc2S3`; `PermDocsMixed` past three services,
/// `All` for `*`), made unique with `Stmt2`, `Stmt3`, … So the same input
/// always gives the same bytes.
public struct MergedPolicyDocument: Hashable, Sendable {
    /// The policy language version every document declares.
    public static let version = "2012-10-17"
    /// The most characters (whitespace not counted) IAM allows in a customer managed policy.
    public static let managedPolicyQuota = 6_144
    /// The most characters IAM allows across a user's inline policies.
    public static let userInlinePolicyQuota = 2_048
    /// The most characters IAM allows across a role's inline policies.
    public static let roleInlinePolicyQuota = 10_240

    public var statements: [MergedStatement]

    /// True when there is no statement.
    public var isEmpty: Bool { statements.isEmpty }

    /// Merges `sources` (see the type's rules), spelling known actions as `catalog` does.
    public init(merging sources: [SourceStatement], catalog: ActionCatalog?) {
        struct Key: Hashable {
            var effect: MergedStatement.Effect
            var isNotAction: Bool
            var resources: Set<String>?
            var notResources: Set<String>?
            var condition: Set<String>?
            /// Only for statements that are deduplicated rather than merged.
            var actions: Set<String>?
        }
        var statements: [MergedStatement] = []
        // Beside each statement, what it already holds, looked up in constant time
        // (a list searched per action made a large guide quadratic).
        var actionKeys: [Set<String>] = []  // lower-cased keys of statements[i].actions
        var sourceBlocks: [Set<BlockReference>] = []  // statements[i].sources
        var slot: [Key: Int] = [:]
        var canonical: [String: String] = [:]

        func spell(_ action: Action) -> String {
            if action.isWildcard { return action.written }
            if let c = canonical[action.key] { return c }
            let c = catalog?.action(named: action.written)?.canonicalName ?? action.written
            canonical[action.key] = c
            return c
        }

        for source in sources {
            let st = source.statement
            let effect: MergedStatement.Effect
            switch st.effect?.value {
            case .allow?: effect = .allow
            case .deny?: effect = .deny
            default: continue
            }
            let isNotAction = st.actions == nil && st.notActions != nil
            let names = (isNotAction ? st.notActions : st.actions) ?? []
            guard !names.isEmpty else { continue }
            let conditionNode = st.node["Condition"].flatMap { $0.members?.isEmpty == false ? $0 : nil }
            let conditionKey = conditionNode == nil ? nil : st.conditions.map {
                Set($0.map { "\($0.conditionOperator.value)|\($0.key.value.lowercased())|\($0.values.map(\.value).sorted())" })
            }
            let mergeable = effect == .allow && !isNotAction
            var key = Key(effect: effect, isNotAction: isNotAction,
                          resources: st.resources.map { Set($0.map(\.value)) },
                          notResources: st.notResources.map { Set($0.map(\.value)) },
                          condition: conditionKey, actions: nil)
            if !mergeable { key.actions = Set(names.map(\.value.key)) }
            let i: Int
            if let existing = slot[key] {
                i = existing
            } else {
                i = statements.count
                slot[key] = i
                statements.append(MergedStatement(
                    sid: "", effect: effect, isNotAction: isNotAction, actions: [],
                    resources: st.resources.map { Self.unique($0.map(\.value)) },
                    notResources: st.notResources.map { Self.unique($0.map(\.value)) },
                    condition: conditionNode, conditionKey: conditionKey, sources: []))
                actionKeys.append([])
                sourceBlocks.append([])
            }
            for name in names where actionKeys[i].insert(name.value.key).inserted {
                statements[i].actions.append(spell(name.value))
            }
            if sourceBlocks[i].insert(source.block).inserted { statements[i].sources.append(source.block) }
        }
        var sids = UniqueSids()
        for i in statements.indices {
            // An Allow that lists `ec2:Describe*` needs no `ec2:DescribeImages` beside it:
            // the merged statement grants the same and stays further from the quota.
            if statements[i].effect == .allow && !statements[i].isNotAction {
                let patterns = CoveringPatterns(statements[i].actions)
                if !patterns.isEmpty {
                    statements[i].actions.removeAll { name in
                        !WildcardPattern.containsWildcard(name) && patterns.cover(name)
                    }
                }
            }
            statements[i].actions.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
            statements[i].sid = sids.claim(Self.sidBase(statements[i]))
        }
        self.statements = statements
    }

    /// Sids made unique as `base`, then `base` + `Stmt2`, `Stmt3`, …: the first
    /// free one, found without trying again the numbers a base already used
    /// (25,000 statements of one service tried 300 million Sids).
    private struct UniqueSids {
        private var used = Set<String>()
        /// Per base: every `base` + `Stmt`k below this number is taken (Sids are never released).
        private var nextNumber: [String: Int] = [:]

        mutating func claim(_ base: String) -> String {
            var sid = base
            if used.contains(base) {
                var n = nextNumber[base] ?? 2
                repeat {
                    sid = base + "Stmt\(n)"
                    n += 1
                } while used.contains(sid)
                nextNumber[base] = n
            }
            used.insert(sid)
            return sid
        }
    }

    /// The wildcards of one statement, grouped by service, so that a name is
    /// matched only against the patterns of its own service and those whose
    /// service part holds a wildcard itself (`*`, `s?:Get*`): a statement of
    /// many services no longer matches every name against every pattern.
    private struct CoveringPatterns {
        private var byService: [Substring: [WildcardPattern]] = [:]
        private var anyService: [WildcardPattern] = []

        init(_ actions: [String]) {
            for action in actions where WildcardPattern.containsWildcard(action) {
                let pattern = WildcardPattern(action)
                // Matching lower-cases both sides, so the service part of either is compared lower-cased.
                if let service = Self.service(action.lowercased()), !WildcardPattern.containsWildcard(String(service)) {
                    byService[service, default: []].append(pattern)
                } else {
                    anyService.append(pattern)
                }
            }
        }

        var isEmpty: Bool { byService.isEmpty && anyService.isEmpty }

        /// True when a pattern matches `name`: one of its service (a pattern
        /// with a literal service part `ec2:` matches only names starting `ec2:`)
        /// or one with a wildcard in its service part.
        func cover(_ name: String) -> Bool {
            if let service = Self.service(name.lowercased()), let patterns = byService[service], patterns.contains(where: { $0.matches(name) }) {
                return true
            }
            return anyService.contains { $0.matches(name) }
        }

        /// The text before the first `:`, or nil without one.
        private static func service(_ lowercased: String) -> Substring? {
            guard let colon = lowercased.unicodeScalars.firstIndex(of: ":") else { return nil }
            return Substring(lowercased.unicodeScalars[..<colon])
        }
    }

    private static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }

    private static func sidBase(_ st: MergedStatement) -> String {
        var services: [String] = []
        for a in st.actions {
            let s = Action(a).service
            let token = s.isEmpty ? (a == "*" ? "All" : "Other") : camel(s)
            if !services.contains(token) {
                services.append(token)
                // Past three the Sid says `Mixed` whatever follows: stop before a
                // statement of thousands of services makes this list quadratic.
                if services.count > 3 { break }
            }
        }
        let body = services.count > 3 ? "Mixed" : services.joined()
        return "PermDocs" + (st.effect == .deny ? "Deny" : "") + (st.isNotAction ? "Not" : "") + body
    }

    /// `license-manager` → `LicenseManager`, `ec2` → `Ec2`, `*` → `All`: letters and digits only.
    private static func camel(_ prefix: String) -> String {
        let parts = prefix.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        if parts.isEmpty { return "All" }
        return parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    // MARK: Output

    /// The document as a JSON tree, keys in IAM's usual order (Version,
    /// Statement; Sid, Effect, Action/NotAction, Resource/NotResource,
    /// Condition). A single Resource is written as a string, actions always as a list.
    public var jsonNode: JSONNode {
        func node(_ v: JSONValue) -> JSONNode { JSONNode(v, offset: 0) }
        func member(_ k: String, _ v: JSONNode) -> JSONMember { JSONMember(key: k, keyOffset: 0, value: v) }
        func strings(_ list: [String], collapse: Bool) -> JSONNode {
            collapse && list.count == 1 ? node(.string(list[0])) : node(.array(list.map { node(.string($0)) }))
        }
        let list = statements.map { st -> JSONNode in
            var m = [member("Sid", node(.string(st.sid))), member("Effect", node(.string(st.effect.rawValue))),
                     member(st.isNotAction ? "NotAction" : "Action", strings(st.actions, collapse: false))]
            if let r = st.resources { m.append(member("Resource", strings(r, collapse: true))) }
            if let r = st.notResources { m.append(member("NotResource", strings(r, collapse: true))) }
            if let c = st.condition { m.append(member("Condition", c)) }
            return node(.object(m))
        }
        return node(.object([member("Version", node(.string(Self.version))), member("Statement", node(.array(list)))]))
    }

    /// The document pretty-printed by `JSONWriter` (two-space indent, no trailing newline).
    public var json: String { JSONWriter.pretty(jsonNode) }

    /// The size IAM checks against its quotas: the characters of `json`
    /// that are not whitespace (IAM does not count white space).
    public var characterCount: Int { Self.characterCount(of: json) }

    /// True when the document is too large for one customer managed policy (`managedPolicyQuota`).
    public var exceedsManagedPolicyQuota: Bool { characterCount > Self.managedPolicyQuota }

    /// The characters of `text` that are not whitespace.
    public static func characterCount(of text: String) -> Int {
        // ASCII (every policy permdocs writes): a byte is a Character, and
        // `isWhitespace` is true for tab through carriage return and space.
        var text = text
        let ascii: Int? = text.withUTF8 { bytes in
            var count = 0
            for b in bytes {
                guard b < 0x80 else { return nil }
                if !(b == 0x20 || (0x09...0x0D).contains(b)) { count += 1 }
            }
            return count
        }
        return ascii ?? text.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
    }
}
