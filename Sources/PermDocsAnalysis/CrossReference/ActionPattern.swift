/// An IAM action pattern as a guide wrote it (`ec2:Describe*`, `s3:*`, `*`),
/// matched the way `ActionCatalog.expand(_:)` matches: the service part and
/// the name part separately, so a `*` never runs across the colon, and a
/// pattern without a colon (other than `*`) matches nothing, as IAM would not
/// accept it.
///
/// Matching against a name rather than expanding the pattern is what keeps
/// the index small: `s3:*` is checked against the actions guides name, not
/// turned into hundreds of rows.
import PermDocsPolicy

public struct ActionPattern: Hashable, Sendable {
    /// The pattern as written.
    public let written: String
    private let service: WildcardPattern?
    private let name: WildcardPattern?

    public init(_ written: String) {
        self.written = written
        if written == "*" {
            service = WildcardPattern("*")
            name = WildcardPattern("*")
        } else if let colon = written.firstIndex(of: ":") {
            service = WildcardPattern(String(written[..<colon]))
            name = WildcardPattern(String(written[written.index(after: colon)...]))
        } else {
            service = nil
            name = nil
        }
    }

    /// The service prefix, lower case, when the pattern's service part has no
    /// wildcard (`ec2` for `ec2:Describe*`); nil for `*`, `*:Get*` or a pattern without a colon.
    public var literalService: String? {
        guard written != "*", let colon = written.firstIndex(of: ":") else { return nil }
        let prefix = String(written[..<colon])
        return WildcardPattern.containsWildcard(prefix) ? nil : prefix.lowercased()
    }

    /// An action name cut at its first colon, once, to be matched against many
    /// patterns (cutting it per pattern made two strings per match).
    public struct Parts: Sendable {
        let service: String
        let name: String

        /// Nil for a name without a colon, which no pattern covers.
        public init?(_ action: String) {
            guard let colon = action.firstIndex(of: ":") else { return nil }
            service = String(action[..<colon])
            name = String(action[action.index(after: colon)...])
        }
    }

    /// Whether the pattern covers the action `action` (`ec2:DescribeInstances`),
    /// ignoring case. A name without a colon is never covered.
    public func matches(_ action: String) -> Bool {
        Parts(action).map(matches) ?? false
    }

    /// The same for an action already cut at its colon.
    public func matches(_ action: Parts) -> Bool {
        guard let service, let name else { return false }
        return service.matches(action.service) && name.matches(action.name)
    }
}
