import PermDocsCore

/// Links between the pages of one tool: a guide links `setup.md#roles`, the
/// site serves `setup.html#roles`.
public enum PageLinks {
    /// `other.md#x` → `other.html#x` when `other` is a page of the same tool.
    public static func resolve(_ url: String, from pageID: String, pages: Set<String>) -> String? {
        guard let target = targetPage(url, from: pageID, pages: pages) else { return nil }
        let fragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
        let depth = pageID.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + target + ".html" + (fragment.map { "#" + $0 } ?? "")
    }

    /// The page id `url` leads to (`setup` for `setup.md#roles`) when it is a page
    /// of the same tool, else nil: what `resolve` rewrites and the link check follows.
    public static func targetPage(_ url: String, from pageID: String, pages: Set<String>) -> String? {
        guard url.containsBytes(".md") else { return nil }
        guard !url.contains(":"), !url.hasPrefix("/") else { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let file = parts.first, file.hasSuffix(".md") else { return nil }
        let dir = pageID.split(separator: "/").dropLast().joined(separator: "/")
        let target = (dir.isEmpty ? "" : dir + "/") + file.dropLast(3)
        if pages.contains(target) { return target }
        // A top-level `README.md` or `_index.md` that is not a page of its own
        // became the tool's intro page (`index`), as MkDocs and Hugo make it.
        if !target.contains("/"), introNames.contains(target.lowercased()), pages.contains("index") { return "index" }
        return nil
    }

    private static let introNames: Set<String> = ["readme", "_index"]
}
