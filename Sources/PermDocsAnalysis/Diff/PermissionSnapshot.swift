/// What one state of a site grants, in the terms `permdocs diff` compares:
/// per tool, how it needs each action (wildcard-aware, as the `ActionIndex`
/// rows say), the resources its Allow statements give each action, the
/// principals of its trust policies and its findings.
///
/// A snapshot is made from an analyzed site (`init(site:)`) or read back from
/// a published site's `data/` exports (`init(toolsJSON:actionsJSON:)`), which
/// hold no resources, principals or findings: `holds` says what a snapshot
/// has, and the diff compares only what both sides have.
import PermDocsCore
import PermDocsPolicy

public struct PermissionSnapshot: Sendable, Hashable {
    /// The parts a snapshot may lack.
    public struct Contents: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let resources = Contents(rawValue: 1)
        public static let principals = Contents(rawValue: 2)
        public static let findings = Contents(rawValue: 4)
        /// Everything an analyzed site gives.
        public static let all: Contents = [.resources, .principals, .findings]
    }

    /// The tools in site order.
    public var tools: [ToolSnapshot]
    /// What besides actions the snapshot holds.
    public var holds: Contents

    public init(tools: [ToolSnapshot], holds: Contents) {
        self.tools = tools
        self.holds = holds
    }

    /// The version of `data/permissions.json`'s layout, written in it and checked when it is read.
    /// The format of `data/permissions.json` (resources, principals, findings; no actions).
    /// 3 groups each tool's resources by list, rows by their position in `actions.json`; 2 (still read) wrote `kind`, `key` and `resources` per row.
    public static let permissionsFormat = 3
    public static let exportFormat = 1
    /// The newest layout of `data/actions.json` this permdocs reads (and writes): 1 wrote every field, 2 leaves defaults out.
    public static let actionsFormat = 2

    /// Rows as the matrix sorts them: by service, then key, then kind.
    public static func rowOrder(_ a: ActionRow.ID, _ b: ActionRow.ID) -> Bool {
        (service(a.key), a.key, a.kind) < (service(b.key), b.key, b.kind)
    }

    private static func service(_ key: String) -> String {
        key.firstIndex(of: ":").map { String(key[..<$0]) } ?? ""
    }
}

/// One tool of a `PermissionSnapshot`.
public struct ToolSnapshot: Sendable, Hashable {
    /// The file or folder name under `tools/`.
    public var slug: String
    public var name: String
    /// Its first page's id (`index`), which its page URL is made from.
    public var firstPageID: String
    /// Every row the tool reaches (Allow or Deny, by name, wildcard or
    /// NotAction), by row identity.
    public var actions: [ActionRow.ID: ActionState]
    /// Row identity → the `Resource` values (and `NotResource` ones, prefixed
    /// `NotResource `) of the Allow statements that name the action or pattern, sorted.
    public var resources: [ActionRow.ID: [String]]
    /// The principals its trust policies name (`Service: ec2.amazonaws.com`, `*`), sorted.
    public var principals: [String]
    /// Its reported findings (silenced ones are not).
    public var findings: [FindingRecord]

    public init(slug: String, name: String, firstPageID: String = "index", actions: [ActionRow.ID: ActionState] = [:],
                resources: [ActionRow.ID: [String]] = [:], principals: [String] = [], findings: [FindingRecord] = []) {
        self.slug = slug
        self.name = name
        self.firstPageID = firstPageID
        self.actions = actions
        self.resources = resources
        self.principals = principals
        self.findings = findings
    }

    /// The keys of the action rows the tool names in an Allow (not those it
    /// reaches only through a wildcard): what two tools are compared by to
    /// spot a renamed one.
    var namedActionKeys: Set<String> {
        Set(actions.filter { $0.value.isNamed }.map { "\($0.key.kind.rawValue) \($0.key.key)" })
    }
}

/// How one tool needs one row (action, pattern or NotAction), without where
/// the guide says so: what a diff compares.
public struct ActionState: Sendable, Hashable {
    /// The row's name: the catalog's spelling for a known action, lower case
    /// for an unknown one, the pattern as first written.
    public var name: String
    public var kind: ActionRow.Kind
    /// A catalog action (only these are covered by wildcards).
    public var isKnown: Bool
    /// Explicit, via a wildcard, only in optional add-ons, or only denied.
    public var how: ActionNeed.How
    /// Whom the grants go to: user, service role or both, user first.
    public var grantees: [PolicyBlock.Grantee]
    /// The wildcard patterns of the Allow statements that cover it, sorted.
    public var patterns: [String]
    /// Some Deny statement reaches it.
    public var isDenied: Bool
    /// An Allow statement names it (rather than reaching it only through a wildcard).
    public var isNamed: Bool

    public init(name: String, kind: ActionRow.Kind, isKnown: Bool, how: ActionNeed.How, grantees: [PolicyBlock.Grantee],
                patterns: [String] = [], isDenied: Bool = false, isNamed: Bool = true) {
        self.name = name
        self.kind = kind
        self.isKnown = isKnown
        self.how = how
        self.grantees = grantees
        self.patterns = patterns
        self.isDenied = isDenied
        self.isNamed = isNamed
    }
}

/// A finding as the diff matches it: by rule id, tool, page and the value it
/// concerns, never by line, so that moving text is not a change.
public struct FindingRecord: Sendable, Hashable {
    public var id: String
    public var severity: Diagnostic.Severity
    /// The page's id within its tool (`index`, `setup/roles`).
    public var page: String
    /// The action, ARN, key or Sid the finding is about; for a finding
    /// without one, its message with line numbers taken out.
    public var value: String
    public var message: String
    /// Where it is reported, for display only.
    public var location: SourceLocation

    public init(id: String, severity: Diagnostic.Severity, page: String, value: String, message: String, location: SourceLocation) {
        self.id = id
        self.severity = severity
        self.page = page
        self.value = value
        self.message = message
        self.location = location
    }

    /// What makes two findings of one tool the same finding. The value is
    /// compared ignoring case, as IAM compares action names: respelling
    /// `s3:Getobject` as `s3:GetObject` does not make its other findings new.
    var matchKey: [String] { [id, page, value.lowercased()] }

    /// A message without the line numbers some messages carry ("already
    /// listed at line 12"): those move with the text around them.
    static func valueWithoutLines(_ message: String) -> String {
        var out = ""
        var rest = Substring(message)
        while let range = rest.range(of: "line ") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { out += "#" }
            rest = rest.dropFirst(digits.count)
        }
        return out + rest
    }
}
