import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `data/permissions.json`: what `permdocs diff` compares that the other
/// exports hold no copy of (resources, trust principals, findings), so that
/// two published sites can be diffed as fully as two content folders.
extension SiteExports {
    public static let permissionsPath = "data/permissions.json"

    /// `{"format": 2, "tools": [...]}`, tools in site order, with what the
    /// other exports lack (how each tool reaches each row is in `actions.json`,
    /// its name and first page in `tools.json`: not copied here). Per tool:
    /// `slug`, and
    ///
    /// - `resources`: per action or pattern its Allow statements name, in row
    ///   order, `kind`, `key` and `resources` (sorted; NotResource values prefixed `NotResource `);
    /// - `principals`: its trust policies' principals, sorted;
    /// - `findings`: its reported findings in source order: `id`, `severity`,
    ///   `page`, `value`, `message`, `file`, `line`, `column`.
    ///
    /// `PermissionSnapshot(toolsJSON:actionsJSON:permissionsJSON:)` reads the three back.
    public var permissionsJSON: String {
        let tools = PermissionSnapshot(site: site).tools.map { tool -> ExportJSON in
            let full = Self.json(tool)
            guard case .object(let members) = full else { return full }
            return .object(members.filter { ["slug", "resources", "principals", "findings"].contains($0.key) })
        }
        return ExportJSON.object(["format": .int(PermissionSnapshot.permissionsFormat), "tools": .array(tools)]).fileText
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
