import PermDocsCore
import PermDocsPolicy
import Yams

/// `site.yml`: what the whole site is called and how tools are ordered.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String
    /// Absolute URL the site is published at, used for canonical links; pages link relatively.
    public var baseURL: String
    /// Where pages are edited (`edit_url`): a URL that a page's path under the
    /// content folder is appended to (`https://github.com/org/docs/edit/main/Content/`),
    /// for every tool without an `edit_url` of its own; empty when not given.
    public var editURL: String = ""
    /// Tool slugs in the order the site lists them; tools not named follow by name.
    public var toolOrder: [String]
    /// Findings to hide (`silence:`), each by id and optionally tool, page, action.
    public var silence: [SilenceRule]
    /// Named sets of tools (`tool_sets:`) whose union policy gets a page, in file order.
    public var toolSets: [ToolSet]
    /// Names and links of tools by slug (`tools:`), winning over their front matter.
    public var tools: [String: ToolSettings]
    /// How far back the permission history goes (`history:`); nil without
    /// one, and then the build reads no history at all.
    public var history: HistoryWindow?

    public init(title: String = "Permission guides", description: String = "", baseURL: String = "", toolOrder: [String] = [],
                silence: [SilenceRule] = [], toolSets: [ToolSet] = [], tools: [String: ToolSettings] = [:]) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.toolOrder = toolOrder
        self.silence = silence
        self.toolSets = toolSets
        self.tools = tools
    }

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
            case "base_url", "baseURL":
                config.baseURL = try scalar()
                try WebAddress.check(config.baseURL, key: key, allowsQuery: false, at: YAMLReading.location(of: value, file: file))
            case "edit_url":
                config.editURL = try scalar()
                try WebAddress.check(config.editURL, key: key, allowsQuery: false, at: YAMLReading.location(of: value, file: file))
            case "tool_order", "toolOrder":
                guard let seq = value.sequence else {
                    throw PermDocsError("'\(key)' must be a list of tool slugs", at: YAMLReading.location(of: value, file: file))
                }
                config.toolOrder = seq.compactMap { YAMLReading.text($0) }
            case "silence":
                config.silence = try silenceRules(value, file: file)
            case "tool_sets", "toolSets":
                config.toolSets = try ToolSet.parseAll(value, file: file)
            case "tools":
                config.tools = try ToolSettings.parseAll(value, file: file)
            case "history":
                config.history = try HistoryWindow.parse(value, file: file)
            default:
                throw PermDocsError("unknown key '\(key)' (expected one of: title, description, base_url, edit_url, tool_order, tools, silence, tool_sets, history)", at: here)
            }
        }
        return config
    }

    /// Reads `silence:`, a list of mappings with `id` and optional `tool`,
    /// `page`, `action`, `reason`. An unknown finding id is an error: a
    /// misspelt id would silently silence nothing.
    static func silenceRules(_ node: Node, file: String) throws -> [SilenceRule] {
        guard let seq = node.sequence else {
            throw PermDocsError("'silence' must be a list of entries such as {id: action-case, tool: my-tool}", at: YAMLReading.location(of: node, file: file))
        }
        return try seq.map { entry in
            let here = YAMLReading.location(of: entry, file: file)
            guard let mapping = entry.mapping else {
                throw PermDocsError("each 'silence' entry must be a mapping with at least 'id'", at: here)
            }
            var fields: [String: String] = [:]
            for (k, v) in mapping {
                let name = k.string ?? ""
                guard ["id", "tool", "page", "action", "reason"].contains(name) else {
                    throw PermDocsError("unknown key '\(name)' in a 'silence' entry (expected id, tool, page, action, reason)", at: YAMLReading.location(of: k, file: file))
                }
                guard let text = YAMLReading.text(v) else {
                    throw PermDocsError("'\(name)' must be a single value", at: YAMLReading.location(of: v, file: file))
                }
                fields[name] = text
            }
            guard let id = fields["id"] else { throw PermDocsError("a 'silence' entry needs an 'id'", at: here) }
            guard FindingRules.rule(id) != nil else {
                throw PermDocsError("'\(id)' is not a finding id (see `permdocs rules`)", at: here)
            }
            return SilenceRule(id: id, tool: fields["tool"], page: fields["page"], action: fields["action"], reason: fields["reason"], location: here)
        }
    }
}
