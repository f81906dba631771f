/// Checks every action and condition key of a policy against the action
/// catalog: unknown services and actions (with the closest names), names in
/// a case other than the canonical one, wildcards that match nothing, actions
/// written twice or already covered by a wildcard, and condition keys no
/// service of the statement knows.
import PermDocsCore

struct CatalogChecks {
    let context: PolicyCheckContext
    let catalog: ActionCatalog

    func findings() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let statements = context.policy.statements
        for st in statements {
            for a in (st.actions ?? []) + (st.notActions ?? []) { out += name(a) }
            out += duplicates(in: st)
            out += conditionKeys(st)
        }
        out += duplicatesAcrossStatements(statements)
        return out
    }

    // MARK: Names

    /// What the catalog says about one action as written.
    private func name(_ a: Located<Action>) -> [Diagnostic] {
        let written = a.value.written
        if written == "*" { return [] }
        guard let colon = written.firstIndex(of: ":") else {
            return [context.finding(FindingRules.unknownAction, "\"\(written)\" is not an action: actions are written service:Name, such as ec2:RunInstances",
                at: a.location, subject: written)]
        }
        let prefix = String(written[..<colon])
        if a.value.isWildcard {
            if !WildcardPattern.containsWildcard(prefix) && !catalog.serviceExists(prefix) { return [unknownService(prefix, a)] }
            if catalog.expand(written).isEmpty {
                return [context.finding(FindingRules.wildcardMatchesNothing, "\"\(written)\" matches no action of \(prefix.lowercased())",
                    at: a.location, fix: "check the spelling against the service's actions", subject: written)]
            }
            return []
        }
        guard catalog.serviceExists(prefix) else { return [unknownService(prefix, a)] }
        guard let action = catalog.action(named: written) else {
            let close = catalog.suggestions(for: written)
            let hint = close.isEmpty ? "" : "; did you mean \(close.map { "\"\($0)\"" }.joined(separator: " or "))?"
            return [context.finding(FindingRules.unknownAction, "\(prefix.lowercased()) has no action \"\(a.value.name)\"\(hint)",
                at: a.location, fix: close.first.map { "write \"\($0)\"" }, subject: written)]
        }
        if !action.isCanonicalName(written) {
            return [context.finding(FindingRules.actionCase, "\"\(written)\" is spelt \"\(action.canonicalName)\" in the catalog; IAM ignores case, but readers and tools compare names",
                at: a.location, fix: "write \"\(action.canonicalName)\"", subject: written)]
        }
        return []
    }

    private func unknownService(_ prefix: String, _ a: Located<Action>) -> Diagnostic {
        if let retired = catalog.retiredService(prefix) {
            return context.finding(FindingRules.unknownService,
                "\"\(prefix)\" in \"\(a.value.written)\" was \(retired.displayName), which is no longer in the catalog (last listed in \(retired.lastSeen)): AWS retired the service or its prefix",
                at: a.location, fix: "remove the actions of the retired service, or use its successor's", subject: a.value.written)
        }
        let close = catalog.serviceSuggestions(for: prefix)
        let hint = close.isEmpty ? "" : "; did you mean \(close.map { "\"\($0)\"" }.joined(separator: " or "))?"
        return context.finding(FindingRules.unknownService, "\"\(prefix)\" in \"\(a.value.written)\" is not an AWS service prefix\(hint)",
            at: a.location, fix: close.first.map { "check the service; \"\($0):\(a.value.name)\" may be meant" }, subject: a.value.written)
    }

    // MARK: Repeats and redundancy

    /// Actions named twice in one element, and actions a wildcard of the same element covers.
    private func duplicates(in st: Statement) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for list in [st.actions, st.notActions].compactMap({ $0 }) {
            var seen: [Action: SourceLocation] = [:]
            for a in list {
                if let first = seen[a.value] {
                    out.append(context.finding(FindingRules.duplicateAction, "\"\(a.value.written)\" is already listed at line \(first.line)",
                        at: a.location, fix: "remove this line", subject: a.value.written))
                } else {
                    seen[a.value] = a.location
                }
            }
            // Each wildcard's matcher is made once for the whole list.
            let patterns = list.filter { $0.value.isWildcard }.map { ($0, WildcardPattern($0.value.written)) }
            for a in list where !a.value.isWildcard {
                if let (cover, _) = patterns.first(where: { $0.1.matches(a.value.written) }) {
                    out.append(context.finding(FindingRules.redundantAction, "\"\(a.value.written)\" is already covered by \"\(cover.value.written)\" (line \(cover.location.line))",
                        at: a.location, fix: "remove it, or replace the wildcard with the actions it should allow", subject: a.value.written))
                }
            }
        }
        return out
    }

    /// The same action allowed (or denied) twice by statements that say the
    /// same of it: same effect, resources and conditions. Statements that
    /// differ in resource are how policies scope one action to several
    /// resources, and are left alone.
    private func duplicatesAcrossStatements(_ statements: [Statement]) -> [Diagnostic] {
        // An action repeated within one statement is `duplicates(in:)`'s.
        guard statements.count > 1 else { return [] }
        var out: [Diagnostic] = []
        var seen: [StatementMeaning: [Action: SourceLocation]] = [:]
        for st in statements {
            guard let actions = st.actions else { continue }
            let scope = st.scope
            var here: [Action: SourceLocation] = [:]
            for a in actions where here[a.value] == nil {
                here[a.value] = a.location
                if let first = seen[scope]?[a.value] {
                    out.append(context.finding(FindingRules.duplicateAction, "\"\(a.value.written)\" is already allowed on the same resources by the statement at line \(first.line)",
                        at: a.location, fix: "remove it from one of the statements", subject: a.value.written))
                }
            }
            seen[scope, default: [:]].merge(here) { first, _ in first }
        }
        return out
    }

    // MARK: Condition keys

    private func conditionKeys(_ st: Statement) -> [Diagnostic] {
        guard let clauses = st.conditions, !clauses.isEmpty else { return [] }
        let services = Set((st.actions ?? []).map(\.value.service)).filter { catalog.serviceExists($0) }
        var out: [Diagnostic] = []
        for clause in clauses {
            let key = clause.key.value
            guard let colon = key.firstIndex(of: ":") else {
                out.append(context.finding(FindingRules.unknownConditionKey, "condition key \"\(key)\" has no service prefix (such as aws: or s3:)", at: clause.key.location, subject: key))
                continue
            }
            let prefix = key[..<colon].lowercased()
            // Federation keys of trust policies name identity providers, not services.
            if context.isTrust && (prefix.contains(".") || prefix == "saml" || prefix == "cognito-identity") { continue }
            if catalog.isGlobalConditionKey(key) { continue }
            if services.contains(where: { catalog.isKnownConditionKey(key, forService: $0) }) { continue }
            if catalog.serviceExists(prefix) && catalog.isKnownConditionKey(key, forService: prefix) && (services.isEmpty || context.isTrust) { continue }
            let known = catalog.serviceExists(prefix) && catalog.isKnownConditionKey(key, forService: prefix)
            let message = known
                ? "condition key \"\(key)\" belongs to \(prefix), which no action of this statement is in; the condition never matches"
                : "condition key \"\(key)\" is neither a global key nor one of \(prefix)'s keys"
            out.append(context.finding(FindingRules.unknownConditionKey, message, at: clause.key.location, subject: key))
        }
        return out
    }
}
