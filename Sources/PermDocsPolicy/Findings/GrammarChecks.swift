/// Checks a policy against the IAM policy grammar, on the JSON as written
/// (the model leaves out what it cannot read, so the grammar works on nodes):
/// element names and places, value types, Version, Statement, Sid, Effect,
/// Action/NotAction, Resource/NotResource, Principal, Condition, ARNs.
/// What a block is decides some rules: a trust policy needs a Principal and
/// has no Resource; an excerpt has no Version or Statement wrapper.
import PermDocsCore

struct GrammarChecks {
    let context: PolicyCheckContext

    static let policyElements = ["Version", "Id", "Statement"]
    static let statementElements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]
    static let principalKinds = ["AWS", "Service", "Federated", "CanonicalUser"]

    func findings() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let root = context.policy.node
        out += duplicateKeys(in: root)
        switch context.policy.shape {
        case .document:
            out += documentElements(root)
            if let list = root["Statement"]?.elements {
                out += list.flatMap { statement($0) }
            } else if let single = root["Statement"], single.members != nil {
                out += statement(single)
            }
        case .bareStatement:
            out += statement(root)
        case .statementList:
            out += (root.elements ?? []).flatMap { statement($0) }
        }
        out += duplicateSids()
        return out
    }

    private func at(_ offset: Int) -> SourceLocation { context.location(offset) }

    // MARK: JSON

    /// Every object key written twice; IAM keeps only the last.
    private func duplicateKeys(in node: JSONNode) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var stack = [node]
        while let n = stack.popLast() {
            if let members = n.members {
                // A policy's objects hold a handful of keys: looking back
                // through them costs less than hashing each into a
                // dictionary, which only a large object needs.
                // Members are read in place by index: copying each one
                // retained its key and value.
                var seen: [String: Int] = [:]
                for i in members.indices {
                    var first: Int?
                    if members.count <= 16 {
                        var j = 0
                        while j < i && members[j].key != members[i].key { j += 1 }
                        if j < i { first = members[j].keyOffset }
                    } else {
                        first = seen[members[i].key]
                        if first == nil { seen[members[i].key] = members[i].keyOffset }
                    }
                    if let first {
                        let m = members[i]
                        let line = at(first).line
                        out.append(context.finding(FindingRules.duplicateKey,
                            "duplicate key \"\(m.key)\" (first at line \(line)); only one of them takes effect",
                            at: at(m.keyOffset), fix: "merge the two \"\(m.key)\" values into one", subject: m.key))
                    }
                    stack.append(members[i].value)
                }
            } else if let elements = n.elements {
                stack.append(contentsOf: elements.reversed())
            }
        }
        return out.sorted { $0.location < $1.location }
    }

    // MARK: Policy level

    private func documentElements(_ root: JSONNode) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for m in root.members ?? [] where !Self.policyElements.contains(m.key) {
            out.append(unknownElement(m, expected: Self.policyElements, otherPlace: Self.statementElements, otherPlaceName: "a statement"))
        }
        if let version = root["Version"] {
            if let v = version.stringValue {
                if v == "2008-10-17" {
                    out.append(context.finding(FindingRules.oldVersion, "Version 2008-10-17 is the old policy language: policy variables such as ${aws:username} are not replaced",
                        at: at(version.offset), fix: "use \"Version\": \"2012-10-17\"", subject: v))
                } else if v != "2012-10-17" {
                    out.append(context.finding(FindingRules.invalidVersion, "Version \"\(v)\" is not a policy language version",
                        at: at(version.offset), fix: "use \"Version\": \"2012-10-17\"", subject: v))
                }
            } else {
                out.append(wrongType(version, element: "Version", expected: "a string"))
            }
        } else {
            out.append(context.finding(FindingRules.missingVersion, "policy has no Version, so IAM reads it as 2008-10-17, without policy variables",
                at: at(root.offset), fix: "add \"Version\": \"2012-10-17\""))
        }
        if let id = root["Id"], id.stringValue == nil {
            out.append(wrongType(id, element: "Id", expected: "a string"))
        }
        if let statement = root["Statement"] {
            if let list = statement.elements {
                if list.isEmpty {
                    out.append(context.finding(FindingRules.missingStatement, "Statement is empty: the policy grants nothing", at: at(statement.offset)))
                }
                for e in list where e.members == nil {
                    out.append(wrongType(e, element: "a Statement entry", expected: "an object"))
                }
            } else if statement.members == nil {
                out.append(wrongType(statement, element: "Statement", expected: "an object or an array of objects"))
            }
        } else {
            out.append(context.finding(FindingRules.missingStatement, "policy has no Statement", at: at(root.offset), fix: "add \"Statement\": [ … ]"))
        }
        return out
    }

    // MARK: Statement level

    private func statement(_ node: JSONNode) -> [Diagnostic] {
        guard let members = node.members else { return [] }
        var out: [Diagnostic] = []
        let keys = Set(members.map(\.key))
        for m in members where !Self.statementElements.contains(m.key) {
            out.append(unknownElement(m, expected: Self.statementElements, otherPlace: Self.policyElements, otherPlaceName: "the policy"))
        }
        let here = at(node.offset)

        if let sid = node["Sid"] {
            if let s = sid.stringValue {
                // IAM (identity and trust policies) takes letters and digits only;
                // services differ for resource policies (S3 allows spaces), and
                // an excerpt may be either.
                if context.block.kind != .resource && context.block.kind != .excerpt && !s.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
                    let cleaned = String(s.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
                    out.append(context.finding(FindingRules.invalidSid, "Sid \"\(s)\" may hold only ASCII letters and digits",
                        at: at(sid.offset), fix: cleaned.isEmpty ? nil : "write \"\(cleaned)\"", subject: s))
                }
            } else {
                out.append(wrongType(sid, element: "Sid", expected: "a string"))
            }
        }

        if let effect = node["Effect"] {
            if let e = effect.stringValue {
                if e != "Allow" && e != "Deny" {
                    let fixed = e.lowercased() == "allow" ? "Allow" : e.lowercased() == "deny" ? "Deny" : nil
                    out.append(context.finding(FindingRules.invalidEffect, "Effect \"\(e)\" must be exactly Allow or Deny",
                        at: at(effect.offset), fix: fixed.map { "write \"\($0)\"" }, subject: e))
                }
            } else {
                out.append(wrongType(effect, element: "Effect", expected: "a string"))
            }
        } else {
            out.append(context.finding(FindingRules.invalidEffect, "statement has no Effect", at: here, fix: "add \"Effect\": \"Allow\""))
        }

        switch (keys.contains("Action"), keys.contains("NotAction")) {
        case (true, true):
            out.append(context.finding(FindingRules.actionElement, "statement has both Action and NotAction", at: at(members.first { $0.key == "NotAction" }!.keyOffset), fix: "keep one of them"))
        case (false, false):
            out.append(context.finding(FindingRules.actionElement, "statement has neither Action nor NotAction", at: here, fix: "add \"Action\": [ … ]"))
        default: break
        }
        for name in ["Action", "NotAction", "Resource", "NotResource"] {
            if let value = node[name] { out += stringList(value, element: name) }
        }

        let hasResource = keys.contains("Resource"), hasNotResource = keys.contains("NotResource")
        if context.isTrust {
            for m in members where m.key == "Resource" || m.key == "NotResource" {
                out.append(context.finding(FindingRules.resourceElement, "a trust policy takes no \(m.key): the role it is attached to is the resource",
                    at: at(m.keyOffset), fix: "remove \"\(m.key)\""))
            }
        } else if hasResource && hasNotResource {
            out.append(context.finding(FindingRules.resourceElement, "statement has both Resource and NotResource", at: at(members.first { $0.key == "NotResource" }!.keyOffset), fix: "keep one of them"))
        } else if !hasResource && !hasNotResource {
            out.append(context.finding(FindingRules.resourceElement, "statement has neither Resource nor NotResource", at: here, fix: "add \"Resource\" with the ARNs the actions apply to"))
        }
        for resources in [node["Resource"], node["NotResource"]].compactMap({ $0 }) where !context.isTrust {
            for value in resources.elements ?? [resources] {
                guard let s = value.stringValue, let problem = ARNFormat.problem(in: s) else { continue }
                out.append(context.finding(FindingRules.invalidARN, "\"\(s)\": \(problem)", at: at(value.offset), subject: s))
            }
        }

        let principals = members.filter { $0.key == "Principal" || $0.key == "NotPrincipal" }
        // NotPrincipal: only with Deny, never beside Principal, never in a trust policy.
        if let notPrincipal = members.first(where: { $0.key == "NotPrincipal" }) {
            if keys.contains("Principal") {
                out.append(context.finding(FindingRules.principalElement, "statement has both Principal and NotPrincipal", at: at(notPrincipal.keyOffset), fix: "keep one of them"))
            } else if context.isTrust {
                out.append(context.finding(FindingRules.principalElement, "a trust policy cannot use NotPrincipal", at: at(notPrincipal.keyOffset), fix: "name the principals that may assume the role with Principal"))
            } else if node["Effect"]?.stringValue == "Allow" {
                out.append(context.finding(FindingRules.principalElement, "NotPrincipal with Allow grants access to everyone except the named principals; IAM accepts NotPrincipal only with Deny",
                    at: at(notPrincipal.keyOffset), fix: "use Principal to name who is allowed"))
            }
        }
        if context.block.kind == .excerpt {
            // A statement on its own may come from any kind of policy.
        } else if context.block.kind == .resource {
            for p in principals { out += principal(p.value, element: p.key) }
            if principals.isEmpty {
                out.append(context.finding(FindingRules.principalElement, "a resource policy statement needs a Principal: who it applies to", at: here, fix: "add \"Principal\""))
            }
        } else if context.isTrust {
            if principals.isEmpty {
                out.append(context.finding(FindingRules.principalElement, "a trust policy statement needs a Principal: who may assume the role", at: here, fix: "add \"Principal\": {\"Service\": \"….amazonaws.com\"}"))
            }
            for p in principals { out += principal(p.value, element: p.key) }
        } else {
            for p in principals {
                out.append(context.finding(FindingRules.principalElement, "\(p.key) has no place in an identity policy: the principal is whoever the policy is attached to",
                    at: at(p.keyOffset), fix: "remove \"\(p.key)\", or attach this as a trust or resource policy"))
            }
        }

        if let condition = node["Condition"] { out += self.condition(condition) }
        return out
    }

    private func stringList(_ node: JSONNode, element: String, rule: FindingRule? = nil) -> [Diagnostic] {
        if node.stringValue != nil { return [] }
        guard let list = node.elements else { return [wrongType(node, element: element, expected: "a string or an array of strings")] }
        if list.isEmpty {
            let rule = rule ?? (element.hasSuffix("Action") ? FindingRules.actionElement : FindingRules.resourceElement)
            return [context.finding(rule, "\(element) is an empty list", at: at(node.offset))]
        }
        return list.filter { $0.stringValue == nil }.map { wrongType($0, element: "an entry of \(element)", expected: "a string") }
    }

    private func principal(_ node: JSONNode, element: String) -> [Diagnostic] {
        if node.stringValue == "*" { return [] }
        guard let members = node.members else { return [wrongType(node, element: element, expected: "\"*\" or an object such as {\"Service\": …}")] }
        var out: [Diagnostic] = []
        for m in members {
            if !Self.principalKinds.contains(m.key) {
                out.append(unknownElement(m, expected: Self.principalKinds, otherPlace: [], otherPlaceName: ""))
            }
            out += stringList(m.value, element: "\(element) \(m.key)", rule: FindingRules.principalElement)
        }
        return out
    }

    private func condition(_ node: JSONNode) -> [Diagnostic] {
        guard let operators = node.members else { return [wrongType(node, element: "Condition", expected: "an object of operators")] }
        if operators.isEmpty {
            return [context.finding(FindingRules.emptyCondition, "Condition is empty: it tests nothing", at: at(node.offset), fix: "remove \"Condition\": {}")]
        }
        var out: [Diagnostic] = []
        for op in operators {
            if !ConditionOperator.isValid(op.key) {
                let suggestion = ConditionOperator.suggestion(for: op.key)
                out.append(context.finding(FindingRules.unknownConditionOperator,
                    "unknown condition operator \"\(op.key)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ""),
                    at: at(op.keyOffset), fix: suggestion.map { "write \"\($0)\"" }, subject: op.key))
            }
            guard let keys = op.value.members else {
                out.append(wrongType(op.value, element: "operator \(op.key)", expected: "an object of condition keys"))
                continue
            }
            if keys.isEmpty {
                out.append(context.finding(FindingRules.emptyCondition, "operator \(op.key) has no condition keys", at: at(op.value.offset), fix: "remove \"\(op.key)\": {}"))
            }
            for key in keys {
                for value in key.value.elements ?? [key.value] where value.members != nil || value.elements != nil {
                    out.append(wrongType(value, element: "a value of condition key \(key.key)", expected: "a string, number or boolean"))
                }
            }
            var seen: [String: JSONMember] = [:]
            for key in keys {
                let lowered = key.key.lowercased()
                if let first = seen[lowered], first.key != key.key {
                    out.append(context.finding(FindingRules.duplicateConditionKey,
                        "condition key \"\(key.key)\" repeats \"\(first.key)\" (line \(at(first.keyOffset).line)) in another case; condition keys are case-insensitive, so both test the same key",
                        at: at(key.keyOffset), fix: "merge the two into one key", subject: key.key))
                } else if seen[lowered] == nil {
                    seen[lowered] = key
                }
            }
        }
        return out
    }

    // MARK: Sids across the policy

    private func duplicateSids() -> [Diagnostic] {
        var seen: [String: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for st in context.policy.statements {
            guard let sid = st.sid, !sid.value.isEmpty else { continue }
            if let first = seen[sid.value] {
                out.append(context.finding(FindingRules.duplicateSid, "Sid \"\(sid.value)\" is already used by the statement at line \(first.line)",
                    at: sid.location, fix: "give each statement its own Sid", subject: sid.value))
            } else {
                seen[sid.value] = sid.location
            }
        }
        return out
    }

    // MARK: Helpers

    private func unknownElement(_ m: JSONMember, expected: [String], otherPlace: [String], otherPlaceName: String) -> Diagnostic {
        if let right = expected.first(where: { $0.lowercased() == m.key.lowercased() }) {
            return context.finding(FindingRules.unknownElement, "unknown element \"\(m.key)\"; element names are case-sensitive: did you mean \"\(right)\"?",
                at: at(m.keyOffset), fix: "write \"\(right)\"", subject: m.key)
        }
        if otherPlace.contains(m.key) {
            return context.finding(FindingRules.unknownElement, "\"\(m.key)\" belongs in \(otherPlaceName), not here",
                at: at(m.keyOffset), fix: "move \"\(m.key)\" into \(otherPlaceName)", subject: m.key)
        }
        let close = expected.first { editDistance(Array($0.lowercased().utf8), Array(m.key.lowercased().utf8), limit: 2) <= 2 }
        return context.finding(FindingRules.unknownElement,
            "unknown element \"\(m.key)\"" + (close.map { "; did you mean \"\($0)\"?" } ?? " (expected one of \(expected.joined(separator: ", ")))"),
            at: at(m.keyOffset), fix: close.map { "write \"\($0)\"" }, subject: m.key)
    }

    private func wrongType(_ node: JSONNode, element: String, expected: String) -> Diagnostic {
        context.finding(FindingRules.invalidElementType, "\(element) must be \(expected), not \(node.kindName)", at: at(node.offset))
    }
}
