import PermDocsCore

/// A guide rendered to HTML, with the places where policy figures go.
///
/// The guide is rendered once, during analysis; its figures are drawn later by
/// the site, once each block is classified and checked. Keeping them as typed
/// fragments (not placeholder text in the HTML) means nothing is patched and
/// nothing in a guide can pose as a figure.
public struct RenderedGuide: Hashable, Sendable {
    public enum Fragment: Hashable, Sendable {
        /// HTML that permdocs wrote and escaped or sanitized.
        case html(String)
        /// The figure of the policy block with this anchor (`policy-3`).
        case figure(anchor: String)
    }

    public var fragments: [Fragment]
    /// Every link and image of the guide as written, in page order (for the link check).
    public var links: [GuideLink]
    /// The guide's `##` and `###` headings in page order, for its table of contents.
    public var headings: [GuideHeading]

    public init(fragments: [Fragment], links: [GuideLink] = [], headings: [GuideHeading] = []) {
        self.fragments = fragments
        self.links = links
        self.headings = headings
    }

    /// The bytes of the guide's HTML (figures not counted): what rendering its page costs, roughly.
    public var byteCount: Int {
        fragments.reduce(0) { total, fragment in
            if case .html(let html) = fragment { return total + html.utf8.count }
            return total
        }
    }

    /// The element ids the page will have: every `id="…"` of its HTML (headings,
    /// anchors, raw HTML) and each figure's anchor. What a `#fragment` can land on.
    public var ids: Set<String> {
        var ids = Set<String>()
        for fragment in fragments {
            switch fragment {
            case .figure(let anchor): ids.insert(anchor)
            case .html(let html): Self.collectIDs(html, into: &ids)
            }
        }
        return ids
    }

    /// Reads ` id="…"` attributes from HTML permdocs wrote (values are escaped,
    /// so a quote ends them); `&amp;`-style escapes are decoded for the usual five.
    private static func collectIDs(_ html: String, into ids: inout Set<String>) {
        var html = html
        var needle = " id=\""
        html.withUTF8 { bytes in
            needle.withUTF8 { needle in
                var i = 0
                // `memchr` from one ` id="` to the next: a page's HTML is long and its ids few.
                while let found = String.firstOffset(of: needle, in: bytes, from: i) {
                    let start = found + needle.count
                    var j = start
                    while j < bytes.count && bytes[j] != UInt8(ascii: "\"") { j += 1 }
                    let raw = String(decoding: bytes[start..<j], as: UTF8.self)
                    ids.insert(raw.containsByte(UInt8(ascii: "&")) ? HTMLEscaping.unescapeBasic(raw) : raw)
                    i = j
                }
            }
        }
    }

    /// The anchors of the figures, in page order.
    public var figureAnchors: [String] {
        fragments.compactMap { if case .figure(let anchor) = $0 { return anchor } else { return nil } }
    }

    /// The page's HTML, with each figure drawn by `figure` (nil leaves it out).
    public func html(figure: (String) -> String?) -> String {
        var out = ""
        for fragment in fragments {
            switch fragment {
            case .html(let html): out += html
            case .figure(let anchor): if let drawn = figure(anchor) { out += drawn }
            }
        }
        return out
    }
}

/// A link or image of a guide, as written, and where.
public struct GuideLink: Hashable, Sendable {
    public var url: String
    public var position: SourcePosition
    public var isImage: Bool

    public init(url: String, position: SourcePosition, isImage: Bool) {
        self.url = url
        self.position = position
        self.isImage = isImage
    }
}

/// Where a policy block's figure goes in its page, as the guide renderer needs
/// to know it (the renderer knows nothing else of policies).
public struct FigureSlot: Hashable, Sendable {
    /// The block's anchor on its page (`policy-3`).
    public var anchor: String
    /// The position of the node that holds the block (a code block, a table cell, an HTML block).
    public var position: SourcePosition
    /// Where the block's text starts; orders several figures of one node.
    public var start: SourcePosition
    /// True when the block was read from a `<pre>` inside a table cell's HTML.
    public var inHTMLPre: Bool

    public init(anchor: String, position: SourcePosition, start: SourcePosition, inHTMLPre: Bool) {
        self.anchor = anchor
        self.position = position
        self.start = start
        self.inHTMLPre = inHTMLPre
    }
}

/// Collects the guide renderer's output as HTML text between figures.
///
/// The HTML is gathered as UTF-8 bytes and made a String once per fragment:
/// String appends and interpolation per node showed in profiles.
struct FragmentWriter {
    private var fragments: [RenderedGuide.Fragment] = []
    private var html: [UInt8] = []
    /// Element ids written so far (and those the page's headings and figures take).
    var usedIDs: Set<String> = []
    /// Links and images met so far.
    var links: [GuideLink] = []
    /// Section headings met so far.
    var headings: [GuideHeading] = []

    init() { html.reserveCapacity(16 * 1024) }

    /// Appends HTML permdocs wrote (or already escaped or sanitized).
    static func += (writer: inout FragmentWriter, text: String) {
        writer.html.append(contentsOf: text.utf8)
    }

    /// Appends content, escaped (`HTMLEscaping.text`).
    mutating func escaped(_ text: String) {
        HTMLEscaping.appendText(text, to: &html)
    }

    /// Appends a cmark literal, escaped, read in place; nothing for nil.
    mutating func escaped(cString: UnsafePointer<CChar>?) {
        if let cString { HTMLEscaping.appendText(cString: cString, to: &html) }
    }

    /// Appends a number in decimal.
    mutating func number(_ n: Int) {
        html.append(contentsOf: String(n).utf8)
    }

    mutating func figure(_ anchor: String) {
        flush()
        fragments.append(.figure(anchor: anchor))
    }

    mutating func finish() -> [RenderedGuide.Fragment] {
        flush()
        return fragments
    }

    /// Ends the current HTML fragment. (cmark's input is valid UTF-8 and its
    /// literals are cut at ASCII, so decoding repairs nothing.)
    private mutating func flush() {
        if !html.isEmpty { fragments.append(.html(String(decoding: html, as: UTF8.self))); html.removeAll(keepingCapacity: true) }
    }
}
