import Yams

/// `site.yml`: what the whole site is called and how tools are ordered.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String
    /// Absolute URL the site is published at, used for canonical links; pages link relatively.
    public var baseURL: String
    /// Tool slugs in the order the site lists them; tools not named follow by name.
    public var toolOrder: [String]

    public init(title: String = "Permission guides", description: String = "", baseURL: String = "", toolOrder: [String] = []) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.toolOrder = toolOrder
    }

    static let knownKeys: Set<String> = ["title", "description", "base_url", "baseURL", "tool_order", "toolOrder"]

    /// Reads `site.yml`; unknown keys and wrong types are errors with line and column.
    public static func parse(_ text: String, file: String) throws -> SiteConfig {
        var config = SiteConfig()
        guard let root = try YAMLReading.compose(text, file: file) else { return config }
        guard let mapping = root.mapping else {
            throw PermDocsError("site.yml must be a mapping of keys to values", at: YAMLReading.location(of: root, file: file))
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let here = YAMLReading.location(of: keyNode, file: file)
            func scalar() throws -> String {
                guard let s = YAMLReading.text(value) else {
                    throw PermDocsError("'\(key)' must be a single value", at: YAMLReading.location(of: value, file: file))
                }
                return s
            }
            switch key {
            case "title": config.title = try scalar()
            case "description": config.description = try scalar()
            case "base_url", "baseURL": config.baseURL = try scalar()
            case "tool_order", "toolOrder":
                guard let seq = value.sequence else {
                    throw PermDocsError("'\(key)' must be a list of tool slugs", at: YAMLReading.location(of: value, file: file))
                }
                config.toolOrder = seq.compactMap { YAMLReading.text($0) }
            default:
                if !knownKeysForLaterSections.contains(key) {
                    throw PermDocsError("unknown key '\(key)' (expected one of: title, description, base_url, tool_order)", at: here)
                }
            }
        }
        return config
    }

    /// Sections other parts of permdocs read (silencing findings, tool sets).
    static let knownKeysForLaterSections: Set<String> = ["silence", "tool_sets"]
}
