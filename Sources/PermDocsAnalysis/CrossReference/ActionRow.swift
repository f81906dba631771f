/// One row of the `ActionIndex`: an action some guide names, a wildcard
/// pattern as some guide wrote it, or a NotAction statement's exclusions,
/// with how each tool needs it.
import PermDocsPolicy

public struct ActionRow: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Comparable {
        /// A single action, known to the catalog or not.
        case action
        /// A wildcard pattern as written (`ec2:Describe*`); it is not expanded into rows.
        case pattern
        /// A NotAction statement: everything except the listed names.
        case notAction

        private var rank: Int { self == .action ? 0 : self == .pattern ? 1 : 2 }
        public static func < (a: Kind, b: Kind) -> Bool { a.rank < b.rank }
    }

    /// What makes a row unique: its kind and its lower-cased key.
    public struct ID: Hashable, Sendable {
        public var kind: Kind
        public var key: String
    }

    public var kind: Kind
    /// The identity within the kind, lower case: the action name, the
    /// pattern, or a NotAction statement's names sorted and joined by `,`.
    public var key: String
    /// The name to show: the catalog's canonical spelling for a known
    /// action; the lower-cased name for an unknown one (so that guides
    /// spelling it differently share a row); the first spelling in tool order
    /// for a pattern; `NotAction <names>` for a NotAction row.
    public var name: String
    /// The service prefix, lower case; "" when the name has none, or a
    /// NotAction row's names span several services.
    public var service: String
    /// True for an action the catalog knows. Patterns and NotAction rows are never "known".
    public var isKnown: Bool
    /// The catalog's access level of a known action; nil otherwise.
    public var accessLevel: AccessLevel?
    /// The catalog's description of a known action; nil otherwise.
    public var description: String?
    /// For a NotAction row: the names it excludes, as first written.
    public var excluded: [String]
    /// Every spelling the guides used for the row, sorted.
    public var spellings: [String]
    /// Tool slug → how that tool needs the row. Tools that do not reach the row are absent.
    public var needs: [String: ActionNeed]

    public var id: ID { ID(kind: kind, key: key) }

    /// True for a pattern or NotAction row.
    public var isPattern: Bool { kind != .action }
    /// True for an action row the catalog does not know.
    public var isUnknown: Bool { kind == .action && !isKnown }

    /// The tools that need the row (some required Allow reaches it), in `order`.
    public func toolsRequiring(in order: [String]) -> [String] {
        order.filter { needs[$0]?.isRequired == true }
    }

    /// The tools whose Allow statements (required or optional) reach the row, in `order`.
    public func toolsAllowing(in order: [String]) -> [String] {
        order.filter { needs[$0].map { !$0.isOnlyDenied } ?? false }
    }
}
