/// What every page shows around its own content: the header and footer, the
/// links to the site's pages (relative to the page, so the site works from
/// any folder and from `file://`), and the tools for the navigation.
///
/// A page model holds its frame as `frame`; its fields are the page's own
/// (`{{title}}`, `{{root}}`), not `{{frame.title}}` (see `TemplateEncoder`).
struct PageFrame: Encodable {
    /// Leads back to the site root: `../` per folder level, or `base_url` on the 404 page.
    var root: String
    var title: String
    var siteTitle: String
    var siteDescription: String
    var stylesheet: String
    var indexURL: String
    var matrixURL: String
    var findingsURL: String
    var overlapURL: String
    var searchURL: String
    var searchDataURL: String
    var filterScript: String
    var matrixScript: String
    var searchScript: String
    /// Copy (and download) buttons on policies, on every page.
    var copyScript: String
    /// Loaded on every page before the scripts that read the site's data.
    var commonScript: String
    var favicon: String
    var generator: String
    var catalogVersion: String
    var catalogDate: String
    var tools: [ToolLink]
    /// `changes.html`, when the site has a permission history (the header links it then only).
    var changesURL: String?
    /// With `base_url`: the page's absolute address.
    var canonicalURL: String?
}

/// A tool's name and the address of its first page.
struct ToolLink: Encodable {
    var name: String
    var url: String
}

/// `404.html`: the frame alone, its links from the site root.
struct NotFoundPage: Encodable {
    var frame: PageFrame
}
