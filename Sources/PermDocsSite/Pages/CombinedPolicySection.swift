/// The "Combined policy" section of a tool's first page.
struct CombinedPolicySection: Encodable {
    var required: PolicyView
    var optional: PolicyView?
    var trustCount: Int
    var hasTrust: Bool
    var resourceBlocks: [BlockLink]
    var hasResourceBlocks: Bool
}

/// A merged policy as the `policy` partial shows it: the file's exact text,
/// where to download it, and its size against the managed-policy quota.
struct PolicyView: Encodable {
    var json: String
    var downloadURL: String
    var fileName: String
    var statementCount: Int
    /// "1 statement", "4 statements".
    var statementsText: String
    var characters: Int
    var quota: Int
    var exceeds: Bool
    var empty: Bool
}

/// `sets/<name>.html`: a named tool set's members and combined policy.
struct SetPage: Encodable {
    var frame: PageFrame
    var setName: String
    var members: [Member]
    var policy: PolicyView
    var optional: PolicyView?

    struct Member: Encodable {
        var name: String
        var url: String
        var policyURL: String
    }
}
