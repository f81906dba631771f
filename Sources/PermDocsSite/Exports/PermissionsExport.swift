import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `data/permissions.json`: what `permdocs diff` compares that the other
/// exports hold no copy of (resources, trust principals, findings), so that
/// two published sites can be diffed as fully as two content folders.
extension SiteExports {
    public static let permissionsPath = "data/permissions.json"

    /// `{"format": 3, "tools": [...]}`, tools in site order, with what the
    /// other exports lack (how each tool reaches each row is in `actions.json`,
    /// its name and first page in `tools.json`: not copied here). Per tool:
    /// `slug`, and
    ///
    /// - `resources`: the resources its Allow statements name for each action
    ///   or pattern, grouped: `{"resources": [...], "rows": [...]}` per distinct
    ///   list (sorted; NotResource values prefixed `NotResource `), in order of
    ///   first row, with the rows that have it as their positions in
    ///   `actions.json`'s `actions`, ascending (format 2 wrote `kind`, `key`
    ///   and `resources` per row: on a 40-tool site 8,000 copies of `["*"]` and
    ///   of the row's key);
    /// - `principals`: its trust policies' principals, sorted;
    /// - `findings`: its reported findings in source order: `id`, `severity`,
    ///   `page`, `value`, `message`, `file`, `line`, `column`.
    ///
    /// `PermissionSnapshot(toolsJSON:actionsJSON:permissionsJSON:)` reads the three back.
    public var permissionsJSON: String {
        let position = Dictionary(site.index.rows.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let tools = PermissionSnapshot(site: site).tools.map { tool -> ExportJSON in
            let full = Self.json(tool)
            guard case .object(var members) = full else { return full }
            members = members.filter { ["slug", "principals", "findings"].contains($0.key) }
            members["resources"] = Self.resourceGroups(tool.resources, position: position)
            return .object(members)
        }
        return ExportJSON.object(["format": .int(PermissionSnapshot.permissionsFormat), "tools": .array(tools)]).fileText
    }

    /// A tool's resources grouped by list, each group's rows by position (see
    /// `permissionsJSON`). A row not in the index (never, in a built site) is
    /// written as format 2 wrote it, `kind`, `key` and `resources`.
    static func resourceGroups(_ resources: [ActionRow.ID: [String]], position: [ActionRow.ID: Int]) -> ExportJSON {
        var groups: [[String]: [Int]] = [:]
        var order: [[String]] = []
        var strays: [ExportJSON] = []
        for id in resources.keys.sorted(by: PermissionSnapshot.rowOrder) {
            let list = resources[id]!
            guard let row = position[id] else {
                strays.append(.object(["kind": .string(id.kind.rawValue), "key": .string(id.key), "resources": .strings(list)]))
                continue
            }
            if groups[list] == nil { order.append(list) }
            groups[list, default: []].append(row)
        }
        let grouped = order.map { list -> ExportJSON in
            .object(["resources": .strings(list), "rows": .array(groups[list]!.sorted().map(ExportJSON.int))])
        }
        return .array(grouped + strays)
    }

    /// One tool whole: its actions as well (how `HistoryCacheFile` stores a past
    /// version, read back by `PermissionSnapshot(permissionsJSON:)`).
    static func json(_ tool: ToolSnapshot) -> ExportJSON {
        let actions = tool.actions.keys.sorted(by: PermissionSnapshot.rowOrder).map { id -> ExportJSON in
            let s = tool.actions[id]!
            return .object([
                "kind": .string(id.kind.rawValue), "key": .string(id.key), "name": .string(s.name), "known": .bool(s.isKnown),
                "how": .string(s.how.rawValue), "grantees": .strings(s.grantees.map(\.rawValue)), "patterns": .strings(s.patterns),
                "denied": .bool(s.isDenied), "named": .bool(s.isNamed),
            ])
        }
        let resources = tool.resources.keys.sorted(by: PermissionSnapshot.rowOrder).map { id -> ExportJSON in
            .object(["kind": .string(id.kind.rawValue), "key": .string(id.key), "resources": .strings(tool.resources[id]!)])
        }
        let findings = tool.findings.map { f -> ExportJSON in
            .object([
                "id": .string(f.id), "severity": .string(f.severity.rawValue), "page": .string(f.page), "value": .string(f.value),
                "message": .string(f.message), "file": .string(f.location.file), "line": .int(f.location.line), "column": .int(f.location.column),
            ])
        }
        return .object([
            "slug": .string(tool.slug), "name": .string(tool.name), "firstPage": .string(tool.firstPageID),
            "actions": .array(actions), "resources": .array(resources), "principals": .strings(tool.principals),
            "findings": .array(findings),
        ])
    }
}
