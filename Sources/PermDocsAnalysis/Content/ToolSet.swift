import PermDocsCore
import Yams

/// A named set of tools from `site.yml`'s `tool_sets:` (set name → list of
/// tool slugs), whose union policy gets its own page and download.
///
/// ```yaml
/// tool_sets:
///   migration: [vm-import-export, server-migration-service]
/// ```
public struct ToolSet: Hashable, Sendable {
    /// The name as written in `site.yml`; shown on the page.
    public var name: String
    /// Tool slugs as listed, each once.
    public var tools: [String]
    /// Where the name is written.
    public var location: SourceLocation
    /// Where each slug is written, parallel to `tools`: an unknown slug is
    /// reported at its own position (it is only known to be unknown once the
    /// tools are loaded).
    public var toolLocations: [SourceLocation]

    public init(name: String, tools: [String], location: SourceLocation, toolLocations: [SourceLocation] = []) {
        self.name = name
        self.tools = tools
        self.location = location
        self.toolLocations = toolLocations.count == tools.count ? toolLocations : tools.map { _ in location }
    }

    /// Reads the `tool_sets` mapping. Each value must be a non-empty list of slugs.
    static func parseAll(_ node: Node, file: String) throws -> [ToolSet] {
        guard let mapping = node.mapping else {
            throw PermDocsError("'tool_sets' must be a mapping of set names to lists of tool slugs, such as {migration: [vm-import-export, server-migration-service]}",
                                at: YAMLReading.location(of: node, file: file))
        }
        var sets: [ToolSet] = []
        var slugs = Set<String>()
        for (key, value) in mapping {
            let here = YAMLReading.location(of: key, file: file)
            guard let name = YAMLReading.text(key), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw PermDocsError("a tool set needs a name", at: here)
            }
            // Two names that give the same file name would overwrite each other's page.
            guard slugs.insert(PathSlug.make(name)).inserted else {
                throw PermDocsError("tool set '\(name)' has the same page name as an earlier set ('\(PathSlug.make(name))')", at: here)
            }
            guard let seq = value.sequence, !seq.isEmpty else {
                throw PermDocsError("tool set '\(name)' must be a non-empty list of tool slugs", at: YAMLReading.location(of: value, file: file))
            }
            var tools: [String] = [], locations: [SourceLocation] = []
            var listed = Set<String>()  // a list searched per slug made long sets quadratic
            for item in seq {
                guard let slug = YAMLReading.text(item) else {
                    throw PermDocsError("each entry of tool set '\(name)' must be a tool slug", at: YAMLReading.location(of: item, file: file))
                }
                guard listed.insert(slug).inserted else { continue }
                tools.append(slug)
                locations.append(YAMLReading.location(of: item, file: file))
            }
            sets.append(ToolSet(name: name, tools: tools, location: here, toolLocations: locations))
        }
        return sets
    }

    /// Throws at the first slug that names no tool.
    public func validate(knownSlugs: Set<String>) throws {
        for (slug, location) in zip(tools, toolLocations) where !knownSlugs.contains(slug) {
            throw PermDocsError("tool set '\(name)' names tool '\(slug)', which is not in tools/ (tools: \(knownSlugs.sorted().joined(separator: ", ")))", at: location)
        }
    }
}
