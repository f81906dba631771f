/// IAM condition operators: the base names, the `IfExists` suffix and the
/// `ForAllValues:` / `ForAnyValue:` set qualifiers.
import PermDocsCore

enum ConditionOperator {
    static let baseNames: Set<String> = [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
        "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
        "Null",
    ]

    /// True when `name` is an operator IAM accepts. Operator names are
    /// case-sensitive; `Null` takes no `IfExists`.
    static func isValid(_ name: String) -> Bool {
        var base = Substring(name)
        // At most one set qualifier.
        if let qualifier = ["ForAllValues:", "ForAnyValue:"].first(where: { base.hasPrefix($0) }) {
            base = base.dropFirst(qualifier.count)
        }
        if base.hasSuffix("IfExists") {
            base = base.dropLast("IfExists".count)
            if base == "Null" { return false }
        }
        return baseNames.contains(String(base))
    }

    /// The valid operator spelt like `name` ignoring case, for a "did you mean".
    static func suggestion(for name: String) -> String? {
        let lowered = name.lowercased()
        for base in baseNames.sorted() {
            for candidate in [base, base + "IfExists", "ForAllValues:" + base, "ForAnyValue:" + base] where candidate.lowercased() == lowered {
                return isValid(candidate) ? candidate : nil
            }
        }
        return nil
    }
}
