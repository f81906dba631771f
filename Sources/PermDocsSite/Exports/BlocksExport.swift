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
    public var blocksJSON: String {
        var records: [ExportJSON] = []
        for tool in site.tools {
            for page in tool.pages {
                for block in page.blocks {
                    records.append(blockRecord(block, diagnostics: page.diagnostics))
                }
            }
        }
        return ExportJSON.object(["blocks": .array(records)]).fileText
    }

    private func blockRecord(_ block: PolicyBlock, diagnostics: [Diagnostic]) -> ExportJSON {
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
        return .object([
            "tool": .string(block.toolSlug), "page": .string(page), "anchor": .string(block.anchor),
            "url": .string(SitePaths.block(block.reference, from: SitePaths.index)),
            "line": .int(block.location.line), "column": .int(block.location.column),
            "kind": .string(block.kind.rawValue), "grantee": .string(block.grantee.rawValue),
            "excerpt_of": block.excerptOf.map { ref in
                .object(["tool": .string(ref.toolSlug), "page": .string(ref.pageID), "anchor": .string(ref.anchor),
                         "url": .string(SitePaths.block(ref, from: SitePaths.index))])
            } ?? .null,
            "actions": .strings(named), "optional_actions": .strings(optionalOnly),
            "findings": .int(findings),
        ])
    }
}
