/// A page of a tool's guide: its first page (template `tool`, with what the
/// tool needs, its combined policy and its most similar tools) or a further
/// page (template `page`). Both show the tool's header, the page's findings
/// and the guide with its policy figures.
struct ToolPage: Encodable {
    var frame: PageFrame
    var toolName: String
    var pageTitle: String
    var isIntro: Bool
    /// The tool's first page, from this page.
    var toolURL: String
    /// The guide file, and where to edit it; nil for a generated landing page.
    var sourceFile: String?
    var editURL: String?
    var metadata: [MetadataItem]
    var sourceURL: String?
    var description: String?
    var stats: ToolStats
    /// The tool's pages as a list (`hasPages`, on its first page only), and
    /// links to the previous and next page (`hasSteps`, on every page of a
    /// tool of several pages).
    var hasPages: Bool
    var pages: [PageLink]
    var hasSteps: Bool
    var previousPage: StepLink?
    var nextPage: StepLink?
    /// The tools and the tool's pages beside the page on wide screens.
    var sidebar: ToolSidebar
    /// The guide's headings beside it on wide screens; nil with fewer than two.
    var contents: PageContents?
    var diagnostics: [FindingEntry]
    var hasDiagnostics: Bool
    var findingSummary: String
    var guide: [GuidePart]
    /// First page only.
    var needs: ToolNeeds?
    /// What the tool needs in short, shown before the guide (partial `summary`).
    var summary: ToolSummary?
    var accessBar: String?
    var combined: CombinedPolicySection?
    var similar: [SimilarTool]?
    var hasSimilar: Bool
    /// First page only, with `history:`: the tool's permission changes, newest first.
    var history: ToolHistory?

    struct MetadataItem: Encodable {
        var label: String
        var value: String
    }

    struct PageLink: Encodable {
        var title: String
        var url: String
        var current: Bool
        var blockCount: Int
    }

    struct StepLink: Encodable {
        var title: String
        var url: String
    }
}

/// A tool that needs much of what another needs, for readers without JavaScript.
struct SimilarTool: Encodable {
    var name: String
    var url: String
    var shared: Int
    /// A percentage, as the heat map prints it.
    var jaccard: String
    var compareURL: String
}
