/// `findings.html`: every reported finding across tools, filterable by severity and id.
struct FindingsPage: Encodable {
    var frame: PageFrame
    var summary: String
    var findingTotal: Int
    var silencedCount: Int
    /// "1 finding is", "3 findings are" (silenced).
    var silencedText: String
    var rows: [Row]
    var severities: [Severity]
    var ids: [FindingID]

    struct Row: Encodable {
        var location: String
        var severity: String
        var severityLabel: String
        var message: String
        var id: String
        /// nil when the finding has no fix, so `{{#fix}}Fix: …{{/fix}}` shows nothing.
        var fix: String?
        /// The block or page the finding is about, and its tool.
        var url: String?
        var tool: String?
        var anchor: String?
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
