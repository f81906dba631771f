import PermDocsCore

/// Links between the pages of one tool: a guide links `setup.md#roles`, the
/// site serves `setup.html#roles`.
public enum PageLinks {
    /// `other.md#x` → `other.html#x` when `other` is a page of the same tool.
    /// `introAlias` is the file the intro page was read from when that is not
    /// `index.md` (`README` for `README.md`): links to it lead to `index`.
    public static func resolve(_ url: String, from pageID: String, pages: Set<String>, introAlias: String? = nil) -> String? {
        guard let target = targetPage(url, from: pageID, pages: pages, introAlias: introAlias) else { return nil }
        let fragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
        let depth = pageID.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + target + ".html" + (fragment.map { "#" + $0 } ?? "")
    }

    /// The page id `url` leads to (`setup` for `setup.md#roles`) when it is a page
    /// of the same tool, else nil: what `resolve` rewrites and the link check follows.
    public static func targetPage(_ url: String, from pageID: String, pages: Set<String>, introAlias: String? = nil) -> String? {
        guard url.containsBytes(".md") else { return nil }
        guard !url.contains(":"), !url.hasPrefix("/") else { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let file = parts.first, file.hasSuffix(".md") else { return nil }
        let dir = pageID.split(separator: "/").dropLast().joined(separator: "/")
        let target = (dir.isEmpty ? "" : dir + "/") + file.dropLast(3)
        if pages.contains(target) { return target }
        // The `README.md` or `_index.md` that became the tool's intro page.
        if let introAlias, target == introAlias, pages.contains("index") { return "index" }
        return nil
    }
}
