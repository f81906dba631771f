import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `data/blocks.json`: every policy block of the site, as permdocs read it,
/// for scripts that audit or compare guides.
extension SiteExports {
    public static let blocksPath = "data/blocks.json"

    /// `{"blocks": [...]}`, tools in site order, then pages in tool order, then
    /// blocks in page order. Per block:
    ///
    /// - `tool`, `page` (the page's path under the content folder's `tools/`),
    ///   `anchor`, `url` (its figure, relative to the site root), `line`, `column`;
    /// - `kind` (identity, trust, resource, excerpt, optional, not-aws,
    ///   unparsed) and `grantee` (user, service-role, resource, none);
    /// - `excerpt_of`: the policy an excerpt repeats (`tool`, `page`, `anchor`,
    ///   `url`), else null;
    /// - `actions`: the actions its Allow statements name, as first written,
    ///   each once (case-insensitively), in the order written; none for JSON
    ///   that is not an AWS policy or did not parse;
    /// - `optional_actions`: those of them named only in statements the guide
    ///   says are optional (all of them for an optional add-on);
    /// - `findings`: how many findings are reported on it (silenced ones not counted).
    ///
    /// Written straight into bytes (`CompactJSONWriter`), keys in sorted order.
    public var blocksJSON: String {
        var out = CompactJSONWriter(capacity: 1 << 16)
        out.beginObject()
        out.key("blocks")
        out.beginArray()
        for tool in site.tools {
            for page in tool.pages {
                for block in page.blocks {
                    writeBlockRecord(block, diagnostics: page.diagnostics, into: &out)
                }
            }
        }
        out.endArray()
        out.endObject()
        out.raw("\n")
        return out.text
    }

    private func writeBlockRecord(_ block: PolicyBlock, diagnostics: [Diagnostic], into out: inout CompactJSONWriter) {
        var named: [String] = [], optionalOnly: [String] = []
        var seen = Set<String>(), required = Set<String>()
        if let policy = block.policy, block.kind != .notAWS {
            for (index, st) in policy.statements.enumerated() where st.isAllow {
                for a in st.actions ?? [] {
                    let key = a.value.written.lowercased()
                    if seen.insert(key).inserted { named.append(a.value.written) }
                    if !block.isOptional(statementAt: index) { required.insert(key) }
                }
            }
            optionalOnly = named.filter { !required.contains($0.lowercased()) }
        }
        let findings = diagnostics.filter { d in d.block == block.reference || block.syntaxError.map { $0 == d } ?? false }.count
        let page = block.file.hasPrefix("tools/") ? String(block.file.dropFirst("tools/".count)) : block.file
        out.beginObject()
        out.key("actions"); out.strings(named)
        out.key("anchor"); out.string(block.anchor)
        out.key("column"); out.int(block.location.column)
        out.key("excerpt_of")
        if let ref = block.excerptOf {
            out.beginObject()
            out.key("anchor"); out.string(ref.anchor)
            out.key("page"); out.string(ref.pageID)
            out.key("tool"); out.string(ref.toolSlug)
            out.key("url"); out.string(SitePaths.block(ref, from: SitePaths.index))
            out.endObject()
        } else {
            out.null()
        }
        out.key("findings"); out.int(findings)
        out.key("grantee"); out.string(block.grantee.rawValue)
        out.key("kind"); out.string(block.kind.rawValue)
        out.key("line"); out.int(block.location.line)
        out.key("optional_actions"); out.strings(optionalOnly)
        out.key("page"); out.string(page)
        out.key("tool"); out.string(block.toolSlug)
        out.key("url"); out.string(SitePaths.block(block.reference, from: SitePaths.index))
        out.endObject()
    }
}
