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
    ///
    /// One pass over a tool's rows, written straight into bytes
    /// (`CompactJSONWriter`), keys in sorted order.
    public var toolsJSON: String {
        let levelNames = AccessLevel.allCases.map(\.rawValue).sorted()
        let kindNames = PolicyBlock.Kind.allCases.map(\.rawValue).sorted()
        var out = CompactJSONWriter(capacity: 1 << 14)
        out.beginObject()
        out.key("tools")
        out.beginArray()
        for tool in site.tools {
            var required: [String] = [], optional: [String] = [], viaWildcard: [String] = [], denied: [String] = []
            var unknown = 0, patterns = 0
            var levels: [String: Int] = [:]
            for row in index.rows(of: tool.slug) {
                let need = row.needs[tool.slug]!
                let how = need.how, isNamed = need.isNamed
                if how == .explicit { required.append(row.name) }
                if how == .optional && isNamed { optional.append(row.name) }
                if how == .wildcard { viaWildcard.append(row.name) }
                if need.isDenied { denied.append(row.name) }
                if row.isUnknown && isNamed { unknown += 1 }
                if row.isPattern && isNamed { patterns += 1 }
                if let level = row.accessLevel, how == .explicit || how == .wildcard { levels[level.rawValue, default: 0] += 1 }
            }
            let blocks = tool.blocks
            var kinds: [String: Int] = [:]
            for block in blocks { kinds[block.kind.rawValue, default: 0] += 1 }
            out.beginObject()
            out.key("actions")
            out.beginObject()
            out.key("counts")
            out.beginObject()
            out.key("byAccessLevel")
            out.beginObject()
            for level in levelNames { out.key(level); out.int(levels[level] ?? 0) }
            out.endObject()
            out.key("denied"); out.int(denied.count)
            out.key("optional"); out.int(optional.count)
            out.key("patterns"); out.int(patterns)
            out.key("required"); out.int(required.count)
            out.key("unknown"); out.int(unknown)
            out.key("viaWildcard"); out.int(viaWildcard.count)
            out.endObject()
            out.key("denied"); out.strings(denied)
            out.key("optional"); out.strings(optional)
            out.key("required"); out.strings(required)
            out.key("viaWildcard"); out.strings(viaWildcard)
            out.endObject()
            out.key("blockKinds")
            out.beginObject()
            for kind in kindNames { out.key(kind); out.int(kinds[kind] ?? 0) }
            out.endObject()
            out.key("blocks"); out.int(blocks.count)
            out.key("name"); out.string(tool.tool.metadata.name)
            out.key("pages"); out.int(tool.pages.count)
            out.key("slug"); out.string(tool.slug)
            out.key("url"); out.string(SitePaths.firstPage(of: tool))
            out.key("vendor"); out.string(tool.tool.metadata.vendor)
            out.endObject()
        }
        out.endArray()
        out.endObject()
        out.raw("\n")
        return out.text
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
