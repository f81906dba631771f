/// Where the cross-reference pages of one site live: a page per service
/// (`services/<service>.html`) holding a row per action, pattern or NotAction
/// the guides name (`services/<service>.html#<name>`), one page for the rows
/// of services the catalog does not know, and a page per named tool set. Computed once per build, so every page looks its links up in
/// O(1) instead of searching the rows.
///
/// Actions have no page of their own: a site naming thousands of actions
/// would write thousands of pages that repeat the header and footer around a
/// few lines. A service page shows each row with the tools that need it, as
/// aws.permissions.cloud and the AWS Service Authorization Reference do.
///
/// Names come from guides, so each part is a `PathSlug`, made unique in row
/// order (the same site always gets the same paths and anchors).
import PermDocsAnalysis
import PermDocsCore

public struct SiteMap: Sendable {
    /// Row identity → its anchor on its service page (`createtags`, `pattern-describe*`).
    public let actionAnchors: [ActionRow.ID: String]
    /// Service prefix ("" for names without one) → `services/<slug>.html`.
    public let servicePages: [String: String]
    /// Tool set name → slug for `sets/<slug>.html` and `policies/sets/<slug>.json`.
    public let setSlugs: [String: String]

    /// Where the rows of every service the catalog does not know are shown,
    /// together: a typo'd or invented prefix gets no page of its own (20,000
    /// of them would make 20,000 pages).
    public static let unknownServicesPage = "services/\(unknownServicesSlug).html"
    private static let unknownServicesSlug = "not-in-catalog"

    /// `isKnownService` says which prefixes the catalog has; without it (no
    /// catalog) every service gets its own page.
    public init(index: ActionIndex, toolSets: [ToolSet], isKnownService: ((String) -> Bool)? = nil) {
        var services = PathSlug.Allocator()
        _ = services.unique(Self.unknownServicesSlug)  // no service's page takes the shared page's name
        var pages: [String: String] = [:]
        for row in index.rows where pages[row.service] == nil {
            if let isKnownService, row.service.isEmpty || !isKnownService(row.service) {
                pages[row.service] = Self.unknownServicesPage
            } else {
                pages[row.service] = "services/\(services.unique(row.service.isEmpty ? "no-service" : row.service)).html"
            }
        }
        var perPage: [String: PathSlug.Allocator] = [:]
        var anchors: [ActionRow.ID: String] = [:]
        for row in index.rows {
            let page = pages[row.service]!
            // On the shared page the prefix stays in the anchor (`ami-listroles`).
            let local = page == Self.unknownServicesPage ? row.key : Self.localName(row.key)
            let name: String
            switch row.kind {
            case .action: name = local
            case .pattern: name = "pattern-" + local
            case .notAction: name = "notaction-" + row.key
            }
            if perPage[page] == nil {
                var allocator = PathSlug.Allocator()
                for id in Self.pageIDs { _ = allocator.unique(id) }
                perPage[page] = allocator
            }
            anchors[row.id] = perPage[page]!.unique(name)
        }
        actionAnchors = anchors
        servicePages = pages
        var sets = PathSlug.Allocator()
        setSlugs = Dictionary(toolSets.map { ($0.name, sets.unique($0.name)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Ids the layout gives elements of every page: a row never takes them.
    static let pageIDs = ["main", "site-search-q"]

    /// The part after the service prefix (`createtags` for `ec2:createtags`); the whole key without a colon.
    private static func localName(_ key: String) -> String {
        guard let colon = key.firstIndex(of: ":") else { return key }
        let rest = key[key.index(after: colon)...]
        return rest.isEmpty ? key : String(rest)
    }

    /// `services/<service>.html#<name>`: where a row is shown, from the site root.
    public func action(_ row: ActionRow) -> String { servicePages[row.service]! + "#" + actionAnchors[row.id]! }
    /// The row's anchor on its service page.
    public func actionAnchor(_ row: ActionRow) -> String { actionAnchors[row.id]! }
    public func servicePage(_ prefix: String) -> String? { servicePages[prefix] }
}
