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
    ///
    /// Written straight into bytes (`CompactJSONWriter`), keys in sorted order.
    public var permissionsJSON: String {
        let position = Dictionary(site.index.rows.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var out = CompactJSONWriter(capacity: 1 << 16)
        out.beginObject()
        out.key("format"); out.int(PermissionSnapshot.permissionsFormat)
        out.key("tools")
        out.beginArray()
        for tool in PermissionSnapshot(site: site).tools {
            out.beginObject()
            out.key("findings")
            out.beginArray()
            for f in tool.findings {
                out.beginObject()
                out.key("column"); out.int(f.location.column)
                out.key("file"); out.string(f.location.file)
                out.key("id"); out.string(f.id)
                out.key("line"); out.int(f.location.line)
                out.key("message"); out.string(f.message)
                out.key("page"); out.string(f.page)
                out.key("severity"); out.string(f.severity.rawValue)
                out.key("value"); out.string(f.value)
                out.endObject()
            }
            out.endArray()
            out.key("principals"); out.strings(tool.principals)
            out.key("resources"); out.value(Self.resourceGroups(tool.resources, position: position))
            out.key("slug"); out.string(tool.slug)
            out.endObject()
        }
        out.endArray()
        out.endObject()
        out.raw("\n")
        return out.text
    }

    /// A tool's resources grouped by list, each group's rows by position (see
    /// `permissionsJSON`). A row not in the index (never, in a built site) is
    /// written as format 2 wrote it, `kind`, `key` and `resources`.
    static func resourceGroups(_ resources: [ActionRow.ID: [String]], position: [ActionRow.ID: Int]) -> ExportJSON {
        var groups: [[String]: [Int]] = [:]
        var order: [[String]] = []
        var strays: [ExportJSON] = []
        for id in Self.inRowOrder(resources.keys) {
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

    /// Row identities in `PermissionSnapshot.rowOrder`, each one's service
    /// cut from its key once rather than at every comparison (which made the
    /// sort most of `permissionsJSON`'s time).
    static func inRowOrder<S: Sequence<ActionRow.ID>>(_ ids: S) -> [ActionRow.ID] {
        ids.map { (service: defaultService(ofKey: $0.key), id: $0) }
            .sorted { ($0.service, $0.id.key, $0.id.kind) < ($1.service, $1.id.key, $1.id.kind) }
            .map(\.id)
    }

    /// One tool whole: its actions as well (how `HistoryCacheFile` stores a past
    /// version, read back by `PermissionSnapshot(permissionsJSON:)`).
    static func json(_ tool: ToolSnapshot) -> ExportJSON {
        let actions = Self.inRowOrder(tool.actions.keys).map { id -> ExportJSON in
            let s = tool.actions[id]!
            return .object([
                "kind": .string(id.kind.rawValue), "key": .string(id.key), "name": .string(s.name), "known": .bool(s.isKnown),
                "how": .string(s.how.rawValue), "grantees": .strings(s.grantees.map(\.rawValue)), "patterns": .strings(s.patterns),
                "denied": .bool(s.isDenied), "named": .bool(s.isNamed),
            ])
        }
        let resources = Self.inRowOrder(tool.resources.keys).map { id -> ExportJSON in
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
