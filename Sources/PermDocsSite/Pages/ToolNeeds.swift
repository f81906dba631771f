/// "What this tool needs" on a tool's first page: its actions by service,
/// each linking to the blocks that name it; optional add-ons, trust and
/// resource policies, and denied actions apart.
struct ToolNeeds: Encodable {
    var requiredGroups: [ServiceGroup]
    var requiredCount: Int
    /// "1 action", "42 actions".
    var requiredText: String
    var optionalGroups: [ServiceGroup]
    var optionalCount: Int
    var optionalText: String
    var hasOptional: Bool
    var trust: [TrustBlock]
    var hasTrust: Bool
    var denied: [DeniedAction]
    var hasDenied: Bool

    struct ServiceGroup: Encodable {
        var service: String
        var count: Int
        var actions: [NeededAction]
    }

    struct NeededAction: Encodable {
        /// As the guides spell it.
        var name: String
        var serviceRole: Bool
        var blocks: [BlockLink]
        /// The action's row on its service page.
        var actionURL: String?
        /// What the catalog says; all nil without a catalog.
        var accessLevel: String?
        var description: String?
        var unknown: Bool?
    }

    struct TrustBlock: Encodable {
        var anchor: String
        var url: String
        var kind: String
        var principals: String
        var heading: String
    }

    struct DeniedAction: Encodable {
        var name: String
        var url: String
        var anchor: String
    }
}

/// A link to a policy block: its anchor as the text.
struct BlockLink: Encodable {
    var anchor: String
    var url: String
}
