/// A change in how a tool needs an action it reaches on both sides of a
/// diff: explicit ↔ via wildcard, required ↔ optional, allowed ↔ denied,
/// user ↔ service role.
import PermDocsPolicy

public struct NeedChange: Sendable, Hashable {
    /// One way the need changed, with the words for before and after.
    public struct Aspect: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// Named (`explicit`) or reached through a wildcard (`wildcard <patterns>`).
            case coverage
            /// Needed (`required`) or only in optional add-ons (`optional`).
            case requirement
            /// `allowed`, `denied`, or `allowed and denied`.
            case effect
            /// `user`, `service-role`, or `user, service-role`.
            case grantee
        }

        public var kind: Kind
        public var before: String
        public var after: String
    }

    public var name: String
    public var kind: ActionRow.Kind
    public var before: ActionState
    public var after: ActionState
    /// What changed, in the order of `Aspect.Kind`'s cases.
    public var aspects: [Aspect]

    /// The change from `before` to `after`, or nil when they need the action alike.
    static func between(_ before: ActionState, _ after: ActionState, id: ActionRow.ID) -> NeedChange? {
        var aspects: [Aspect] = []
        let needed: Set<ActionNeed.How> = [.explicit, .wildcard]
        if needed.contains(before.how) && needed.contains(after.how) {
            let b = coverage(before), a = coverage(after)
            if b != a { aspects.append(Aspect(kind: .coverage, before: b, after: a)) }
        } else if before.how != .denied && after.how != .denied && before.how != after.how {
            aspects.append(Aspect(kind: .requirement, before: requirement(before), after: requirement(after)))
        }
        if effect(before) != effect(after) {
            aspects.append(Aspect(kind: .effect, before: effect(before), after: effect(after)))
        }
        if before.how != .denied && after.how != .denied && before.grantees != after.grantees {
            aspects.append(Aspect(kind: .grantee, before: grantees(before), after: grantees(after)))
        }
        guard !aspects.isEmpty else { return nil }
        return NeedChange(name: after.name, kind: id.kind, before: before, after: after, aspects: aspects)
    }

    private static func coverage(_ s: ActionState) -> String {
        s.how == .explicit ? "explicit" : "wildcard " + s.patterns.joined(separator: " ")
    }

    private static func requirement(_ s: ActionState) -> String {
        s.how == .optional ? "optional" : "required"
    }

    private static func effect(_ s: ActionState) -> String {
        s.how == .denied ? "denied" : s.isDenied ? "allowed and denied" : "allowed"
    }

    private static func grantees(_ s: ActionState) -> String {
        s.grantees.isEmpty ? "nobody" : s.grantees.map(\.rawValue).joined(separator: ", ")
    }
}
