/// A change in the resources a tool's Allow statements give one action or
/// pattern: broadened (the new resources match everything the old ones did,
/// and more: a role ARN became `*`), narrowed (the reverse), or changed
/// (neither covers the other). Resources are compared as IAM matches them,
/// `*` and `?` being wildcards.
import PermDocsPolicy

public struct ResourceChange: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case broadened, narrowed, changed
    }

    /// The action or pattern.
    public var name: String
    public var direction: Direction
    public var before: [String]
    public var after: [String]

    /// The change between two sorted resource lists, or nil when they are the same.
    static func between(_ before: [String], _ after: [String], name: String) -> ResourceChange? {
        guard before != after else { return nil }
        let wider = covers(after, before), narrower = covers(before, after)
        let direction: Direction = wider && !narrower ? .broadened : narrower && !wider ? .narrowed : .changed
        return ResourceChange(name: name, direction: direction, before: before, after: after)
    }

    /// Whether every value of `values` is matched by some resource of `resources`.
    static func covers(_ resources: [String], _ values: [String]) -> Bool {
        let patterns = resources.map(WildcardPattern.init)
        return values.allSatisfy { value in patterns.contains { $0.matches(value) } }
    }
}
