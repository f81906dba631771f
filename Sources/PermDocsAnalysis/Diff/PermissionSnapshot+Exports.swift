/// A snapshot read back from a published site's `data/tools.json` and
/// `data/actions.json` (see the README's "Data exports"): the tools and how
/// each reaches each row. The exports carry no resources, trust principals
/// or findings (only their counts), so such a snapshot holds none.
import Foundation
import PermDocsCore
import PermDocsPolicy

extension PermissionSnapshot {
    /// The snapshot the two export files describe; throws a `PermDocsError`
    /// naming the file when one is not what permdocs writes.
    public init(toolsJSON: Data, actionsJSON: Data, toolsFile: String = "data/tools.json", actionsFile: String = "data/actions.json") throws {
        func object(_ data: Data, _ file: String) throws -> [String: Any] {
            guard let value = try? JSONSerialization.jsonObject(with: data), let object = value as? [String: Any] else {
                throw PermDocsError("not a permdocs export: not a JSON object", file: file)
            }
            return object
        }
        guard let toolList = try object(toolsJSON, toolsFile)["tools"] as? [[String: Any]] else {
            throw PermDocsError("not a permdocs export: no \"tools\" list", file: toolsFile)
        }
        guard let rows = try object(actionsJSON, actionsFile)["actions"] as? [[String: Any]] else {
            throw PermDocsError("not a permdocs export: no \"actions\" list", file: actionsFile)
        }
        var actions: [String: [ActionRow.ID: ActionState]] = [:]
        for row in rows {
            guard let name = row["name"] as? String, let key = row["key"] as? String,
                  let kind = (row["kind"] as? String).flatMap(ActionRow.Kind.init(rawValue:)),
                  let tools = row["tools"] as? [[String: Any]] else {
                throw PermDocsError("not a permdocs export: an action without name, key, kind or tools", file: actionsFile)
            }
            for entry in tools {
                guard let slug = entry["slug"] as? String, let how = (entry["how"] as? String).flatMap(ActionNeed.How.init(rawValue:)) else {
                    throw PermDocsError("not a permdocs export: a tool of '\(name)' without slug or how", file: actionsFile)
                }
                let grantees = ((entry["grantees"] as? [String]) ?? []).compactMap(PolicyBlock.Grantee.init(rawValue:))
                actions[slug, default: [:]][ActionRow.ID(kind: kind, key: key)] = ActionState(
                    name: name, kind: kind, isKnown: row["known"] as? Bool ?? false, how: how, grantees: grantees,
                    patterns: ((entry["patterns"] as? [String]) ?? []).sorted(), isDenied: entry["denied"] as? Bool ?? false,
                    isNamed: entry["named"] as? Bool ?? true)
            }
        }
        let tools = try toolList.map { tool -> ToolSnapshot in
            guard let slug = tool["slug"] as? String else { throw PermDocsError("not a permdocs export: a tool without slug", file: toolsFile) }
            // `tools/<slug>/<page>.html`: the page id is what is left.
            var page = "index"
            if let url = tool["url"] as? String, url.hasPrefix("tools/\(slug)/"), url.hasSuffix(".html") {
                page = String(url.dropFirst("tools/\(slug)/".count).dropLast(".html".count))
            }
            return ToolSnapshot(slug: slug, name: tool["name"] as? String ?? slug, firstPageID: page, actions: actions[slug] ?? [:])
        }
        self.init(tools: tools, holds: [])
    }
}
