/// What the risk rules see in the actions one action, as written, grants.
/// A wildcard's is worked out once per spelling and remembered by the
/// checker (`PolicyChecker.grantedRisks`): a guide repeats the same
/// wildcards (`ec2:Describe*`, `s3:Get*`) in block after block, and each
/// grants hundreds of actions; looking each of them up in the risk tables
/// and the catalog for every statement was most of `RiskChecks`' time. A
/// single action's is a few lookups, made where it is needed.
import PermDocsCore

struct GrantedRisks: Sendable {
    /// Whether `iam:PassRole` is among the granted actions.
    let grantsPassRole: Bool
    /// Canonical names, sorted, of the granted actions that return credentials.
    let credentials: [String]
    /// Canonical names, sorted, of the granted actions that read customer data.
    let dataAccess: [String]
    /// Canonical names, sorted, of the granted permissions-management actions.
    let permissionsManagement: [String]
    /// The granted lower-case names some escalation method needs, in the
    /// order granted: the only names the escalation rule can use.
    let escalationNames: [String]
    /// How many catalog actions are granted, and (for a wildcard) how many
    /// of each access level.
    let actionCount: Int
    let countByAccessLevel: [AccessLevel: Int]

    init(_ a: Action, catalog: ActionCatalog, risks: RiskRules) {
        // A wildcard's actions come from the catalog's remembered expansion;
        // a name is itself (even one the catalog does not know).
        let names = a.isWildcard ? catalog.expandedKeys(a.written) : [a.key]
        let canonical = { (lowered: String) in catalog.action(named: lowered)?.canonicalName ?? lowered }
        grantsPassRole = names.contains("iam:passrole")
        credentials = names.compactMap { risks.credentialsExposure[$0] != nil ? canonical($0) : nil }.sorted()
        dataAccess = names.compactMap { risks.dataAccess[$0] != nil ? canonical($0) : nil }.sorted()
        let actions = a.isWildcard ? catalog.expand(a.written) : catalog.action(named: a.key).map { [$0] } ?? []
        var permissions: [String] = []
        var levels: [AccessLevel: Int] = [:]
        for action in actions {
            if a.isWildcard { levels[action.accessLevel, default: 0] += 1 }
            if action.accessLevel == .permissionsManagement { permissions.append(action.canonicalName) }
        }
        actionCount = actions.count
        countByAccessLevel = levels
        permissionsManagement = permissions.sorted()
        escalationNames = names.filter(risks.escalationActionNames.contains)
    }
}
