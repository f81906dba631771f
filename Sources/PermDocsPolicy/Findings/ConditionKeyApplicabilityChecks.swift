/// `condition-key-not-applicable`, kept narrow: an Allow statement tests a
/// service's own condition key (not an `aws:` or other global key) with an
/// operator that is false when the key is absent, and one of its actions
/// does not support the key, so that action is never allowed.
///
/// False positives are worse than misses, and the catalog's lists of keys
/// per action are incomplete (AWS's own guides use `kms:ResourceAliases`,
/// `s3:DataAccessPointAccount` or `rds:db-tag/…` on actions that do not list
/// them), so it fires only when the statement mixes actions that support the
/// key with actions that do not (`s3:prefix` on `s3:ListBucket` and
/// `s3:GetObject`), every action is named (no wildcard, no NotAction) and
/// known to the catalog, the key is one its service documents and holds no
/// `/` (tag keys), and the operator is not
/// `…IfExists`, `Null`, a negated one (`StringNotEquals`, true when the key
/// is absent) or `ForAllValues:…` (also true when it is absent).
import PermDocsCore

struct ConditionKeyApplicabilityChecks {
    let context: PolicyCheckContext
    let catalog: ActionCatalog

    func findings() -> [Diagnostic] {
        context.policy.statements.flatMap(statement)
    }

    private func statement(_ st: Statement) -> [Diagnostic] {
        guard st.isAllow, st.notActions == nil, let clauses = st.conditions, !clauses.isEmpty,
              let written = st.actions, !written.isEmpty, !written.contains(where: { $0.value.isWildcard }) else { return [] }
        // The clauses that can fire come first: most conditions test global
        // keys, and then no action need be looked up.
        let tested = clauses.filter(isServiceKeyTest)
        guard !tested.isEmpty else { return [] }
        var actions: [CatalogAction] = []
        var seen = Set<String>()
        for a in written {
            guard let action = catalog.action(named: a.value.written) else { return [] }
            // The catalog looks names up ignoring case, so one lower-case
            // name is one action: no need to compare whole actions.
            if seen.insert(a.value.key).inserted { actions.append(action) }
        }
        var out: [Diagnostic] = []
        for clause in tested {
            let key = clause.key.value
            var supporting: [String] = [], unsupported: [String] = []
            for action in actions {
                if action.supportsConditionKey(key) {
                    supporting.append(action.canonicalName)
                } else {
                    unsupported.append(action.canonicalName)
                }
            }
            guard !unsupported.isEmpty, !supporting.isEmpty else { continue }
            let names = unsupported.count == 1 ? unsupported[0] : "\(unsupported.dropLast().joined(separator: ", ")) and \(unsupported.last!)"
            out.append(context.finding(FindingRules.conditionKeyNotApplicable,
                "unlike \(supporting.joined(separator: ", ")), \(names) \(unsupported.count == 1 ? "does" : "do") not support condition key \"\(key)\": its request has no such key, so \(clause.conditionOperator.value) is false and \(unsupported.count == 1 ? "that action is" : "those actions are") never allowed",
                at: clause.key.location,
                fix: "move \(unsupported.count == 1 ? "it" : "them") to a statement without this condition, or use \(clause.conditionOperator.value)IfExists",
                subject: key))
        }
        return out
    }

    /// Whether a clause is one the rule judges: an operator false when the
    /// key is absent, on a key its service documents (no global key, no tag
    /// key with `/`).
    private func isServiceKeyTest(_ clause: ConditionClause) -> Bool {
        guard Self.isFalseWhenKeyIsAbsent(clause.conditionOperator.value) else { return false }
        let key = clause.key.value
        guard let colon = key.firstIndex(of: ":"), !catalog.isGlobalConditionKey(key) else { return false }
        let prefix = String(key[..<colon])
        return !key.contains("/") && catalog.serviceExists(prefix) && catalog.isKnownConditionKey(key, forService: prefix)
    }

    /// Operators that evaluate to false when the request lacks the key.
    static func isFalseWhenKeyIsAbsent(_ op: String) -> Bool {
        !op.hasSuffix("IfExists") && op != "Null" && !op.contains("Not") && !op.hasPrefix("ForAllValues:")
    }
}
