/// Names one block across the site.
public struct BlockReference: Hashable, Comparable, Sendable {
    public var toolSlug: String
    public var pageID: String
    public var anchor: String

    public init(toolSlug: String, pageID: String, anchor: String) {
        self.toolSlug = toolSlug
        self.pageID = pageID
        self.anchor = anchor
    }

    public static func < (a: BlockReference, b: BlockReference) -> Bool {
        (a.toolSlug, a.pageID, a.anchorNumber, a.anchor) < (b.toolSlug, b.pageID, b.anchorNumber, b.anchor)
    }

    private var anchorNumber: Int { Int(anchor.split(separator: "-").last ?? "") ?? 0 }
}

/// What the block is for, decided from its JSON and its context.
public enum BlockKind: String, Hashable, Sendable, CaseIterable {
    /// Permissions to attach to a user, group or role.
    case identity
    /// Who may assume a role (a Principal with `sts:AssumeRole`, no Resource).
    case trust
    /// Attached to a resource (a bucket, key, topic) and naming who may use it.
    case resource
    /// Statements shown on their own, often repeating a fuller policy of the same guide.
    case excerpt
    /// Statements the guide says to add only for some uses.
    case optionalAddOn = "optional"
    /// JSON that is not an AWS IAM policy: another cloud's IAM, Kubernetes RBAC,
    /// a CloudFormation stack policy, a WAF rule. Shown, never checked against
    /// the AWS catalog and never counted as something a tool needs.
    case notAWS = "not-aws"
    /// Meant as a policy but not valid JSON; its diagnostic says where.
    case unparsed

    public var label: String {
        switch self {
        case .identity: return "Identity policy"
        case .trust: return "Trust policy"
        case .resource: return "Resource policy"
        case .excerpt: return "Statement excerpt"
        case .optionalAddOn: return "Optional add-on"
        case .notAWS: return "Not an AWS IAM policy"
        case .unparsed: return "Not valid JSON"
        }
    }
}
