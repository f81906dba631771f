/// `index.html`: every tool with its counts and access-level bar, and the named tool sets.
struct IndexPage: Encodable {
    var frame: PageFrame
    var toolRows: [ToolRow]
    var toolCount: Int
    var actionTotal: Int
    var diagnosticTotal: Int
    /// The three counts above as phrases: "5 tools", "1 distinct action", "3 diagnostics".
    var toolsText: String
    var actionsText: String
    var diagnosticsText: String
    var sets: [SetLink]
    var hasSets: Bool

    struct ToolRow: Encodable {
        var name: String
        var vendor: String
        var url: String
        /// An SVG (`AccessLevelBar`), inserted unescaped.
        var accessBar: String
        var pageCount: Int
        var blockCount: Int
        var actionCount: Int
        var serviceCount: Int
        var diagnosticCount: Int
    }
}

/// A named tool set's page, as the index links it.
struct SetLink: Encodable {
    var name: String
    var url: String
    var toolCount: Int
    /// "2 tools".
    var toolsText: String
}
