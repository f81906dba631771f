/// Turns a parsed JSON node into the policy model, leniently: elements of the
/// wrong type are left out of the model (the raw node keeps them for validation)
/// rather than rejecting the block, so one bad value never hides a policy.
import PermDocsCore

public struct PolicyParser {
    /// Maps a scalar offset of the JSON text to where it stands in the guide.
    public var locate: (Int) -> SourceLocation

    public init(locate: @escaping (Int) -> SourceLocation) {
        self.locate = locate
    }

    /// True when the JSON has the shape of a policy or of policy statements:
    /// an object with `Statement`, a statement object (`Effect` with an action
    /// element), or an array of statement objects.
    public static func looksLikePolicy(_ node: JSONNode) -> Bool {
        switch node.value {
        case .object(let members):
            let keys = Set(members.map(\.key))
            if keys.contains("Statement") { return true }
            return isStatementKeys(keys)
        case .array(let elements):
            guard !elements.isEmpty else { return false }
            return elements.allSatisfy { e in e.members.map { isStatementKeys(Set($0.map(\.key))) } ?? false }
        default:
            return false
        }
    }

    /// True when the node is one statement object: `Effect` with an action,
    /// principal or resource element.
    public static func looksLikeStatement(_ node: JSONNode) -> Bool {
        node.members.map { isStatementKeys(Set($0.map(\.key))) } ?? false
    }

    private static func isStatementKeys(_ keys: Set<String>) -> Bool {
        keys.contains("Effect") && !keys.isDisjoint(with: ["Action", "NotAction", "Principal", "NotPrincipal", "Resource", "NotResource"])
    }

    /// The policy the node holds, or nil when it does not look like one.
    public func policy(from node: JSONNode) -> Policy? {
        guard Self.looksLikePolicy(node) else { return nil }
        switch node.value {
        case .array(let elements):
            return Policy(shape: .statementList, statements: elements.map(statement), node: node)
        case .object(let members):
            if let statementNode = node["Statement"] {
                var statements: [Statement] = []
                if let list = statementNode.elements {
                    statements = list.filter { $0.members != nil }.map(statement)
                } else if statementNode.members != nil {
                    statements = [statement(statementNode)]
                }
                return Policy(
                    shape: .document,
                    version: located(string: members.first { $0.key == "Version" }?.value),
                    id: located(string: members.first { $0.key == "Id" }?.value),
                    statements: statements,
                    node: node
                )
            }
            return Policy(shape: .bareStatement, statements: [statement(node)], node: node)
        default:
            return nil
        }
    }

    private func located(string node: JSONNode?) -> Located<String>? {
        guard let node, let s = node.stringValue else { return nil }
        return Located(s, at: locate(node.offset))
    }

    /// A string or an array of strings; other elements are skipped.
    private func strings(_ node: JSONNode?) -> [Located<String>]? {
        guard let node else { return nil }
        if let s = node.stringValue { return [Located(s, at: locate(node.offset))] }
        if let list = node.elements { return list.compactMap { located(string: $0) } }
        return []
    }

    private func statement(_ node: JSONNode) -> Statement {
        var st = Statement(location: locate(node.offset), node: node)
        guard let members = node.members else { return st }
        func first(_ key: String) -> JSONNode? { members.first { $0.key == key }?.value }
        st.sid = located(string: first("Sid"))
        if let e = located(string: first("Effect")) { st.effect = Located(Effect(e.value), at: e.location) }
        st.actions = strings(first("Action"))?.map { Located(Action($0.value), at: $0.location) }
        st.notActions = strings(first("NotAction"))?.map { Located(Action($0.value), at: $0.location) }
        st.resources = strings(first("Resource"))
        st.notResources = strings(first("NotResource"))
        st.principal = first("Principal").map(principal)
        st.notPrincipal = first("NotPrincipal").map(principal)
        if let c = first("Condition") { st.conditions = conditions(c) }
        return st
    }

    private func principal(_ node: JSONNode) -> Located<Principal> {
        var p = Principal()
        if node.stringValue == "*" { p.isEveryone = true }
        for m in node.members ?? [] {
            p.entries.append(Principal.Entry(kind: Located(m.key, at: locate(m.keyOffset)), values: strings(m.value) ?? []))
        }
        return Located(p, at: locate(node.offset))
    }

    private func conditions(_ node: JSONNode) -> [ConditionClause] {
        var clauses: [ConditionClause] = []
        for op in node.members ?? [] {
            for key in op.value.members ?? [] {
                var values: [Located<String>] = []
                let valueNodes = key.value.elements ?? [key.value]
                for v in valueNodes {
                    switch v.value {
                    case .string(let s): values.append(Located(s, at: locate(v.offset)))
                    case .number(let n): values.append(Located(n, at: locate(v.offset)))
                    case .bool(let b): values.append(Located(b ? "true" : "false", at: locate(v.offset)))
                    default: break
                    }
                }
                clauses.append(ConditionClause(
                    conditionOperator: Located(op.key, at: locate(op.keyOffset)),
                    key: Located(key.key, at: locate(key.keyOffset)),
                    values: values))
            }
        }
        return clauses
    }
}
