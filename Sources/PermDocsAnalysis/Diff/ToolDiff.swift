/// What changed for one tool between two states of a site: actions added
/// and removed, changes in how it needs actions it keeps, resources
/// broadened or narrowed, trust-policy principals added or removed, and
/// findings new and resolved.
import PermDocsCore
import PermDocsPolicy

public struct ToolDiff: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Only in the target.
        case added
        /// Only in the base.
        case removed
        /// Its file or folder was renamed (see `ToolPairing`): `previousSlug` is the base's.
        case renamed
        /// On both sides under the same slug.
        case kept
    }

    /// The tool's slug in the target (in the base for a removed tool).
    public var slug: String
    /// The base's slug of a renamed tool.
    public var previousSlug: String?
    public var name: String
    /// The id of its first page, for its URL.
    public var firstPageID: String
    public var status: Status
    /// Rows the tool now names (by name: a row it reaches only through a new
    /// wildcard is represented by that pattern's row), sorted by service and name.
    public var added: [ActionState]
    /// Rows it no longer names, and no wildcard of it covers.
    public var removed: [ActionState]
    /// Rows it reaches on both sides, needed differently.
    public var changed: [NeedChange]
    public var resources: [ResourceChange]
    public var principalsAdded: [String]
    public var principalsRemoved: [String]
    public var newFindings: [FindingRecord]
    public var resolvedFindings: [FindingRecord]

    /// True when nothing changed but maybe the slug.
    public var hasNoChanges: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && resources.isEmpty && principalsAdded.isEmpty
            && principalsRemoved.isEmpty && newFindings.isEmpty && resolvedFindings.isEmpty
    }

    /// Something to report: a change, or the tool itself added, removed or renamed.
    public var isReported: Bool { status != .kept || !hasNoChanges }

    /// Compares the tool's two sides, `compared` saying which parts both snapshots hold.
    init(base: ToolSnapshot?, target: ToolSnapshot?, compared: PermissionSnapshot.Contents) {
        let tool = (target ?? base)!
        slug = tool.slug
        name = tool.name
        firstPageID = tool.firstPageID
        switch (base, target) {
        case (nil, _): status = .added
        case (_, nil): status = .removed
        case let (b?, t?): status = b.slug == t.slug ? .kept : .renamed
        }
        previousSlug = status == .renamed ? base?.slug : nil
        let empty = ToolSnapshot(slug: tool.slug, name: tool.name)
        let before = base ?? empty, after = target ?? empty

        (added, removed, changed) = Self.actionChanges(before, after)

        resources = []
        if compared.contains(.resources) {
            for id in Set(before.resources.keys).intersection(after.resources.keys).sorted(by: PermissionSnapshot.rowOrder) {
                let name = after.actions[id]?.name ?? before.actions[id]?.name ?? id.key
                if let change = ResourceChange.between(before.resources[id]!, after.resources[id]!, name: name) { resources.append(change) }
            }
        }
        if compared.contains(.principals) {
            principalsAdded = Set(after.principals).subtracting(before.principals).sorted()
            principalsRemoved = Set(before.principals).subtracting(after.principals).sorted()
        } else {
            (principalsAdded, principalsRemoved) = ([], [])
        }
        if compared.contains(.findings) {
            (newFindings, resolvedFindings) = FindingMatch.compare(base: before.findings, target: after.findings)
        } else {
            (newFindings, resolvedFindings) = ([], [])
        }
    }

    /// Added, removed and changed rows. A row one side lacks is worked out
    /// from that side's wildcards (`ActionCoverage`) before it counts as added or removed.
    private static func actionChanges(_ before: ToolSnapshot, _ after: ToolSnapshot) -> ([ActionState], [ActionState], [NeedChange]) {
        var added: [ActionState] = [], removed: [ActionState] = [], changed: [NeedChange] = []
        for id in Set(before.actions.keys).union(after.actions.keys).sorted(by: PermissionSnapshot.rowOrder) {
            let old = before.actions[id] ?? after.actions[id].flatMap { ActionCoverage.state(of: $0, id: id, in: before) }
            let new = after.actions[id] ?? before.actions[id].flatMap { ActionCoverage.state(of: $0, id: id, in: after) }
            switch (old, new) {
            case let (nil, new?) where new.isNamed: added.append(new)
            case let (old?, nil) where old.isNamed: removed.append(old)
            case let (old?, new?): if let change = NeedChange.between(old, new, id: id) { changed.append(change) }
            default: break  // reached only through a wildcard that came or went: that pattern's row says it
            }
        }
        return (added, removed, changed)
    }
}
