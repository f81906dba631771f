/// Where the cross-reference pages of one site live: a page per index row
/// (`actions/<service>/<name>.html`), per service (`services/<service>.html`)
/// and per named tool set. Computed once per build, so every page looks its
/// links up in O(1) instead of searching the rows.
///
/// Names come from guides, so each path part is a `PathSlug`, made unique in
/// row order (the same site always gets the same paths).
import PermDocsAnalysis
import PermDocsCore

public struct SiteMap: Sendable {
    /// Row identity → `actions/<service>/<name>.html`.
    public let actionPages: [ActionRow.ID: String]
    /// Service prefix ("" for names without one) → `services/<slug>.html`.
    public let servicePages: [String: String]
    /// Service prefix → its folder slug under `actions/`.
    private let serviceSlugs: [String: String]
    /// Tool set name → slug for `sets/<slug>.html` and `policies/sets/<slug>.json`.
    public let setSlugs: [String: String]

    public init(index: ActionIndex, toolSets: [ToolSet]) {
        var services = PathSlug.Allocator()
        var serviceSlugs: [String: String] = [:]
        for row in index.rows where serviceSlugs[row.service] == nil {
            serviceSlugs[row.service] = services.unique(row.service.isEmpty ? "no-service" : row.service)
        }
        var perService: [String: PathSlug.Allocator] = [:]
        var pages: [ActionRow.ID: String] = [:]
        for row in index.rows {
            let folder = serviceSlugs[row.service]!
            let name: String
            switch row.kind {
            case .action: name = Self.localName(row.key)
            case .pattern: name = "pattern-" + Self.localName(row.key)
            case .notAction: name = "notaction-" + row.key
            }
            pages[row.id] = "actions/\(folder)/\(perService[folder, default: PathSlug.Allocator()].unique(name)).html"
        }
        actionPages = pages
        self.serviceSlugs = serviceSlugs
        servicePages = serviceSlugs.mapValues { "services/\($0).html" }
        var sets = PathSlug.Allocator()
        setSlugs = Dictionary(toolSets.map { ($0.name, sets.unique($0.name)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The part after the service prefix (`createtags` for `ec2:createtags`); the whole key without a colon.
    private static func localName(_ key: String) -> String {
        guard let colon = key.firstIndex(of: ":") else { return key }
        let rest = key[key.index(after: colon)...]
        return rest.isEmpty ? key : String(rest)
    }

    public func actionPage(_ row: ActionRow) -> String { actionPages[row.id]! }
    public func servicePage(_ prefix: String) -> String? { servicePages[prefix] }
}
