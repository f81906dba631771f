/// Allow or Deny, as written (validation reports anything else).
import PermDocsCore

public enum Effect: Hashable, Sendable {
    case allow
    case deny
    case other(String)

    public init(_ text: String) {
        switch text {
        case "Allow": self = .allow
        case "Deny": self = .deny
        default: self = .other(text)
        }
    }
}

/// Who a resource or trust policy speaks of: `"*"`, or a map such as
/// `{"Service": "vmie.amazonaws.com"}` with one or more values per kind.
public struct Principal: Hashable, Sendable {
    /// One kind (AWS, Service, Federated, CanonicalUser) and its values.
    public struct Entry: Hashable, Sendable {
        public var kind: Located<String>
        public var values: [Located<String>]
    }

    /// `"Principal": "*"`.
    public var isEveryone: Bool
    /// The kinds in the order written.
    public var entries: [Entry]

    public init(isEveryone: Bool = false, entries: [Entry] = []) {
        self.isEveryone = isEveryone
        self.entries = entries
    }

    /// All values of one kind, such as every service principal, sorted.
    public func values(ofKind kind: String) -> [String] {
        entries.filter { $0.kind.value == kind }.flatMap { $0.values.map(\.value) }.sorted()
    }
}

/// One condition test, such as `StringEquals` on `sts:ExternalId`.
public struct ConditionClause: Hashable, Sendable {
    public var conditionOperator: Located<String>
    public var key: Located<String>
    public var values: [Located<String>]
}

/// One statement of a policy. Fields are nil when the statement does not have them.
public struct Statement: Hashable, Sendable {
    public var sid: Located<String>?
    public var effect: Located<Effect>?
    public var actions: [Located<Action>]?
    public var notActions: [Located<Action>]?
    public var resources: [Located<String>]?
    public var notResources: [Located<String>]?
    public var principal: Located<Principal>?
    public var notPrincipal: Located<Principal>?
    /// Nil when there is no Condition element; empty when it is `{}`.
    public var conditions: [ConditionClause]?
    /// Where the statement's `{` stands.
    public var location: SourceLocation
    /// The statement as written, for checks on elements this model does not name.
    public var node: JSONNode

    public init(location: SourceLocation, node: JSONNode) {
        self.location = location
        self.node = node
    }

    /// True when the statement allows (missing Effect counts as neither).
    public var isAllow: Bool { effect?.value == .allow }

    /// The statement's meaning without positions: two statements that grant the
    /// same thing in different places compare equal (used to spot excerpts).
    public var meaning: StatementMeaning { meaning(withActions: true) }

    /// `meaning` with nil actions and not-actions, made without gathering
    /// them: what two statements must share for an action in both to be
    /// a repeat.
    var scope: StatementMeaning { meaning(withActions: false) }

    private func meaning(withActions: Bool) -> StatementMeaning {
        StatementMeaning(
            effect: effect?.value,
            actions: withActions ? actions.map { Set($0.map(\.value)) } : nil,
            notActions: withActions ? notActions.map { Set($0.map(\.value)) } : nil,
            resources: resources.map { Set($0.map(\.value)) },
            notResources: notResources.map { Set($0.map(\.value)) },
            principal: principal.map { p in
                Set(p.value.entries.flatMap { e in e.values.map { "\(e.kind.value)=\($0.value)" } } + (p.value.isEveryone ? ["*"] : []))
            },
            conditions: conditions.map { Set($0.map { "\($0.conditionOperator.value)|\($0.key.value.lowercased())|\($0.values.map(\.value).sorted())" }) }
        )
    }
}

/// What a statement says, without where it says it.
public struct StatementMeaning: Hashable, Sendable {
    public var effect: Effect?
    public var actions: Set<Action>?
    public var notActions: Set<Action>?
    public var resources: Set<String>?
    public var notResources: Set<String>?
    public var principal: Set<String>?
    public var conditions: Set<String>?
}
