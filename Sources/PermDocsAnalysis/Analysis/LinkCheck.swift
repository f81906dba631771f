import Foundation
import PermDocsCore
import PermDocsMarkdown

/// Finds the relative links and images of a tool's pages that lead nowhere on
/// the built site, as Zola and Docusaurus do: a `.md` link that is not a page
/// of the tool (the renderer leaves those unrewritten), a `#fragment` that no
/// element of the target page carries, and a relative path to a file the site
/// does not publish (permdocs publishes the guides' pages, not their other
/// files). URLs with a scheme (`https:`, `mailto:`) and absolute paths are not
/// checked: nothing is fetched.
public enum LinkCheck {
    /// `broken-link` warnings for every page of one tool, in page order.
    public static func findings(pages: [AnalyzedPage]) -> [[Diagnostic]] {
        let pageIDs = Set(pages.map(\.source.pageID))
        let ids = Self.ids(of: pages)
        let alias = pages.first?.source.introAlias
        return pages.map { findings(for: $0, pageIDs: pageIDs, introAlias: alias, ids: ids).findings }
    }

    /// The heading and anchor ids of each page, by page id.
    static func ids(of pages: [AnalyzedPage]) -> [String: Set<String>] {
        Dictionary(pages.map { ($0.source.pageID, $0.guide.ids) }, uniquingKeysWith: { a, _ in a })
    }

    /// The `broken-link` warnings of one page of a tool whose pages are
    /// `pageIDs`, and the pages whose ids they depend on (the page itself for
    /// `#fragment` links, the target of `page.md#fragment` links): only a
    /// change of those pages' ids, or of the tool's pages, can change them.
    static func findings(for page: AnalyzedPage, pageIDs: Set<String>, introAlias: String? = nil, ids: [String: Set<String>]) -> (findings: [Diagnostic], consulted: Set<String>) {
        var consulted = Set<String>()
        let findings = page.guide.links.compactMap { link -> Diagnostic? in
            let found = problem(link.url, from: page.source.pageID, pages: pageIDs, introAlias: introAlias) { pageID in
                consulted.insert(pageID)
                return ids[pageID] ?? []
            }
            guard let problem = found else { return nil }
            let what = link.isImage ? "image" : "link"
            var d = FindingRules.brokenLink.finding(
                "\(what) '\(link.url)' \(problem.message)",
                at: SourceLocation(file: page.source.path, line: link.position.line, column: link.position.column),
                fix: problem.fix, subject: link.url)
            d.block = nil
            return d
        }
        return (findings, consulted)
    }

    struct Problem {
        var message: String
        var fix: String
    }

    static func problem(_ url: String, from pageID: String, pages: Set<String>, introAlias: String? = nil, ids: (String) -> Set<String>) -> Problem? {
        let url = url.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, !hasScheme(url), !url.hasPrefix("/") else { return nil }
        let hash = url.firstIndex(of: "#")
        let beforeHash = hash.map { String(url[..<$0]) } ?? url
        let fragment = hash.map { String(url[url.index(after: $0)...]) } ?? ""
        let path = beforeHash.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let decodedFragment = fragment.removingPercentEncoding ?? fragment
        if path.isEmpty {
            guard !decodedFragment.isEmpty, !ids(pageID).contains(decodedFragment) else { return nil }
            return Problem(message: "leads to no heading or anchor '#\(decodedFragment)' of this page",
                           fix: "link to a heading id of the page (they are shown by the # beside each heading)")
        }
        guard path.hasSuffix(".md") else {
            return Problem(message: "leads to '\(path)', which the site does not publish (only the guides' pages are)",
                           fix: "link to a page of the guide, or to the file's published address (an https:// URL)")
        }
        guard let target = PageLinks.targetPage(url, from: pageID, pages: pages, introAlias: introAlias) else {
            return Problem(message: "leads to '\(path)', which is not a page of this tool",
                           fix: "link to a .md file of the same tool, by its path from this page")
        }
        guard !decodedFragment.isEmpty else { return nil }
        guard !ids(target).contains(decodedFragment) else { return nil }
        return Problem(message: "leads to no heading or anchor '#\(decodedFragment)' of '\(path)'",
                       fix: "link to a heading id of '\(path)' (shown by the # beside each heading)")
    }

    /// `https:`, `mailto:`, `data:`…: letters, digits, `+ - .`, then a colon, before any `/`, `?` or `#`.
    private static func hasScheme(_ url: String) -> Bool {
        guard let first = url.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        for c in url.unicodeScalars {
            if c == ":" { return true }
            if c == "/" || c == "?" || c == "#" { return false }
            guard c.isASCII, CharacterSet.alphanumerics.contains(c) || c == "+" || c == "-" || c == "." else { return false }
        }
        return false
    }
}
