import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `data/actions.json`: every row of the action index with how each tool reaches it.
extension SiteExports {
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
    ///
    /// Written straight into bytes (`CompactJSONWriter`), keys in sorted order:
    /// it is the largest export (3.7 MB on the guides corpus).
    public var actionsJSON: String {
        let order = site.index.toolOrder
        var serviceNames: [String: String] = [:]
        var out = CompactJSONWriter(capacity: 1 << 16)
        out.beginObject()
        out.key("actions")
        out.beginArray()
        for row in site.index.rows {
            out.beginObject()
            if let level = row.accessLevel { out.key("accessLevel"); out.string(level.rawValue) }
            if let description = row.description { out.key("description"); out.string(description) }
            if !row.excluded.isEmpty { out.key("excluded"); out.strings(row.excluded) }
            if row.key != row.name.lowercased() { out.key("key"); out.string(row.key) }
            if row.kind != .action { out.key("kind"); out.string(row.kind.rawValue) }
            if row.isKnown != (row.kind == .action) { out.key("known"); out.bool(row.isKnown) }
            out.key("name"); out.string(row.name)
            if row.service != Self.defaultService(ofKey: row.key) { out.key("service"); out.string(row.service) }
            if row.spellings.count != 1 || row.spellings[0] != row.name { out.key("spellings"); out.strings(row.spellings) }
            out.key("tools")
            out.beginArray()
            for slug in order {
                guard let need = row.needs[slug] else { continue }
                writeToolEntry(slug: slug, need: need, into: &out)
            }
            out.endArray()
            out.endObject()
            if let name = catalog?.service(row.service)?.displayName { serviceNames[row.service] = name }
        }
        out.endArray()
        out.key("catalog"); out.string(catalog?.source)
        out.key("format"); out.int(Self.actionsFormat)
        out.key("services")
        out.beginObject()
        for prefix in serviceNames.keys.sorted() {
            out.key(prefix)
            out.string(serviceNames[prefix]!)
        }
        out.endObject()
        out.endObject()
        out.raw("\n")
        return out.text
    }

    /// The layout of `data/actions.json` (1: every field written, no `format`; 2: defaults left out).
    public static var actionsFormat: Int { PermissionSnapshot.actionsFormat }

    /// A row's service when `actions.json` does not write it: its key's text before the first `:`.
    public static func defaultService(ofKey key: String) -> String {
        key.firstIndex(of: ":").map { String(key[..<$0]) } ?? ""
    }

    /// One tool's entry in a row's `tools` (see `actionsJSON`), keys sorted.
    ///
    /// The facts come from one walk over the need's grants where
    /// `ActionNeed`'s properties would each filter them into a new array (and
    /// `blocks`, `deniedBlocks` into a set): those were most of this export.
    private func writeToolEntry(slug: String, need: ActionNeed, into out: inout CompactJSONWriter) {
        var allowBlocks = DistinctBlocks(), denyBlocks = DistinctBlocks()
        var viaNotAction = false, viaWildcard = false
        // Whom the grants that make up `how` go to: the required ones when there are any.
        var requiredUser = false, requiredRole = false, allowUser = false, allowRole = false, isRequired = false
        for grant in need.grants {
            guard grant.isAllow else {
                denyBlocks.add(grant.block)
                continue
            }
            allowBlocks.add(grant.block)
            switch grant.via {
            case .notAction: viaNotAction = true
            case .wildcard: viaWildcard = true
            case .name: break
            }
            if grant.grantee == .user { allowUser = true } else if grant.grantee == .serviceRole { allowRole = true }
            if !grant.isOptional {
                isRequired = true
                if grant.grantee == .user { requiredUser = true } else if grant.grantee == .serviceRole { requiredRole = true }
            }
        }
        let onlyUser = isRequired ? requiredUser && !requiredRole : allowUser && !allowRole
        out.beginObject()
        if !allowBlocks.list.isEmpty { out.key("blocks"); writeReferences(allowBlocks.list, into: &out) }
        if !denyBlocks.list.isEmpty { out.key("denied"); out.bool(true) }
        if !denyBlocks.list.isEmpty { out.key("deniedBlocks"); writeReferences(denyBlocks.list, into: &out) }
        // The default, `["user"]`, is `need.grantees` when only user grants make up `how`.
        if !onlyUser { out.key("grantees"); out.strings(need.grantees.lazy.map(\.rawValue)) }
        let how = need.how
        if how != .explicit { out.key("how"); out.string(how.rawValue) }
        if !need.isNamed { out.key("named"); out.bool(false) }
        if viaNotAction { out.key("notAction"); out.bool(true) }
        if viaWildcard { out.key("patterns"); out.strings(need.wildcardPatterns) }
        out.key("slug"); out.string(slug)
        out.endObject()
    }

    /// Blocks of the tool whose entry holds them, each its page and anchor. The tool
    /// and the URL (`tools/<slug>/<page>.html#<anchor>`) follow from those, so
    /// they are not repeated thousands of times.
    private func writeReferences(_ refs: [BlockReference], into out: inout CompactJSONWriter) {
        out.beginArray()
        for ref in refs {
            out.beginObject()
            out.key("anchor"); out.string(ref.anchor)
            out.key("page"); out.string(ref.pageID)
            out.endObject()
        }
        out.endArray()
    }
}

/// Blocks each once, in the order first added (`ActionNeed.blocks`). A need's
/// grants come in block order, so a repeat is nearly always the last block;
/// most needs have a few blocks, compared in a list, and a long list (one
/// action in hundreds of a tool's blocks) gets a set.
private struct DistinctBlocks {
    private(set) var list: [BlockReference] = []
    private var seen: Set<BlockReference>?

    mutating func add(_ block: BlockReference) {
        if list.last == block { return }
        if seen == nil && list.count >= 16 { seen = Set(list) }
        if seen != nil {
            guard seen!.insert(block).inserted else { return }
        } else if list.contains(block) {
            return
        }
        list.append(block)
    }
}
