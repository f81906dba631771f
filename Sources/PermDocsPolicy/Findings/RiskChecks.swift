/// Security warnings for what a policy allows: every action (`*`), whole
/// services (`s3:*`), `iam:PassRole` on any role, known privilege-escalation
/// methods, actions that hand out credentials, and data reads and
/// permissions changes on Resource `*`. Which actions count is data
/// (`Findings/RiskData`), not logic.
///
/// Deny statements are not subtracted: a guide's Deny rarely scopes exactly
/// what it seems to, and a reviewer should see the Allow either way.
import PermDocsCore

struct RiskChecks {
    let context: PolicyCheckContext
    let catalog: ActionCatalog
    let risks: RiskRules
    /// What each wildcard as written grants, remembered across blocks.
    let grantedRisks: LockedMemo<String, GrantedRisks>

    /// Wildcards broader than any single check: reported once, as a whole.
    private static func isWholeService(_ a: Action) -> Bool {
        a.written == "*" || a.written == "*:*" || a.name == "*"
    }

    func findings() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let allows = context.policy.statements.filter(\.isAllow)
        var allowsEverything = false
        // What each action grants, for the escalation rules after the
        // per-action ones: expanded once, in statement and action order.
        var grants: [(action: Located<Action>, risks: GrantedRisks, broad: Bool)] = []
        for st in allows {
            let anyResource = st.notResources != nil || (st.resources ?? []).contains { ARNFormat.isBroad($0.value) }
            if let first = st.notActions?.first, st.actions == nil {
                out.append(context.finding(FindingRules.allowAllActions,
                    "Allow with NotAction grants every action of every AWS service except \(list((st.notActions ?? []).map(\.value.written)))" + (anyResource ? ", on every resource" : ""),
                    at: first.location, fix: "list the actions the tool calls instead of those it must not", subject: first.value.written))
            }
            for a in st.actions ?? [] {
                if a.value.written == "*" || a.value.written == "*:*" {
                    allowsEverything = true
                    out.append(context.finding(FindingRules.allowAllActions, "Allow \"\(a.value.written)\" grants every action of every AWS service" + (anyResource ? " on every resource: full administrator access" : ""),
                        at: a.location, fix: "list the actions the tool calls", subject: a.value.written))
                    continue
                }
                let granted = a.value.isWildcard
                    ? grantedRisks.value(for: a.value.written) { GrantedRisks(a.value, catalog: catalog, risks: risks) }
                    : GrantedRisks(a.value, catalog: catalog, risks: risks)
                if !allowsEverything { grants.append((a, granted, anyResource)) }
                if a.value.name == "*" {
                    out.append(serviceWildcard(a, granted, anyResource: anyResource))
                    continue
                }
                if anyResource, granted.grantsPassRole {
                    out.append(context.finding(FindingRules.passRoleAnyResource,
                        "\"\(a.value.written)\" allows iam:PassRole on every role: the holder can give any role in the account to a service, and act with that role's permissions",
                        at: a.location, fix: "set Resource to the ARNs of the roles the tool passes (and add an iam:PassedToService condition)", subject: a.value.written))
                }
                let credentials = granted.credentials
                if !credentials.isEmpty {
                    out.append(context.finding(FindingRules.credentialsExposure,
                        "\"\(a.value.written)\" allows \(list(credentials)), which return\(credentials.count == 1 ? "s" : "") credentials or secrets",
                        at: a.location, fix: "scope Resource to what the tool needs, or confirm it needs these credentials", subject: a.value.written))
                }
                guard anyResource else { continue }
                let data = granted.dataAccess
                if !data.isEmpty {
                    out.append(context.finding(FindingRules.dataAccessAnyResource,
                        "\"\(a.value.written)\" reads data (\(list(data))) on every resource: every bucket, table, secret or parameter in the account",
                        at: a.location, fix: "set Resource to the ARNs the tool reads", subject: a.value.written))
                }
                let permissions = granted.permissionsManagement
                if !permissions.isEmpty {
                    out.append(context.finding(FindingRules.permissionsManagementAnyResource,
                        "\"\(a.value.written)\" changes permissions (\(list(permissions))) on every resource",
                        at: a.location, fix: "set Resource to the ARNs the tool manages", subject: a.value.written))
                }
            }
        }
        if !allowsEverything { out += escalations(grants) }
        return out
    }

    private func serviceWildcard(_ a: Located<Action>, _ granted: GrantedRisks, anyResource: Bool) -> Diagnostic {
        let levels = granted.countByAccessLevel
        let serious = [AccessLevel.permissionsManagement, .write].compactMap { level in levels[level].map { "\($0) \(level.rawValue.lowercased())" } }
        let service = a.value.service
        return context.finding(FindingRules.serviceWildcard,
            "\"\(a.value.written)\" grants all \(granted.actionCount) actions of \(service)" + (serious.isEmpty ? "" : " (\(serious.joined(separator: ", ")))") + " and any it gains later" + (anyResource ? ", on every resource" : ""),
            at: a.location, fix: "list the \(service) actions the tool calls", subject: a.value.written)
    }

    /// Known privilege-escalation methods whose every action the policy allows
    /// on any resource of its kind. An action scoped to named resources
    /// (`iam:CreateAccessKey` on the caller's own user) does not count, except
    /// `iam:PassRole`: passing even one named role lends its permissions.
    /// Only the names some method needs are gathered: the others cannot
    /// complete a method.
    private func escalations(_ grants: [(action: Located<Action>, risks: GrantedRisks, broad: Bool)]) -> [Diagnostic] {
        var granted: Set<String> = []
        var firstGranting: [String: Located<Action>] = [:]
        for grant in grants {
            for name in grant.risks.escalationNames where (grant.broad || name == "iam:passrole") && granted.insert(name).inserted {
                firstGranting[name] = grant.action
            }
        }
        return risks.escalations(in: granted).compactMap { method in
            guard let key = method.actions.first, let a = firstGranting[key.lowercased()] else { return nil }
            return context.finding(FindingRules.privilegeEscalation,
                "the policy allows \(method.actions.joined(separator: " + ")): \(method.description) [\(method.id)]",
                at: a.location, fix: "remove one of these actions or scope its Resource tightly", subject: method.id)
        }
    }

    /// At most four names, then how many more.
    private func list(_ names: [String]) -> String {
        names.count <= 4 ? names.joined(separator: ", ") : names.prefix(4).joined(separator: ", ") + " and \(names.count - 4) more"
    }
}
