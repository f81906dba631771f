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

    /// Wildcards broader than any single check: reported once, as a whole.
    private static func isWholeService(_ a: Action) -> Bool {
        a.written == "*" || a.written == "*:*" || a.name == "*"
    }

    func findings() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let allows = context.policy.statements.filter(\.isAllow)
        var allowsEverything = false
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
                if a.value.name == "*" {
                    out.append(serviceWildcard(a, anyResource: anyResource))
                    continue
                }
                let granted = grantedNames(a.value)
                if anyResource, granted.contains("iam:passrole") {
                    out.append(context.finding(FindingRules.passRoleAnyResource,
                        "\"\(a.value.written)\" allows iam:PassRole on every role: the holder can give any role in the account to a service, and act with that role's permissions",
                        at: a.location, fix: "set Resource to the ARNs of the roles the tool passes (and add an iam:PassedToService condition)", subject: a.value.written))
                }
                let credentials = granted.compactMap { risks.credentialsExposure[$0] != nil ? canonical($0) : nil }.sorted()
                if !credentials.isEmpty {
                    out.append(context.finding(FindingRules.credentialsExposure,
                        "\"\(a.value.written)\" allows \(list(credentials)), which return\(credentials.count == 1 ? "s" : "") credentials or secrets",
                        at: a.location, fix: "scope Resource to what the tool needs, or confirm it needs these credentials", subject: a.value.written))
                }
                guard anyResource else { continue }
                let data = granted.compactMap { risks.dataAccess[$0] != nil ? canonical($0) : nil }.sorted()
                if !data.isEmpty {
                    out.append(context.finding(FindingRules.dataAccessAnyResource,
                        "\"\(a.value.written)\" reads data (\(list(data))) on every resource: every bucket, table, secret or parameter in the account",
                        at: a.location, fix: "set Resource to the ARNs the tool reads", subject: a.value.written))
                }
                let permissions = granted.compactMap { name -> String? in
                    guard let action = catalog.action(named: name), action.accessLevel == .permissionsManagement else { return nil }
                    return action.canonicalName
                }.sorted()
                if !permissions.isEmpty {
                    out.append(context.finding(FindingRules.permissionsManagementAnyResource,
                        "\"\(a.value.written)\" changes permissions (\(list(permissions))) on every resource",
                        at: a.location, fix: "set Resource to the ARNs the tool manages", subject: a.value.written))
                }
            }
        }
        if !allowsEverything { out += escalations(allows) }
        return out
    }

    private func serviceWildcard(_ a: Located<Action>, anyResource: Bool) -> Diagnostic {
        let actions = catalog.expand(a.value.written)
        var levels: [AccessLevel: Int] = [:]
        for action in actions { levels[action.accessLevel, default: 0] += 1 }
        let serious = [AccessLevel.permissionsManagement, .write].compactMap { level in levels[level].map { "\($0) \(level.rawValue.lowercased())" } }
        let service = a.value.service
        return context.finding(FindingRules.serviceWildcard,
            "\"\(a.value.written)\" grants all \(actions.count) actions of \(service)" + (serious.isEmpty ? "" : " (\(serious.joined(separator: ", ")))") + " and any it gains later" + (anyResource ? ", on every resource" : ""),
            at: a.location, fix: "list the \(service) actions the tool calls", subject: a.value.written)
    }

    /// Known privilege-escalation methods whose every action the policy allows
    /// on any resource of its kind. An action scoped to named resources
    /// (`iam:CreateAccessKey` on the caller's own user) does not count, except
    /// `iam:PassRole`: passing even one named role lends its permissions.
    private func escalations(_ allows: [Statement]) -> [Diagnostic] {
        var granted: Set<String> = []
        var firstGranting: [String: Located<Action>] = [:]
        for st in allows {
            let broad = st.notResources != nil || (st.resources ?? []).contains { ARNFormat.isBroad($0.value) }
            for a in st.actions ?? [] {
                for name in grantedNames(a.value) where (broad || name == "iam:passrole") && granted.insert(name).inserted {
                    firstGranting[name] = a
                }
            }
        }
        return risks.escalations(in: granted).compactMap { method in
            guard let key = method.actions.first, let a = firstGranting[key.lowercased()] else { return nil }
            return context.finding(FindingRules.privilegeEscalation,
                "the policy allows \(method.actions.joined(separator: " + ")): \(method.description) [\(method.id)]",
                at: a.location, fix: "remove one of these actions or scope its Resource tightly", subject: method.id)
        }
    }

    /// Lower-case canonical names an action as written allows.
    private func grantedNames(_ a: Action) -> [String] {
        if a.isWildcard { return catalog.expandedKeys(a.written) }
        return [a.key]
    }

    private func canonical(_ lowered: String) -> String {
        catalog.action(named: lowered)?.canonicalName ?? lowered
    }

    /// At most four names, then how many more.
    private func list(_ names: [String]) -> String {
        names.count <= 4 ? names.joined(separator: ", ") : names.prefix(4).joined(separator: ", ") + " and \(names.count - 4) more"
    }
}
