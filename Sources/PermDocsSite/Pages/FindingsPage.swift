/// `findings.html`: every reported finding across tools, filterable by severity and id.
struct FindingsPage: Encodable {
    var frame: PageFrame
    var summary: String
    var findingTotal: Int
    var silencedCount: Int
    /// "1 finding is", "3 findings are" (silenced).
    var silencedText: String
    var rows: [FindingEntry]
    var severities: [Severity]
    var ids: [FindingID]

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
