/// Where each page of the site is written, and how pages link to each other.
/// Links are relative so the site works from any folder or file:// URL.
import PermDocsAnalysis
import PermDocsCore

public enum SitePaths {
    public static let index = "index.html"
    public static let matrix = "matrix.html"
    public static let findings = "findings.html"
    public static let overlap = "overlap.html"
    public static let search = "search.html"
    /// The permission history, with `history:` in `site.yml`.
    public static let changes = "changes.html"
    public static let filterScript = "assets/filter.js"
    public static let matrixScript = "assets/matrix.js"
    public static let searchScript = "assets/search.js"
    public static let copyScript = "assets/copy.js"
    /// What the matrix, comparison and search scripts share (rows of the same build, the `tools=` query).
    public static let commonScript = "assets/common.js"
    public static let stylesheet = "assets/style.css"
    public static let favicon = "assets/favicon.svg"
    /// Shown by servers for a missing path (GitHub Pages, Netlify, `permdocs serve`).
    public static let notFound = "404.html"
    /// Every page's absolute URL, when `base_url` is set.
    public static let sitemap = "sitemap.xml"

    public static let compareScript = "assets/compare.js"

    /// The overlap page comparing `tools` (slugs in site order): `overlap.html?tools=a,b#compare`.
    public static func compare(_ tools: [String]) -> String {
        overlap + "?tools=" + tools.map(queryValue).joined(separator: ",") + "#compare"
    }

    /// A slug as a query-string value: characters outside `[A-Za-z0-9-_.~]` percent-encoded (UTF-8).
    static func queryValue(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return out
    }
    /// `policies/<tool>.json`: the tool's required policy.
    public static func toolPolicy(_ tool: String) -> String { "policies/\(tool).json" }
    /// `policies/optional/<tool>.json`: the tool's optional add-ons merged.
    public static func toolOptionalPolicy(_ tool: String) -> String { "policies/optional/\(tool).json" }
    /// `sets/<slug>.html` for a named tool set.
    public static func set(_ slug: String) -> String { "sets/\(slug).html" }
    /// `policies/sets/<slug>.json`.
    public static func setPolicy(_ slug: String) -> String { "policies/sets/\(slug).json" }

    /// `tools/<slug>/index.html`, or `tools/<slug>/<page>.html` for further pages.
    public static func page(tool: String, pageID: String) -> String {
        "tools/\(tool)/\(pageID).html"
    }

    /// A tool's first page (its intro, or the landing page generated for it): every link to "the tool" leads here.
    public static func firstPage(of tool: AnalyzedTool) -> String {
        page(tool: tool.slug, pageID: tool.pages.first?.source.pageID ?? "index")
    }

    /// A link from the page at `from` to a policy block's anchor: `#anchor`
    /// alone on the block's own page (no reload, and a tool page lists
    /// hundreds of such links).
    public static func block(_ ref: BlockReference, from: String) -> String {
        let target = page(tool: ref.toolSlug, pageID: ref.pageID)
        return (target == from ? "" : link(from: from, to: target)) + "#" + ref.anchor
    }

    /// The `../` prefix that leads from `path` back to the site root.
    public static func root(from path: String) -> String {
        // The folder levels counted on the UTF-8 bytes: `split` made an array
        // of substrings for every link of every page, 1% of a 7,825-page build.
        let parts = path.utf8PartCount(separatedBy: UInt8(ascii: "/"))
        return String(repeating: "../", count: max(parts - 1, 0))
    }

    /// A link from the page at `from` to the site path `to`.
    public static func link(from: String, to: String) -> String {
        root(from: from) + to
    }
}
