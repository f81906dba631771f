import Foundation
import PermDocsPolicy

/// Recognises JSON that has a policy's shape but is not an AWS IAM policy:
/// another cloud's IAM (its own `Version` and resource names), a CloudFormation
/// stack policy (`Update:` actions on `LogicalResourceId/` resources), a
/// CloudWatch Logs data-protection policy or a WAF rule (statements without an
/// Effect, made of other elements), or an API response that holds a policy as
/// a string. Such blocks are shown but never checked against the AWS catalog:
/// checked, they would be reported as a page of false errors.
public enum NotAWSPolicy {
    /// The Version strings of AWS policy languages are dates (IAM's
    /// `2012-10-17` and `2008-10-17`); other clouds write `1`, `2.0`, `v1`.
    static let awsVersion = try! NSRegularExpression(pattern: #"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$"#)
    /// The elements an IAM statement may have; a statement made only of others
    /// (`DataIdentifier`, `Operation`, `GeoMatchStatement`) is another language's.
    static let statementElements: Set<String> = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]
    /// A resource name in another cloud's ARN-like form (`acs:oss:*:…`, `qcs::cos:…`).
    static let foreignResourceName = try! NSRegularExpression(pattern: #"^[a-z]{2,8}:[a-z0-9-]*:"#)
    /// Marks of a CloudFormation stack policy in text that may not even parse.
    static let stackPolicyText = try! NSRegularExpression(pattern: #""(Update:[A-Za-z*]+|LogicalResourceId/)"#)

    /// Why `policy` is not an AWS IAM policy, or nil when it may be one.
    /// `isAWSService` tells a known service prefix (case-insensitive); nil when
    /// no catalog is at hand.
    public static func reason(_ policy: Policy, isAWSService: ((String) -> Bool)? = nil) -> String? {
        let root = policy.node
        if policy.shape == .document {
            if let version = root["Version"]?.stringValue, !matches(awsVersion, version) {
                return "its Version \"\(version)\" is not an AWS policy version"
            }
            if let statement = root["Statement"], statement.stringValue != nil {
                return "its Statement is a string (a policy quoted inside other JSON)"
            }
        }
        let statements = policy.statements
        if !statements.isEmpty && statements.allSatisfy({ st in
            let keys = Set(st.node.members?.map(\.key) ?? [])
            return !keys.contains("Effect") && !keys.isSubset(of: statementElements)
        }) {
            return "its statements have no Effect and other elements than IAM's"
        }
        if statements.contains(where: { $0.node["Action"]?.members != nil }) && !statements.contains(where: { $0.actions?.isEmpty == false }) {
            return "its Action is an object, which no IAM statement has"
        }
        let actions = statements.flatMap { ($0.actions ?? []) + ($0.notActions ?? []) }.map(\.value)
        let resources = statements.flatMap { ($0.resources ?? []) + ($0.notResources ?? []) }.map(\.value)
        if !actions.isEmpty && actions.allSatisfy({ $0.written.hasPrefix("Update:") }) || !resources.isEmpty && resources.allSatisfy({ $0.hasPrefix("LogicalResourceId/") }) {
            return "it is a CloudFormation stack policy"
        }
        if !resources.isEmpty && resources.allSatisfy({ matches(foreignResourceName, $0) && !$0.hasPrefix("arn:") }),
           let isAWSService, !actions.contains(where: { isAWSService($0.service) }) {
            return "its resources and actions are another cloud's"
        }
        return nil
    }

    /// Why text that did not parse is not meant as an AWS IAM policy, or nil.
    public static func reason(unparsed text: String) -> String? {
        matches(stackPolicyText, text) ? "it is a CloudFormation stack policy" : nil
    }

    static func matches(_ re: NSRegularExpression, _ text: String) -> Bool {
        re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
