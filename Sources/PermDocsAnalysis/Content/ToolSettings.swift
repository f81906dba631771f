import PermDocsCore
import Yams

/// What `site.yml` says about one tool (`tools:` slug → settings), for tools
/// whose files a team cannot edit, such as a docs repository copied into
/// `tools/`. Each value wins over the tool's own front matter.
///
/// ```yaml
/// tools:
///   awsdocs__aws-dms-user-guide:
///     name: AWS Database Migration Service
///     short_name: DMS
///     vendor: Amazon Web Services
///     source_url: https://docs.aws.amazon.com/dms/latest/userguide/
///     edit_url: https://github.com/awsdocs/aws-dms-user-guide/edit/main/doc_source/
/// ```
public struct ToolSettings: Hashable, Sendable {
    public var name: String?
    /// A shorter name, for where space is short (matrix columns).
    public var shortName: String?
    public var vendor: String?
    public var sourceURL: String?
    /// Where a page of the tool is edited: a URL the page's path is appended to.
    public var editURL: String?
    /// Where the slug is written, for an error when no such tool exists.
    public var location: SourceLocation

    /// The keys an entry may have.
    static let keys = ["name", "short_name", "vendor", "source_url", "edit_url"]

    public init(name: String? = nil, shortName: String? = nil, vendor: String? = nil, sourceURL: String? = nil,
                editURL: String? = nil, location: SourceLocation) {
        self.name = name
        self.shortName = shortName
        self.vendor = vendor
        self.sourceURL = sourceURL
        self.editURL = editURL
        self.location = location
    }

    /// Reads the `tools` mapping: slug → mapping of the keys above, each a
    /// single value. Unknown keys and wrong shapes are errors at their place.
    static func parseAll(_ node: Node, file: String) throws -> [String: ToolSettings] {
        guard let mapping = node.mapping else {
            throw PermDocsError("'tools' must be a mapping of tool slugs to settings, such as {my-tool: {name: My Tool}}",
                                at: YAMLReading.location(of: node, file: file))
        }
        var result: [String: ToolSettings] = [:]
        for (key, value) in mapping {
            let here = YAMLReading.location(of: key, file: file)
            guard let slug = YAMLReading.text(key), !slug.isEmpty else {
                throw PermDocsError("each key of 'tools' must be a tool slug (a file or folder name under tools/)", at: here)
            }
            guard let fields = value.mapping else {
                throw PermDocsError("'tools.\(slug)' must be a mapping with any of: \(keys.joined(separator: ", "))",
                                    at: YAMLReading.location(of: value, file: file))
            }
            var settings = ToolSettings(location: here)
            for (fieldKey, fieldValue) in fields {
                let name = fieldKey.string ?? ""
                guard keys.contains(name) else {
                    throw PermDocsError("unknown key '\(name)' in 'tools.\(slug)' (expected one of: \(keys.joined(separator: ", ")))",
                                        at: YAMLReading.location(of: fieldKey, file: file))
                }
                guard let text = YAMLReading.text(fieldValue), !text.isEmpty else {
                    throw PermDocsError("'tools.\(slug).\(name)' must be a single, non-empty value",
                                        at: YAMLReading.location(of: fieldValue, file: file))
                }
                switch name {
                case "name": settings.name = text
                case "short_name":
                    try ShortName.check(text, key: "tools.\(slug).short_name", at: YAMLReading.location(of: fieldValue, file: file))
                    settings.shortName = text
                case "vendor": settings.vendor = text
                case "source_url": settings.sourceURL = text
                default:
                    try WebAddress.check(text, key: "tools.\(slug).\(name)", allowsQuery: false, at: YAMLReading.location(of: fieldValue, file: file))
                    settings.editURL = text
                }
            }
            result[slug] = settings
        }
        return result
    }
}
