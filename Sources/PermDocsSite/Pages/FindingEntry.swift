import PermDocsCore

/// A finding as a list or table shows it: where, how severe, what, its id and
/// fix, and what it is about (a tool page's list, the findings page's table).
struct FindingEntry: Encodable {
    var location: String
    var severity: String
    var severityLabel: String
    var message: String
    var id: String
    /// nil when the finding has no fix, so `{{#fix}}Fix: …{{/fix}}` shows nothing.
    var fix: String?
    /// The block (or page) the finding is about, from the page showing it, and the block's anchor.
    var url: String?
    var anchor: String?
    /// The tool, on the findings page.
    var tool: String?

    init(_ d: Diagnostic, url: String? = nil, anchor: String? = nil, tool: String? = nil) {
        location = d.location.description
        severity = d.severity.rawValue
        severityLabel = d.severity.label
        message = d.message
        id = d.id
        fix = d.fix?.isEmpty == false ? d.fix : nil
        self.url = url
        self.anchor = anchor
        self.tool = tool
    }
}
