/// `data/compare.js`: what the overlap page's comparison of any two or more
/// tools computes from, in the browser. It replaces a page and a policy file
/// per pair of tools (which grew with the square of the tool count) by data
/// that grows with the content: each tool's need set as row numbers, the rows
/// its wildcards reach, and its merged required statements.
///
/// A script file (not JSON to fetch) so that the comparison also works from
/// `file://`, where browsers refuse `fetch`. The JSON inside is written with
/// `ExportJSON`'s escapes, so no string can end the script or the literal.
///
/// The browser merges the selected tools' statements by the rules of
/// `MergedPolicyDocument`; merging merged documents gives the same document
/// as merging the raw statements, because the merge groups by a key
/// (`mergeKey`), unions actions case-insensitively in first-seen order, and
/// only then drops names a wildcard of the same statement covers, sorts and
/// numbers the Sids. `permdocs policy` prints the same bytes.
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

public enum CompareData {
    public static let path = "data/compare.js"

    /// The script's text: `window.permdocsCompare = {…};`.
    ///
    /// Tools refer to rows by their number in `data/rows.js` (`RowsData`:
    /// names and addresses, which the page loads first).
    ///
    /// - `tools`: in site order, `slug`, `name`, `url`, `needs` (the rows of its
    ///   need set, as `ToolOverlap` defines it, ascending), `covers` (`[pattern,
    ///   [rows]]`: rows it needs only through that required wildcard or NotAction,
    ///   by pattern), `statements` (its merged required policy, see `statement`).
    public static func script(site: AnalyzedSite, combined: [String: CombinedPolicy], rowsVersion: String) -> String {
        let index = site.index
        var needs: [String: [Int]] = [:]
        var covers: [String: [String: [Int]]] = [:]
        for (i, row) in index.rows.enumerated() {
            for (slug, need) in row.needs where need.isRequired {
                needs[slug, default: []].append(i)
                guard !need.isNamedRequired else { continue }
                var patterns = Set<String>()
                for grant in need.requiredGrants {
                    switch grant.via {
                    case .wildcard(let p): patterns.insert(p)
                    case .notAction(let names): patterns.insert(names.joined(separator: ", "))
                    case .name: break
                    }
                }
                for p in patterns { covers[slug, default: [:]][p, default: []].append(i) }
            }
        }
        let tools: [ExportJSON] = site.tools.map { tool in
            let byPattern = covers[tool.slug] ?? [:]
            return .object([
                "slug": .string(tool.slug),
                "name": .string(tool.tool.metadata.name),
                "url": .string(SitePaths.firstPage(of: tool)),
                "needs": .array((needs[tool.slug] ?? []).map(ExportJSON.int)),
                "covers": .array(byPattern.keys.sorted().map { .array([.string($0), .array(byPattern[$0]!.map(ExportJSON.int))]) }),
                "statements": .array((combined[tool.slug]?.required.statements ?? []).map(statement)),
            ])
        }
        let data = ExportJSON.object(["rowsVersion": .string(rowsVersion), "tools": .array(tools)])
        return "window.permdocsCompare = " + data.compactText + ";\n"
    }

    /// One merged statement: `key` (`mergeKey`), `effect`, `notAction`,
    /// `actions`, `resources` and `notResources` (lists, or null when absent),
    /// and `condition`: the Condition as `JSONWriter` prints it at a
    /// statement's depth in a document (so the browser prints the same bytes),
    /// or null.
    static func statement(_ st: MergedStatement) -> ExportJSON {
        .object([
            "key": .string(mergeKey(st)),
            "effect": .string(st.effect.rawValue),
            "notAction": .bool(st.isNotAction),
            "actions": .strings(st.actions),
            "resources": st.resources.map(ExportJSON.strings) ?? .null,
            "notResources": st.notResources.map(ExportJSON.strings) ?? .null,
            "condition": st.condition.map { .string(indented(JSONWriter.pretty($0), depth: 3)) } ?? .null,
        ])
    }

    /// Two statements merge into one exactly when their keys are equal: the
    /// effect, Action or NotAction, the Resource and NotResource sets, the
    /// Condition (operator, key ignoring case, values ignoring order) and, for
    /// Deny and NotAction statements (kept rather than merged), the action set.
    /// The same grouping as `MergedPolicyDocument`.
    static func mergeKey(_ st: MergedStatement) -> String {
        func set(_ list: [String]?) -> String {
            guard let list else { return "-" }
            return ExportJSON.strings(Array(Set(list)).sorted()).compactText
        }
        var parts = [st.effect.rawValue, st.isNotAction ? "not" : "action", set(st.resources), set(st.notResources)]
        parts.append(set(st.conditionKey.map(Array.init)))
        let merged = st.effect == .allow && !st.isNotAction
        parts.append(merged ? "" : set(st.actions.map { $0.lowercased() }))
        return parts.joined(separator: "|")
    }

    /// Pretty JSON re-indented to stand `depth` levels deep (lines after the first).
    private static func indented(_ text: String, depth: Int) -> String {
        let pad = String(repeating: "  ", count: depth)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }
}
