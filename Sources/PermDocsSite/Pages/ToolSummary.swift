/// The top of a tool's first page, before the guide: what the tool needs in a
/// few lines (counts by service and by access level), its risky findings, and
/// links to its combined policy and to the full list below (partial `summary`).
/// Readers who came for "what do I grant?" get the answer before the guide.
struct ToolSummary: Encodable {
    /// "42 actions", "4 services".
    var actionsText: String
    var servicesText: String
    /// "3 actions" asked for only in optional add-ons; nil when none are.
    var optionalText: String?
    /// Services by how many actions the tool needs of each, most first.
    var services: [ServiceCount]
    var hasServices: Bool
    /// Access levels with at least one needed action, in the catalog's order, then wildcards
    /// and actions the catalog does not know: they add up to `actionsText`.
    var levels: [LevelCount]
    var hasLevels: Bool
    /// Security warnings about the tool's policies, on any of its pages (the first few).
    var risks: [Risk]
    var hasRisks: Bool
    /// "3 security warnings".
    var risksText: String
    /// The findings page filtered to this tool's security warnings, when there are more than `risks` shows.
    var moreRisksURL: String?
    /// The combined policy's file (nil when it has no statement).
    var policyURL: String?
    var policyFile: String?

    struct ServiceCount: Encodable {
        /// The prefix as the needs list shows it (`ec2`, `(no service prefix)`).
        var name: String
        var count: Int
        /// The service's page; nil for actions without a service prefix.
        var url: String?
    }

    struct LevelCount: Encodable {
        var level: String
        var count: Int
        /// The access bar's colour class (`lvl-write`).
        var cssClass: String
    }

    struct Risk: Encodable {
        var message: String
        var id: String
        /// The policy block it is about, from this page.
        var url: String?
        var anchor: String?
    }
}
