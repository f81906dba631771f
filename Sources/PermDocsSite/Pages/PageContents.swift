import PermDocsMarkdown

/// A tool page's table of contents (partial `contents`): the guide's `##` and
/// `###` headings, each linking to its anchor, in a column beside the guide
/// on wide screens (the template adds the sections a tool's first page draws
/// itself). Absent on a further page with fewer than two such headings.
struct PageContents: Encodable {
    var entries: [Entry]

    struct Entry: Encodable {
        var text: String
        var anchor: String
        /// A `###` heading, indented under the `##` before it.
        var isSub: Bool
    }

    /// Nil when there is nothing to find one's way between: fewer than two
    /// headings, unless the page has sections of its own (`hasSections`).
    init?(_ headings: [GuideHeading], hasSections: Bool) {
        guard hasSections || headings.count >= 2 else { return nil }
        entries = headings.map { Entry(text: $0.text, anchor: $0.id, isSub: $0.level > 2) }
    }
}
