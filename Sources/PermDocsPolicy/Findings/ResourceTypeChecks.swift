/// Checks that a statement's resources are of a kind its actions act on, from
/// the catalog's resource types and their ARN formats (as Parliament's
/// RESOURCE_MISMATCH does):
///
/// - `resource-type-mismatch`: none of the statement's resources can match
///   any resource type of an action: a bucket action on object ARNs
///   (`s3:ListBucket` on `arn:aws:s3:::b/*`), an object action on a bucket
///   (`s3:GetObject` on `arn:aws:s3:::b`), an ARN without the type's path
///   (`arn:aws:iam::123456789012:MyRole`). The grant never takes effect.
/// - `action-needs-any-resource`: an action that accepts only `"*"` (no
///   resource types) given only ARNs.
///
/// A finding must be certain, so only named actions the catalog knows are
/// checked (wildcard actions match actions of many kinds), a statement with
/// `"*"` or NotResource is skipped, as is one with a sketched ARN (a word for
/// its region or account, see `ARNPattern.isSchematic`), and placeholders and
/// wildcards in an ARN may stand for anything (see `ARNPattern`). An action
/// without resource types is reported only when every resource names one
/// resource: services evaluate some such actions against an ARN of their own
/// (`s3:ListAllMyBuckets` on `arn:aws:s3:::*` works), so a wildcard ARN may.
import PermDocsCore

struct ResourceTypeChecks {
    let context: PolicyCheckContext
    let catalog: ActionCatalog
    let arnPatterns: LockedMemo<String, ARNPattern?>

    func findings() -> [Diagnostic] {
        context.policy.statements.flatMap(statement)
    }

    private func statement(_ st: Statement) -> [Diagnostic] {
        guard let resources = st.resources, let first = resources.first, st.notResources == nil,
              !resources.contains(where: { $0.value == "*" }) else { return [] }
        // Each value's placeholders are read once, for its pattern and its sketchiness.
        let wildcarded = resources.map { ARNPattern.placeholdersAsWildcards($0.value) }
        let patterns = wildcarded.map { ARNPattern(wildcardedPolicyARN: $0) }
        // A value that is not an ARN (a placeholder for a whole ARN, or an
        // invalid one, which invalid-arn reports) may be anything.
        guard patterns.allSatisfy({ $0 != nil }), !wildcarded.contains(where: ARNPattern.isSchematic(wildcarded:)) else { return [] }
        let arns = patterns.compactMap { $0 }
        var out: [Diagnostic] = []
        var seen = Set<Action>()
        for a in st.actions ?? [] where !a.value.isWildcard && seen.insert(a.value).inserted {
            guard let action = catalog.action(named: a.value.written),
                  let types = catalog.resourceTypes(of: action) else { continue }
            if types.isEmpty {
                guard arns.allSatisfy(\.namesOneResource) else { continue }
                out.append(context.finding(FindingRules.actionNeedsAnyResource,
                    "\(action.canonicalName) cannot be limited to resources: it takes only \"Resource\": \"*\", so on \(describe(resources)) it is never allowed",
                    at: a.location, fix: "move \(action.canonicalName) to a statement with \"Resource\": \"*\"", subject: a.value.written))
                continue
            }
            let formats = types.compactMap { type in arnPatterns.value(for: type.arnFormat) { ARNPattern(catalogFormat: type.arnFormat) }.map { (type, $0) } }
            guard formats.count == types.count else { continue }
            if arns.contains(where: { arn in formats.contains { arn.canMatch($0.1) } }) { continue }
            let expected = types.map { "\($0.name) (\($0.arnFormat))" }.joined(separator: " or ")
            out.append(context.finding(FindingRules.resourceTypeMismatch,
                "\(action.canonicalName) acts on \(expected); \(describe(resources)) can never be one, so the grant never takes effect",
                at: first.location, fix: "give \(action.canonicalName) a resource of the kind it acts on, or move it to a statement that has one",
                subject: a.value.written))
        }
        return out
    }

    private func describe(_ resources: [Located<String>]) -> String {
        resources.count == 1 ? "\"\(resources[0].value)\"" : "none of the \(resources.count) resources"
    }
}
