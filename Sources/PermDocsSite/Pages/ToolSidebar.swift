/// The column beside a tool's page on wide screens (partial `sidebar`): the
/// current tool's pages and the site's tools, the current ones marked. Only
/// tool pages have it, and only the current tool's pages are listed: every
/// byte of it is repeated on every page of the site.
struct ToolSidebar: Encodable {
    var tools: [Entry]
    /// Folded (`<details>` without `open`) when the site has many tools: the
    /// reader came for the tool's pages, listed before it.
    var toolsOpen: Bool
    var toolCount: Int
    /// The tool's pages, when it has more than one and few enough to list on each of them.
    var pages: [Entry]
    var hasPages: Bool
    /// A tool with too many pages to list on each: a link to its first page, which lists them all.
    var allPages: AllPages?

    /// A link, and whether it leads to (or holds) the page shown.
    struct Entry: Encodable {
        var title: String
        var url: String
        /// `aria-current`: `page` for the page shown, `true` for the tool it belongs to; nil otherwise.
        var current: String?
    }

    struct AllPages: Encodable {
        var url: String
        var countText: String
    }
}
