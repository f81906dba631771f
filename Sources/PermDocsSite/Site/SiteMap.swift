/// Where the cross-reference pages of one site live: a page per service
/// (`services/<service>.html`) holding a row per action, pattern or NotAction
/// the guides name (`services/<service>.html#<name>`), and a page per named
/// tool set. Computed once per build, so every page looks its links up in
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

    public init(index: ActionIndex, toolSets: [ToolSet]) {
        var services = PathSlug.Allocator()
        var serviceSlugs: [String: String] = [:]
        for row in index.rows where serviceSlugs[row.service] == nil {
            serviceSlugs[row.service] = services.unique(row.service.isEmpty ? "no-service" : row.service)
        }
        var perService: [String: PathSlug.Allocator] = [:]
        var anchors: [ActionRow.ID: String] = [:]
        for row in index.rows {
            let name: String
            switch row.kind {
            case .action: name = Self.localName(row.key)
            case .pattern: name = "pattern-" + Self.localName(row.key)
            case .notAction: name = "notaction-" + row.key
            }
            if perService[row.service] == nil {
                var allocator = PathSlug.Allocator()
                for id in Self.pageIDs { _ = allocator.unique(id) }
                perService[row.service] = allocator
            }
            anchors[row.id] = perService[row.service]!.unique(name)
        }
        actionAnchors = anchors
        servicePages = serviceSlugs.mapValues { "services/\($0).html" }
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
