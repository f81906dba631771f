/// How much an IAM action can do, as the AWS Service Authorization Reference
/// classes it.
///
/// The raw values are the reference's own spellings. Levels order from the
/// least to the most far-reaching as the reference lists them: `list` <
/// `read` < `write` < `permissionsManagement` < `tagging`.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Lists resources (`ec2:DescribeInstances`).
    case list = "List"
    /// Reads the content or attributes of resources (`s3:GetObject`).
    case read = "Read"
    /// Creates, changes or deletes resources (`iam:PassRole`).
    case write = "Write"
    /// Changes who may do what (`iam:AttachRolePolicy`).
    case permissionsManagement = "Permissions management"
    /// Changes only the tags of resources (`ec2:CreateTags`).
    case tagging = "Tagging"

    private var rank: Int {
        switch self {
        case .list: return 0
        case .read: return 1
        case .write: return 2
        case .permissionsManagement: return 3
        case .tagging: return 4
        }
    }

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool {
        lhs.rank < rhs.rank
    }
}
