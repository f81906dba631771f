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
        let url = trimmingSpaces(url)
        guard !url.isEmpty, !hasScheme(url), !url.hasPrefix("/") else { return nil }
        let (path, fragment) = url.isASCIIBytes ? asciiParts(url) : characterParts(url)
        // Only a `%` can make decoding change the text.
        let decodedFragment = fragment.containsByte(UInt8(ascii: "%")) ? (fragment.removingPercentEncoding ?? fragment) : fragment
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

    /// The URL without spaces and tabs (and other Unicode spaces) at either
    /// end. Links rarely have any: when both end bytes are ASCII and neither
    /// space nor tab, the URL is kept without asking Foundation.
    static func trimmingSpaces(_ url: String) -> String {
        let bytes = url.utf8
        guard let first = bytes.first, let last = bytes.last else { return url }
        func keeps(_ b: UInt8) -> Bool { b < 0x80 && b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") }
        return keeps(first) && keeps(last) ? url : url.trimmingCharacters(in: .whitespaces)
    }

    /// The path (before any `?` or `#`) and the fragment (after the first `#`) of an all-ASCII URL, on its bytes.
    private static func asciiParts(_ url: String) -> (path: String, fragment: String) {
        let bytes = url.utf8
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let fragment = hash.map { String(url[bytes.index(after: $0)...]) } ?? ""
        let beforeHash = url[..<(hash ?? bytes.endIndex)]
        let query = beforeHash.utf8.firstIndex(of: UInt8(ascii: "?")) ?? beforeHash.endIndex
        return (String(beforeHash[..<query]), fragment)
    }

    /// `asciiParts` on Characters, for a URL that is not all ASCII (a
    /// combining mark after `#` or `?` joins it into another Character).
    private static func characterParts(_ url: String) -> (path: String, fragment: String) {
        let hash = url.firstIndex(of: "#")
        let beforeHash = hash.map { String(url[..<$0]) } ?? url
        let fragment = hash.map { String(url[url.index(after: $0)...]) } ?? ""
        let path = beforeHash.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return (path, fragment)
    }

    /// `https:`, `mailto:`, `data:`…: an ASCII letter, then ASCII letters,
    /// digits and `+ - .`, then a colon, before any `/`, `?` or `#`. On the
    /// bytes: a byte beyond ASCII is a scalar beyond ASCII, which ends the scheme.
    static func hasScheme(_ url: String) -> Bool {
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard let first = url.utf8.first, isLetter(first) else { return false }
        for b in url.utf8 {
            if b == UInt8(ascii: ":") { return true }
            if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { return false }
            guard isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { return false }
        }
        return false
    }
}
