/// An IAM action as a guide wrote it, such as `s3:PutLifeCycleConfiguration`.
///
/// IAM action names are case-insensitive, so two actions are equal when their
/// names are equal ignoring case; `written` keeps the guide's spelling for display
/// and for "non-canonical case" findings.
public struct Action: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let written: String
    /// Lower-cased name, the identity of the action.
    public let key: String

    public init(_ written: String) {
        self.written = written
        self.key = written.lowercased()
    }

    /// The service prefix in lower case (`s3`), or "" if the name has no colon.
    public var service: String {
        guard let colon = key.firstIndex(of: ":") else { return "" }
        return String(key[..<colon])
    }

    /// The part after the colon as written (`PutLifeCycleConfiguration`).
    public var name: String {
        guard let colon = written.firstIndex(of: ":") else { return written }
        return String(written[written.index(after: colon)...])
    }

    /// True when the name holds `*` or `?`.
    /// Scans bytes: `String.contains(String)` goes through Foundation and was 7 % of a large check.
    public var isWildcard: Bool { WildcardPattern.containsWildcard(written) }

    public var description: String { written }

    public static func == (a: Action, b: Action) -> Bool { a.key == b.key }
    public func hash(into h: inout Hasher) { h.combine(key) }
    public static func < (a: Action, b: Action) -> Bool {
        a.key != b.key ? a.key < b.key : a.written < b.written
    }
}
