/// A snapshot read back from a published site's `data/` exports (see the
/// README's "Data exports"): the tools and how each reaches each row from
/// `data/tools.json` and `data/actions.json`, and their resources, trust
/// principals and findings from `data/permissions.json`, which permdocs
/// writes for this; a site built before it had that file gives a snapshot
/// without them.
import Foundation
import PermDocsCore
import PermDocsPolicy

extension PermissionSnapshot {
    /// The snapshot the two export files describe; throws a `PermDocsError`
    /// naming the file when one is not what permdocs writes.
    public init(toolsJSON: Data, actionsJSON: Data, toolsFile: String = "data/tools.json", actionsFile: String = "data/actions.json") throws {
        self.init(tools: try Self.read(toolsJSON: toolsJSON, actionsJSON: actionsJSON, toolsFile: toolsFile, actionsFile: actionsFile).tools, holds: [])
    }

    /// The tools of the two files, and the rows of `actions.json` in its order
    /// (what `permissions.json` refers to by position).
    private static func read(toolsJSON: Data, actionsJSON: Data, toolsFile: String, actionsFile: String) throws
        -> (tools: [ToolSnapshot], rows: [ActionRow.ID]) {
        func object(_ data: Data, _ file: String) throws -> [String: Any] {
            guard let value = try? JSONSerialization.jsonObject(with: data), let object = value as? [String: Any] else {
                throw PermDocsError("not a permdocs export: not a JSON object", file: file)
            }
            return object
        }
        guard let toolList = try object(toolsJSON, toolsFile)["tools"] as? [[String: Any]] else {
            throw PermDocsError("not a permdocs export: no \"tools\" list", file: toolsFile)
        }
        let actionsDocument = try object(actionsJSON, actionsFile)
        // Format 1 (no `format` field) wrote every field; format 2 leaves out
        // those equal to their default, which are read back below. A format-1
        // file always has the field, so one reader reads both.
        let format = actionsDocument["format"] ?? 1
        guard let number = format as? Int, (1...Self.actionsFormat).contains(number) else {
            throw PermDocsError("not a permdocs export: format \(format), where this permdocs reads formats 1 to \(Self.actionsFormat)", file: actionsFile)
        }
        guard let rows = actionsDocument["actions"] as? [[String: Any]] else {
            throw PermDocsError("not a permdocs export: no \"actions\" list", file: actionsFile)
        }
        var actions: [String: [ActionRow.ID: ActionState]] = [:]
        var rowIDs: [ActionRow.ID] = []
        for row in rows {
            guard let name = row["name"] as? String, let kind = ((row["kind"] ?? "action") as? String).flatMap(ActionRow.Kind.init(rawValue:)),
                  let tools = row["tools"] as? [[String: Any]] else {
                throw PermDocsError("not a permdocs export: an action without name, kind or tools", file: actionsFile)
            }
            let key = row["key"] as? String ?? name.lowercased()
            rowIDs.append(ActionRow.ID(kind: kind, key: key))
            for entry in tools {
                guard let slug = entry["slug"] as? String, let how = ((entry["how"] ?? "explicit") as? String).flatMap(ActionNeed.How.init(rawValue:)) else {
                    throw PermDocsError("not a permdocs export: a tool of '\(name)' without slug or how", file: actionsFile)
                }
                let grantees = ((entry["grantees"] as? [String]) ?? ["user"]).compactMap(PolicyBlock.Grantee.init(rawValue:))
                actions[slug, default: [:]][ActionRow.ID(kind: kind, key: key)] = ActionState(
                    name: name, kind: kind, isKnown: row["known"] as? Bool ?? (kind == .action), how: how, grantees: grantees,
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
        return (tools, rowIDs)
    }

    /// The whole snapshot of a published site: `toolsJSON` and `actionsJSON`
    /// as above, with each tool's resources, principals and findings from
    /// `permissionsJSON` (format 3, or 2 as sites built before it wrote it).
    public init(toolsJSON: Data, actionsJSON: Data, permissionsJSON: Data, toolsFile: String = "data/tools.json",
                actionsFile: String = "data/actions.json", permissionsFile: String = "data/permissions.json") throws {
        let base = try Self.read(toolsJSON: toolsJSON, actionsJSON: actionsJSON, toolsFile: toolsFile, actionsFile: actionsFile)
        func fail(_ what: String) -> PermDocsError { PermDocsError("not a permdocs export: \(what)", file: permissionsFile) }
        guard let value = try? JSONSerialization.jsonObject(with: permissionsJSON), let document = value as? [String: Any] else {
            throw fail("not a JSON object")
        }
        guard let format = document["format"] as? Int, (2...Self.permissionsFormat).contains(format) else {
            throw fail("format \(document["format"] ?? "none"), where this permdocs reads formats 2 to \(Self.permissionsFormat)")
        }
        guard let entries = document["tools"] as? [[String: Any]] else { throw fail("no \"tools\" list") }
        let bySlug = Dictionary(entries.compactMap { e in (e["slug"] as? String).map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        self.init(tools: try base.tools.map { tool in
            var tool = tool
            guard let entry = bySlug[tool.slug] else { return tool }
            let extra = try Self.toolExtras(entry, slug: tool.slug, rows: base.rows, fail: fail)
            tool.resources = extra.resources
            tool.principals = extra.principals
            tool.findings = extra.findings
            return tool
        }, holds: .all)
    }

    /// A tool's resources, principals and findings as `permissions.json` and the history cache write them.
    /// Format 3 groups resources (`resources` and the `rows` that have them, by
    /// position in `rows`); format 2 wrote `kind`, `key` and `resources` per row.
    private static func toolExtras(_ tool: [String: Any], slug: String, rows: [ActionRow.ID], fail: (String) -> PermDocsError) throws
        -> (resources: [ActionRow.ID: [String]], principals: [String], findings: [FindingRecord]) {
        var resources: [ActionRow.ID: [String]] = [:]
        for r in tool["resources"] as? [[String: Any]] ?? [] {
            if let positions = r["rows"] as? [Int] {
                for position in positions {
                    guard rows.indices.contains(position) else { throw fail("a row of '\(slug)' at \(position), where actions.json has \(rows.count)") }
                    resources[rows[position]] = (r["resources"] as? [String]) ?? []
                }
                continue
            }
            resources[try rowID(r, slug: slug, fail: fail)] = (r["resources"] as? [String]) ?? []
        }
        return (resources, (tool["principals"] as? [String]) ?? [], try findings(of: tool, slug: slug, fail: fail))
    }

    /// A row's id written as `kind` and `key` (format 1, and format 2's resources).
    private static func rowID(_ o: [String: Any], slug: String, fail: (String) -> PermDocsError) throws -> ActionRow.ID {
        guard let kind = (o["kind"] as? String).flatMap(ActionRow.Kind.init(rawValue:)), let key = o["key"] as? String else {
            throw fail("a row of '\(slug)' without kind or key")
        }
        return ActionRow.ID(kind: kind, key: key)
    }

    /// A tool's `findings`, as every format writes them.
    private static func findings(of tool: [String: Any], slug: String, fail: (String) -> PermDocsError) throws -> [FindingRecord] {
        try (tool["findings"] as? [[String: Any]] ?? []).map { f -> FindingRecord in
            guard let findingID = f["id"] as? String, let severity = (f["severity"] as? String).flatMap(Diagnostic.Severity.init(rawValue:)) else {
                throw fail("a finding of '\(slug)' without id or severity")
            }
            return FindingRecord(id: findingID, severity: severity, page: f["page"] as? String ?? "index", value: f["value"] as? String ?? "",
                                 message: f["message"] as? String ?? "",
                                 location: SourceLocation(file: f["file"] as? String ?? "", line: f["line"] as? Int ?? 0, column: f["column"] as? Int ?? 0))
        }
    }

    /// A snapshot written whole, actions too (`SiteExports.json`, format 1: how the history cache keeps past versions).
    public init(permissionsJSON: Data, file: String = "data/permissions.json") throws {
        func fail(_ what: String) -> PermDocsError { PermDocsError("not a permdocs export: \(what)", file: file) }
        guard let value = try? JSONSerialization.jsonObject(with: permissionsJSON), let document = value as? [String: Any] else {
            throw fail("not a JSON object")
        }
        guard document["format"] as? Int == Self.exportFormat else {
            throw fail("format \(document["format"] ?? "none"), where this permdocs reads format \(Self.exportFormat)")
        }
        guard let tools = document["tools"] as? [[String: Any]] else { throw fail("no \"tools\" list") }
        self.init(tools: try tools.map { tool in
            guard let slug = tool["slug"] as? String else { throw fail("a tool without slug") }
            var actions: [ActionRow.ID: ActionState] = [:]
            for a in tool["actions"] as? [[String: Any]] ?? [] {
                let rowID = try Self.rowID(a, slug: slug, fail: fail)
                guard let how = (a["how"] as? String).flatMap(ActionNeed.How.init(rawValue:)) else { throw fail("a row of '\(slug)' without how") }
                actions[rowID] = ActionState(name: a["name"] as? String ?? rowID.key, kind: rowID.kind, isKnown: a["known"] as? Bool ?? false, how: how,
                                             grantees: ((a["grantees"] as? [String]) ?? []).compactMap(PolicyBlock.Grantee.init(rawValue:)),
                                             patterns: (a["patterns"] as? [String]) ?? [], isDenied: a["denied"] as? Bool ?? false,
                                             isNamed: a["named"] as? Bool ?? true)
            }
            var resources: [ActionRow.ID: [String]] = [:]
            for r in tool["resources"] as? [[String: Any]] ?? [] { resources[try Self.rowID(r, slug: slug, fail: fail)] = (r["resources"] as? [String]) ?? [] }
            let findings = try Self.findings(of: tool, slug: slug, fail: fail)
            return ToolSnapshot(slug: slug, name: tool["name"] as? String ?? slug, firstPageID: tool["firstPage"] as? String ?? "index",
                                actions: actions, resources: resources, principals: (tool["principals"] as? [String]) ?? [], findings: findings)
        }, holds: .all)
    }
}
