/// What a reader wants to know about a tool before its permissions.
import PermDocsCore
import PermDocsMarkdown

public struct ToolMetadata: Hashable, Sendable {
    /// From `site.yml`'s `tools:`, else the intro page's front matter or H1,
    /// else the file or folder name made readable; never another page's heading.
    public var name: String
    public var vendor: String?
    public var sourceURL: String?
    public var productVersion: String?
    public var lastUpdated: String?
    public var description: String?
    /// A shorter name for tight places (`short_name`); nil when none is given.
    public var shortName: String?
    /// Where the tool's pages are edited (`edit_url`): a URL the page's path
    /// inside the tool is appended to; nil when none is given.
    public var editURL: String?

    public init(name: String, vendor: String? = nil, sourceURL: String? = nil, productVersion: String? = nil, lastUpdated: String? = nil, description: String? = nil,
                shortName: String? = nil, editURL: String? = nil) {
        self.name = name
        self.vendor = vendor
        self.sourceURL = sourceURL
        self.productVersion = productVersion
        self.lastUpdated = lastUpdated
        self.description = description
        self.shortName = shortName
        self.editURL = editURL
    }
}

/// A tool whose permissions a guide documents: one Markdown file, or a folder
/// whose `index.md` introduces it (one is made when there is none, see
/// `LandingPage`) and whose other pages follow.
public struct Tool: Hashable, Sendable {
    /// The file or folder name under `tools/`, used in URLs.
    public var slug: String
    public var metadata: ToolMetadata
    /// The introducing page first, then the others by path.
    public var pages: [PageSource]

    public init(slug: String, metadata: ToolMetadata, pages: [PageSource]) {
        self.slug = slug
        self.metadata = metadata
        self.pages = pages
    }
}

/// One Markdown page as read from the content folder.
public struct PageSource: Hashable, Sendable {
    /// Path relative to the content root, as shown in messages (`tools/dms.md`);
    /// for a generated page, its tool's folder (`tools/dms/`).
    public var path: String
    /// Path of the page inside its tool, without `.md` (`index`, `setup/roles`).
    public var pageID: String
    public var frontMatter: FrontMatter
    /// The Markdown after front matter, with the same line numbers as the file.
    public var body: String
    /// The first `# ` heading's text, if any (outside code fences).
    public let firstH1: String?
    /// Made by permdocs, not read from a file: a folder tool's landing page.
    /// It has no file to edit or link to.
    public var isGenerated: Bool

    public init(path: String, pageID: String, frontMatter: FrontMatter, body: String, isGenerated: Bool = false) {
        self.path = path
        self.pageID = pageID
        self.frontMatter = frontMatter
        self.body = body
        self.firstH1 = Self.firstH1(of: body)
        self.isGenerated = isGenerated
    }

    /// For a folder tool's intro page read from `README.md` or `_index.md`
    /// (see `IntroPageFile`), that file's name without `.md` (`README`): a link
    /// to it from another page of the tool leads to the intro page. Nil otherwise.
    public var introAlias: String? {
        guard pageID == "index", !isGenerated else { return nil }
        let parts = path.split(separator: "/")
        guard parts.count == 3, let file = parts.last, file.hasSuffix(".md") else { return nil }
        let stem = String(file.dropLast(3))
        return stem == "index" ? nil : stem
    }

    static func firstH1(of body: String) -> String? {
        // Line by line up to the first H1 (splitting the whole body first made an
        // array of every line of every page). Only a line whose first byte after
        // its spaces is a backtick, tilde or hash can pass a test below.
        var inFence = false
        let utf8 = body.utf8
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let bytes = utf8[start..<end].drop { $0 == UInt8(ascii: " ") }
            if let first = bytes.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first == UInt8(ascii: "#") {
                let t = Substring(bytes)
                if t.hasPrefix("```") || t.hasPrefix("~~~") {
                    inFence.toggle()
                } else if !inFence, t.hasPrefix("# ") {
                    return CommonMarkText.plainHeadingText(String(t.dropFirst(2)))
                }
            }
            guard end < utf8.endIndex else { return nil }
            start = utf8.index(after: end)
        }
    }

    /// Title: front matter `title`, else the first H1, else the page id.
    public var title: String {
        frontMatter["title"] ?? firstH1 ?? pageID
    }
}
