/// `findings.html`: every reported finding, grouped by tool (most severe
/// first within a tool), filterable by severity, id and text.
struct FindingsPage: Encodable {
    var frame: PageFrame
    var summary: String
    var findingTotal: Int
    var silencedCount: Int
    /// "1 finding is", "3 findings are" (silenced).
    var silencedText: String
    /// Whether any finding is silenced (a number opens a Mustache section even when it is 0).
    var hasSilenced: Bool
    var groups: [Group]
    var severities: [Severity]
    var ids: [FindingID]

    /// One tool's findings (or the site's, for `site.yml`), with its counts by severity.
    struct Group: Encodable {
        var tool: String
        /// The group's fragment id: `findings-<tool slug>`.
        var id: String
        /// "2 errors · 5 security warnings".
        var countsText: String
        var rows: [FindingEntry]
    }

    struct Severity: Encodable {
        var value: String
        var label: String
        var count: Int
    }

    struct FindingID: Encodable {
        var value: String
        var count: Int
        var summary: String
    }
}
