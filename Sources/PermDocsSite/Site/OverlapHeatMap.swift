/// The tool × tool overlap as an SVG heat map, drawn at build time so the
/// page needs no chart library. A cell's shade is the Jaccard similarity of
/// the two tools' need sets and its number the count of rows both need; its
/// `<title>` says both in words, and it links to the pair's page. The
/// diagonal shows each tool's own count and links to the tool.
import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown

public struct OverlapHeatMap {
    public struct Tool {
        public var slug: String
        public var name: String
        /// What the row and column labels show: the tool's `short_name`, else its name (the full name is the label link's accessible name).
        public var label: String
        /// From the page the map stands on.
        public var url: String
    }

    public var tools: [Tool]
    public var overlap: ToolOverlap
    /// The pair page of (a, b), from the page the map stands on.
    public var pairURL: (String, String) -> String

    static let cell = 36
    /// Room for a label: about 7 px per character at the map's 12 px font, for the longest (clipped) name.
    static let characterWidth = 7.2

    public init(tools: [Tool], overlap: ToolOverlap, pairURL: @escaping (String, String) -> String) {
        self.tools = tools
        self.overlap = overlap
        self.pairURL = pairURL
    }

    /// The room the labels need: the longest clipped label, never less than a short one's.
    var labelWidth: Int {
        let longest = tools.map { Self.clip($0.label).count }.max() ?? 0
        return max(60, Int((Double(longest) * Self.characterWidth).rounded(.up)) + 12)
    }

    public var svg: String {
        let n = tools.count, c = Self.cell, left = labelWidth
        // Column labels are turned 60°: they rise sin 60° of their length and lean cos 60° (half of it) to the right.
        let top = Int((Double(labelWidth) * 0.87).rounded(.up)), lean = labelWidth / 2
        let size = (left + n * c + max(4, lean - c / 2), top + n * c + 4)
        // No role="img": an img's content is hidden from assistive technology, and the map's links must stay
        // reachable (axe's nested-interactive). The SVG's own role (graphics-document) keeps the title as its name.
        var out = "<svg class=\"heatmap\" width=\"\(size.0)\" height=\"\(size.1)\" viewBox=\"0 0 \(size.0) \(size.1)\" aria-labelledby=\"heatmap-title\">"
        out += "<title id=\"heatmap-title\">Shared actions between tools; shade is Jaccard similarity</title>"
        for (i, t) in tools.enumerated() {
            let y = top + i * c + c / 2 + 4
            let link = "<a href=\"\(HTMLEscaping.attribute(t.url))\" aria-label=\"\(HTMLEscaping.attribute(t.name))\">"
            out += link + "<text class=\"row-label\" x=\"\(left - 6)\" y=\"\(y)\" text-anchor=\"end\">\(HTMLEscaping.text(Self.clip(t.label)))</text></a>"
            let x = left + i * c + c / 2 + 4
            out += link + "<text class=\"col-label\" x=\"\(x)\" y=\"\(top - 6)\" transform=\"rotate(-60 \(x) \(top - 6))\">\(HTMLEscaping.text(Self.clip(t.label)))</text></a>"
        }
        for (i, a) in tools.enumerated() {
            for (j, b) in tools.enumerated() {
                let x = left + j * c, y = top + i * c
                let shared = overlap.sharedCount(a.slug, b.slug)
                let jaccard = overlap.jaccard(a.slug, b.slug)
                let title: String, url: String
                if i == j {
                    title = "\(a.name): needs \(CountPhrase.of(shared, "action"))"
                    url = a.url
                } else {
                    let u = overlap.unionCount(a.slug, b.slug)
                    title = "\(a.name) and \(b.name): \(shared) shared of \(u), Jaccard \(Self.percent(jaccard))"
                    url = i < j ? pairURL(a.slug, b.slug) : pairURL(b.slug, a.slug)
                }
                // Shade in ten steps so the classes stay few and the theme can recolour them.
                let step = i == j ? "self" : String(Int((jaccard * 10).rounded()))
                out += "<a href=\"\(HTMLEscaping.attribute(url))\"><rect class=\"heat heat-\(step)\" x=\"\(x)\" y=\"\(y)\" width=\"\(c - 2)\" height=\"\(c - 2)\"><title>\(HTMLEscaping.text(title))</title></rect>"
                out += "<text class=\"heat-num\" x=\"\(x + c / 2 - 1)\" y=\"\(y + c / 2 + 4)\" text-anchor=\"middle\">\(shared)</text></a>"
            }
        }
        return out + "</svg>"
    }

    /// `0.43` → `43%`.
    public static func percent(_ v: Double) -> String { "\(Int((v * 100).rounded()))%" }

    /// Long tool names are shortened in the labels (the full name is in each cell's title).
    static func clip(_ s: String) -> String { s.count > 32 ? String(s.prefix(31)) + "…" : s }
}
