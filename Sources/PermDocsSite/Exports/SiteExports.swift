import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// The site's data files, for scripts and for client-side search: built
/// from the analyzed site as text, never written here.
///
/// URLs inside them are relative to the site root (`tools/<slug>/index.html#policy-2`,
/// `matrix.html#action-ec2:createtags`). Every list has a fixed order,
/// documented on each builder, and object keys are sorted, so the same site
/// always gives the same bytes.
public struct SiteExports {
    public static let toolsPath = "data/tools.json"
    public static let actionsPath = "data/actions.json"
    public static let matrixPath = "data/matrix.csv"

    public let site: AnalyzedSite
    public let catalog: ActionCatalog?

    /// Exports of `site`, with the catalog it was analyzed with.
    public init(site: AnalyzedSite) {
        self.site = site
        self.catalog = site.catalog
    }

    private var index: ActionIndex { site.index }
    private var order: [String] { index.toolOrder }

    /// All the files (`blocks.json` is built in `BlocksExport.swift`, `permissions.json` in `PermissionsExport.swift`).
    public var files: [OutputFile] {
        makers.map { OutputFile(path: $0.path, text: $0.make()) }
    }

    /// Each file's path and the work that makes it, in path order: the
    /// renderer runs them as separate jobs, beside the pages.
    public var makers: [(path: String, make: () -> String)] {
        [(Self.actionsPath, { actionsJSON }), (Self.blocksPath, { blocksJSON }), (Self.matrixPath, { matrixCSV }),
         (Self.permissionsPath, { permissionsJSON }), (Self.toolsPath, { toolsJSON })]
    }

    // MARK: Fragments

    /// The fragment id of a row on the matrix page: `action-<key>` for an
    /// action or pattern (`action-ec2:describe*`), `notaction-<key>` for a
    /// NotAction row. Keys keep lower-case letters, digits and `:*?-._,`;
    /// any other character becomes `_x<hex>_`, so ids stay unique and hold
    /// no whitespace.
    public static func fragment(for row: ActionRow) -> String {
        (row.kind == .notAction ? "notaction-" : "action-") + fragmentText(row.key)
    }

    /// The fragment id of a service's group on the matrix page: `service-<prefix>`.
    public static func serviceFragment(_ prefix: String) -> String {
        "service-" + fragmentText(prefix.isEmpty ? "none" : prefix)
    }

