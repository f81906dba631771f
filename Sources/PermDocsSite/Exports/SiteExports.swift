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

    /// `data/actions.json`: `{"catalog": "<package version>" or null, "actions": [...]}`,
    /// one entry per index row in row order (service, then key, then kind).
    /// Per row: name, key, kind (`action`, `pattern`, `notAction`), service,
    /// serviceName (catalog's, or null), accessLevel, known, description
    /// (null unless known), spellings, excluded (NotAction rows' names),
    /// url, and `tools`: one entry per tool that reaches the row, in site
    /// order, with `how` (`explicit`, `wildcard`, `optional`, `denied`; see
    /// `ActionNeed.How`), `required`, `named`, `patterns` (wildcards of its
    /// Allow statements that cover the row, sorted), `notAction` (true when a
    /// NotAction Allow covers it), `grantees` (`user`, `service-role`),
    /// `denied`, `blocks` (its Allow blocks) and `deniedBlocks`.
    public var actionsJSON: String {
        let rows = index.rows.map { row -> ExportJSON in
            let tools = order.compactMap { slug -> ExportJSON? in
                guard let need = row.needs[slug] else { return nil }
                return .object([
                    "slug": .string(slug), "how": .string(need.how.rawValue),
                    "required": .bool(need.isRequired), "named": .bool(need.isNamed),
                    "patterns": .strings(need.wildcardPatterns),
                    "notAction": .bool(need.allowGrants.contains { if case .notAction = $0.via { return true } else { return false } }),
                    "grantees": .strings(need.grantees.map(\.rawValue)),
                    "denied": .bool(need.isDenied),
                    "blocks": .array(need.blocks.map(reference)), "deniedBlocks": .array(need.deniedBlocks.map(reference)),
                ])
            }
            return .object([
                "name": .string(row.name), "key": .string(row.key), "kind": .string(row.kind.rawValue),
                "service": .string(row.service), "serviceName": .optional(catalog?.service(row.service)?.displayName),
                "accessLevel": .optional(row.accessLevel?.rawValue), "known": .bool(row.isKnown),
                "description": .optional(row.description), "spellings": .strings(row.spellings),
                "excluded": .strings(row.excluded),
                "url": .string(SitePaths.matrix + "#" + Self.fragment(for: row)),
                "tools": .array(tools),
            ])
        }
        return ExportJSON.object(["catalog": .optional(catalog?.source), "actions": .array(rows)]).fileText
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
