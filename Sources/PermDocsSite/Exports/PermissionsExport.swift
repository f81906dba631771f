import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `data/permissions.json`: what `permdocs diff` compares, so that two
/// published sites can be diffed as fully as two content folders (the other
/// exports hold no resources, trust principals or findings).
/// `PermissionSnapshot(permissionsJSON:)` reads it back.
extension SiteExports {
    public static let permissionsPath = "data/permissions.json"

    /// `{"format": 1, "tools": [...]}`, tools in site order. Per tool: `slug`,
    /// `name`, `firstPage` (its first page's id), and
    ///
    /// - `actions`: every row it reaches, in row order: `kind`, `key`, `name`,
    ///   `known`, `how`, `grantees`, `patterns`, `denied`, `named` (see `ActionState`);
    /// - `resources`: per action or pattern its Allow statements name, in row
    ///   order, `kind`, `key` and `resources` (sorted; NotResource values prefixed `NotResource `);
    /// - `principals`: its trust policies' principals, sorted;
    /// - `findings`: its reported findings in source order: `id`, `severity`,
    ///   `page`, `value`, `message`, `file`, `line`, `column`.
    public var permissionsJSON: String {
        let tools = PermissionSnapshot(site: site).tools.map(Self.json)
        return ExportJSON.object(["format": .int(PermissionSnapshot.exportFormat), "tools": .array(tools)]).fileText
    }

    /// One tool of `permissions.json` (also how `HistoryCacheFile` stores a past version).
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
