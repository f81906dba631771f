/// `invalid-account-id`: an AWS account id is twelve digits. Checks the
/// account field of every ARN in Resource and NotResource, and every AWS
/// principal (`"AWS": "123456789012"` or an ARN). Only ids written with
/// digits (and dashes) are judged: a placeholder (`ACCOUNT_ID`, `${Account}`,
/// `<account>`), a wildcard, `aws` (AWS managed policies) or an empty field
/// is left alone.
import PermDocsCore

struct AccountIDChecks {
    let context: PolicyCheckContext

    func findings() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for st in context.policy.statements {
            for value in (st.resources ?? []) + (st.notResources ?? []) {
                out += check(value, account: Self.arnAccount(value.value))
            }
            for principal in [st.principal, st.notPrincipal].compactMap({ $0 }) {
                for entry in principal.value.entries where entry.kind.value == "AWS" {
                    for value in entry.values {
                        out += check(value, account: value.value.hasPrefix("arn:") ? Self.arnAccount(value.value) : value.value)
                    }
                }
            }
        }
        return out
    }

    private func check(_ value: Located<String>, account: String?) -> [Diagnostic] {
        guard let account, let problem = Self.problem(account) else { return [] }
        return [context.finding(FindingRules.invalidAccountID, "\"\(account)\" in \"\(value.value)\" \(problem)",
            at: value.location, fix: "write the twelve-digit account id", subject: value.value)]
    }

    /// Why `account` is not an account id, when it is written as one.
    static func problem(_ account: String) -> String? {
        guard !account.isEmpty, account.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
              account.contains(where: \.isNumber) else { return nil }
        let digits = account.filter(\.isNumber)
        if account.contains("-") {
            return digits.count == 12
                ? "is an account id written with dashes; ARNs and principals take the twelve digits alone"
                : "is not an account id: it has \(digits.count) digits and dashes, not twelve digits"
        }
        return digits.count == 12 ? nil : "is not an account id: it has \(digits.count) digits, not twelve"
    }

    /// The account field (fifth) of an ARN, or nil.
    static func arnAccount(_ arn: String) -> String? {
        guard arn.hasPrefix("arn:"), !arn.containsDollarBrace else { return nil }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 ? String(parts[4]) : nil
    }
}