    private static func fragmentText(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) || ":*?-._,".unicodeScalars.contains(c) {
                out.unicodeScalars.append(c)
            } else {
                out += "_x" + String(c.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// A block of the tool whose entry holds it: its page and anchor. The tool
    /// and the URL (`tools/<slug>/<page>.html#<anchor>`) follow from those, so
    /// they are not repeated thousands of times.
    private func reference(_ ref: BlockReference) -> ExportJSON {
        .object(["page": .string(ref.pageID), "anchor": .string(ref.anchor)])
    }

    // MARK: tools.json

    /// `data/tools.json`: `{"tools": [...]}`, tools in site order. Per tool:
    /// slug, name, vendor (or null), url, pages, blocks (and `blockKinds`,
    /// count per kind), and `actions`:
    ///
    /// - `required`: names of the rows it names in a required Allow (actions, patterns, NotAction rows);
    /// - `optional`: rows it names only in optional add-ons (and no required wildcard covers);
    /// - `viaWildcard`: rows it needs only through a required wildcard;
    /// - `denied`: rows a Deny of it reaches;
    /// - `counts`: the sizes of those four lists, `unknown` (unknown actions it
    ///   names), `patterns` (pattern and NotAction rows it names), and
    ///   `byAccessLevel`: known actions it needs (required, named or via
    ///   wildcard) per catalog access level, every level present.
    ///
    /// Lists are in row order (service, then name).
    public var toolsJSON: String {
        let tools = site.tools.map { tool -> ExportJSON in
            let rows = index.rows(of: tool.slug)
            func names(_ keep: (ActionRow, ActionNeed) -> Bool) -> [String] {
                rows.filter { keep($0, $0.needs[tool.slug]!) }.map(\.name)
            }
            let required = names { $1.isNamedRequired }
            let optional = names { $1.how == .optional && $1.isNamed }
            let viaWildcard = names { $1.how == .wildcard }
            let denied = names { $1.isDenied }
            let unknown = names { row, need in row.isUnknown && need.isNamed }
            let patterns = names { row, need in row.isPattern && need.isNamed }
            var levels: [String: ExportJSON] = [:]
            for level in AccessLevel.allCases {
                levels[level.rawValue] = .int(rows.filter { $0.accessLevel == level && $0.needs[tool.slug]!.isRequired }.count)
            }
            var kinds: [String: ExportJSON] = [:]
            for kind in PolicyBlock.Kind.allCases {
                kinds[kind.rawValue] = .int(tool.blocks.filter { $0.kind == kind }.count)
            }
            return .object([
                "slug": .string(tool.slug), "name": .string(tool.tool.metadata.name),
                "vendor": .optional(tool.tool.metadata.vendor), "url": .string(SitePaths.firstPage(of: tool)),
                "pages": .int(tool.pages.count), "blocks": .int(tool.blocks.count), "blockKinds": .object(kinds),
                "actions": .object([
                    "required": .strings(required), "optional": .strings(optional),
                    "viaWildcard": .strings(viaWildcard), "denied": .strings(denied),
                    "counts": .object([
                        "required": .int(required.count), "optional": .int(optional.count),
                        "viaWildcard": .int(viaWildcard.count), "denied": .int(denied.count),
                        "unknown": .int(unknown.count), "patterns": .int(patterns.count),
                        "byAccessLevel": .object(levels),
                    ]),
                ]),
            ])
        }
        return ExportJSON.object(["tools": .array(tools)]).fileText
    }

    // MARK: actions.json

    /// `data/actions.json`, format 2: `{"format": 2, "catalog": "<package version>" or null,
    /// "services": {prefix: catalog display name}, "actions": [...]}`, one
    /// entry per index row in row order (service, then key, then kind).
    ///
    /// A field whose value is its default, or follows from the others, is left
    /// out (format 1 wrote every field: on a 40-tool site they were 40 % of
    /// the file). Per row: `name`; `key` (default: the name lower-cased);
    /// `kind` (`pattern`, `notAction`; default `action`); `service` (default:
    /// the key's text before its first `:`); `accessLevel` and `description`
    /// (absent when the catalog has none); `known` (default: true for an
    /// action, false otherwise); `spellings` (default: just the name);
    /// `excluded` (NotAction rows' names; default none); and `tools`: one entry
    /// per tool that reaches the row, in site order, with `slug`, `how`
    /// (`wildcard`, `optional`, `denied`; default `explicit`), `named`
    /// (default true), `patterns` (wildcards of its Allow statements that cover
    /// the row, sorted; default none), `notAction` (default false),
    /// `grantees` (default `["user"]`), `denied` (default false), `blocks`
    /// (its Allow blocks) and `deniedBlocks` (default none). A tool's need is
    /// required exactly when `how` is `explicit` or `wildcard`; a row's matrix
    /// row is `matrix.html#` + `fragment(for:)`.
    public var actionsJSON: String {
        var serviceNames: [String: ExportJSON] = [:]
        let rows = index.rows.map { row -> ExportJSON in
            let tools = order.compactMap { slug -> ExportJSON? in
                guard let need = row.needs[slug] else { return nil }
                var entry: [String: ExportJSON] = ["slug": .string(slug)]
                if need.how != .explicit { entry["how"] = .string(need.how.rawValue) }
                if !need.isNamed { entry["named"] = .bool(false) }
                let patterns = need.wildcardPatterns
                if !patterns.isEmpty { entry["patterns"] = .strings(patterns) }
                if need.allowGrants.contains(where: { if case .notAction = $0.via { return true } else { return false } }) {
                    entry["notAction"] = .bool(true)
                }
                let grantees = need.grantees.map(\.rawValue)
                if grantees != [PolicyBlock.Grantee.user.rawValue] { entry["grantees"] = .strings(grantees) }
                if need.isDenied { entry["denied"] = .bool(true) }
                if !need.blocks.isEmpty { entry["blocks"] = .array(need.blocks.map(reference)) }
                if !need.deniedBlocks.isEmpty { entry["deniedBlocks"] = .array(need.deniedBlocks.map(reference)) }
                return .object(entry)
            }
            var entry: [String: ExportJSON] = ["name": .string(row.name), "tools": .array(tools)]
            if row.key != row.name.lowercased() { entry["key"] = .string(row.key) }
            if row.kind != .action { entry["kind"] = .string(row.kind.rawValue) }
            if row.service != Self.defaultService(ofKey: row.key) { entry["service"] = .string(row.service) }
            if let name = catalog?.service(row.service)?.displayName { serviceNames[row.service] = .string(name) }
            if let level = row.accessLevel { entry["accessLevel"] = .string(level.rawValue) }
            if row.isKnown != (row.kind == .action) { entry["known"] = .bool(row.isKnown) }
            if let description = row.description { entry["description"] = .string(description) }
            if row.spellings != [row.name] { entry["spellings"] = .strings(row.spellings) }
            if !row.excluded.isEmpty { entry["excluded"] = .strings(row.excluded) }
            return .object(entry)
        }
        return ExportJSON.object([
            "format": .int(Self.actionsFormat), "catalog": .optional(catalog?.source),
            "services": .object(serviceNames), "actions": .array(rows),
        ]).fileText
    }

    /// The layout of `data/actions.json` (1: every field written, no `format`; 2: defaults left out).
    public static var actionsFormat: Int { PermissionSnapshot.actionsFormat }

    /// A row's service when `actions.json` does not write it: its key's text before the first `:`.
    public static func defaultService(ofKey key: String) -> String {
        key.firstIndex(of: ":").map { String(key[..<$0]) } ?? ""
    }

    // MARK: matrix.csv

    /// What a matrix cell says for a need (see `matrixCSV`).
    public static func matrixCell(_ need: ActionNeed?) -> String {
        guard let need else { return "" }
        switch need.how {
        case .explicit: return need.onlyServiceRole ? "service-role" : "explicit"
        case .wildcard:
            let patterns = need.requiredWildcardPatterns
            return patterns.isEmpty ? "notaction" : "wildcard:" + patterns.joined(separator: " ")
        case .optional: return "optional"
        case .denied: return "deny"
        }
    }

    /// `data/matrix.csv`: a header, then one record per index row in row
    /// order. Columns: `action` (row name), `kind`, `service`,
    /// `access_level`, `known`, then one column per tool (its slug) in site
    /// order. A tool's cell: `explicit` (named in a required Allow, for the
    /// user), `service-role` (named in a required Allow, only for its service
    /// role), `wildcard:<patterns>` (needed only through its required
    /// wildcards, space-separated, as written), `notaction` (only through a
    /// NotAction statement), `optional` (only in optional add-ons), `deny`
    /// (only denied), or empty. RFC 4180 with CRLF, formula-safe (see `CSVWriter`).
    public var matrixCSV: String {
        var out = CSVWriter.record(["action", "kind", "service", "access_level", "known"] + order)
        for row in index.rows {
            out += CSVWriter.record([row.name, row.kind.rawValue, row.service, row.accessLevel?.rawValue ?? "",
                                     row.isKnown ? "yes" : "no"] + order.map { Self.matrixCell(row.needs[$0]) })
        }
        return out
    }
}
