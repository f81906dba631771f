import PermDocsCore

/// Links between the pages of one tool: a guide links `setup.md#roles`, the
/// site serves `setup.html#roles`.
///
/// Every link of every page comes through here (to rewrite it, and again to
/// check it), so an all-ASCII link is read on its bytes; any other is read
/// Character by Character, as before, since a combining mark after `#` or
/// `:` makes it part of a larger Character that the rules do not stop at.
public enum PageLinks {
    /// `other.md#x` → `other.html#x` when `other` is a page of the same tool.
    /// `introAlias` is the file the intro page was read from when that is not
    /// `index.md` (`README` for `README.md`): links to it lead to `index`.
    public static func resolve(_ url: String, from pageID: String, pages: Set<String>, introAlias: String? = nil) -> String? {
        guard let target = targetPage(url, from: pageID, pages: pages, introAlias: introAlias) else { return nil }
        let fragment: Substring?
        if url.isASCIIBytes {
            fragment = url.utf8.firstIndex(of: UInt8(ascii: "#")).map { url[url.utf8.index(after: $0)...] }
        } else {
            fragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
        }
        // Bytes are characters only in ASCII ids ("/" and a combining mark are one character).
        let depth = pageID.isASCIIBytes ? pageID.utf8PartCount(separatedBy: UInt8(ascii: "/")) - 1 : pageID.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + target + ".html" + (fragment.map { "#" + $0 } ?? "")
    }

    /// The page id `url` leads to (`setup` for `setup.md#roles`) when it is a page
    /// of the same tool, else nil: what `resolve` rewrites and the link check follows.
    public static func targetPage(_ url: String, from pageID: String, pages: Set<String>, introAlias: String? = nil) -> String? {
        guard url.containsBytes(".md") else { return nil }
        guard let file = url.isASCIIBytes ? asciiFile(url) : characterFile(url) else { return nil }
        let dir = folder(of: pageID)
        let target = (dir.isEmpty ? "" : dir + "/") + file.dropLast(3)
        if pages.contains(target) { return target }
        // The `README.md` or `_index.md` that became the tool's intro page.
        if let introAlias, target == introAlias, pages.contains("index") { return "index" }
        return nil
    }

    /// The folders of a page id (`a/b` for `a/b/page`), empty folder names dropped.
    private static func folder(of pageID: String) -> String {
        guard pageID.containsByte(UInt8(ascii: "/")) else { return "" }
        guard pageID.isASCIIBytes else { return pageID.split(separator: "/").dropLast().joined(separator: "/") }
        // Page ids are folder names and a file name, one slash apart: their
        // folder is everything before the last slash, cut without copying
        // each name (every link of every page comes here).
        let bytes = pageID.utf8
        if bytes.first != UInt8(ascii: "/"), bytes.last != UInt8(ascii: "/"), !pageID.containsBytes("//"),
           let last = bytes.lastIndex(of: UInt8(ascii: "/")) {
            return String(pageID[..<last])
        }
        var out: [UInt8] = []
        for name in pageID.utf8.split(separator: UInt8(ascii: "/")).dropLast() {
            if !out.isEmpty { out.append(UInt8(ascii: "/")) }
            out.append(contentsOf: name)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The file part (before `#`) of a relative link to a `.md` file: nil for
    /// a URL with a colon anywhere, one starting with `/`, or a file not ending in `.md`.
    private static func asciiFile(_ url: String) -> Substring? {
        let bytes = url.utf8
        guard bytes.first != UInt8(ascii: "/"), !url.containsByte(UInt8(ascii: ":")) else { return nil }
        let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        let file = url[..<end]
        guard file.utf8.count >= 3, file.utf8.suffix(3).elementsEqual(".md".utf8) else { return nil }
        return file
    }

    /// `asciiFile`'s rule on Characters, for a link that is not all ASCII.
    private static func characterFile(_ url: String) -> Substring? {
        guard !url.contains(":"), !url.hasPrefix("/") else { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let file = parts.first, file.hasSuffix(".md") else { return nil }
        return file
    }
}
