/// The shape of an ARN as IAM checks it in a Resource element:
/// `arn:partition:service:region:account:resource`, where the resource part
/// may itself hold colons, and any part may hold wildcards or policy variables.
enum ARNFormat {
    static let partitions: Set<String> = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]

    /// Why `value` is not a valid Resource value, or nil when it is.
    static func problem(in value: String) -> String? {
        if value == "*" { return nil }
        guard value.hasPrefix("arn:") else {
            if value.lowercased().hasPrefix("arn:") { return "an ARN starts with lower-case 'arn:'" }
            return "a resource must be \"*\" or an ARN (arn:partition:service:region:account:resource)"
        }
        let fields = self.fields(value)
        guard fields.count == 6 else {
            return "an ARN has six colon-separated fields (arn:partition:service:region:account:resource); this one has \(fields.count)"
        }
        let partition = String(fields[1])
        if !isPattern(partition) && !partitions.contains(partition) {
            return "'\(partition)' is not an AWS partition (aws, aws-cn, aws-us-gov, …)"
        }
        let service = String(fields[2])
        if service.isEmpty { return "the ARN has no service" }
        if !isPattern(service) && !service.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            if service.lowercased() != service && service.lowercased().unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                return "the service in an ARN is written in lower case ('\(service.lowercased())', not '\(service)')"
            }
            return "'\(service)' is not a service prefix: letters, digits and hyphens only"
        }
        if fields[5].isEmpty { return "the ARN has no resource part" }
        return nil
    }

    /// True when a Resource value reaches every resource of its kind: `*`, or an
    /// ARN whose resource part is `*`, `*/*` or `type/*` (`role/*`: every role).
    /// An S3 `bucket/*` names one bucket's objects, so only `*…` counts there.
    static func isBroad(_ value: String) -> Bool {
        if value == "*" { return true }
        guard value.hasPrefix("arn:") else { return false }
        let fields = self.fields(value)
        guard fields.count == 6 else { return false }
        let resource = fields[5]
        if resource == "*" || resource == "*/*" { return true }
        guard resource.hasSuffix("/*"), fields[2] != "s3" else { return false }
        let type = resource.dropLast(2)
        return !type.isEmpty && type.allSatisfy { $0.isLetter || $0 == "-" || $0 == "_" }
    }

    /// The colon-separated fields of an ARN, at most six (the resource part
    /// keeps its colons). A policy variable (`${aws:partition}`) may hold
    /// colons of its own, so variables are emptied first.
    private static func fields(_ value: String) -> [Substring] {
        withoutVariables(value).split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    }

    /// `value` with each `${…}` replaced by `${}`, so that only its own colons split it.
    private static func withoutVariables(_ value: String) -> String {
        // Most values hold no variable, and are their own answer.
        guard value.containsDollarBrace else { return value }
        var out = ""
        var depth = 0
        var previous: Character = " "
        for c in value {
            if depth > 0 {
                if c == "}" { depth = 0; out += "}" }
            } else {
                out.append(c)
                if c == "{" && previous == "$" { depth = 1 }
            }
            previous = c
        }
        return out
    }

    /// Wildcards and policy variables may stand in for any field.
    /// ASCII is searched as bytes; in other text a `*` may begin a longer character.
    private static func isPattern(_ field: String) -> Bool {
        guard field.utf8.allSatisfy({ $0 < 0x80 }) else { return field.contains("*") || field.contains("?") || field.contains("${") }
        return field.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } || field.containsDollarBrace
    }
}
