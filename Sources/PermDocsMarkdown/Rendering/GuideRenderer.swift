import Foundation
import PermDocsCore

/// Renders a parsed guide to HTML: headings with their ids, pipe tables, raw
/// HTML through the sanitizer, and every piece of text escaped. Written on
/// cmark's AST (not cmark's own HTML renderer) because each of those needs to
/// know the node it is on.
///
/// Policy blocks are not drawn here: where one stands, the result holds a
/// `.figure` fragment naming it, and the site draws the figure once the block
/// is classified and checked. So a page is parsed and rendered once, during
/// analysis, and its parse tree freed.
public struct GuideRenderer {
    /// Where each policy figure goes, by the position of the node that holds it.
    public var figures: [SourcePosition: [FigureSlot]]
    /// Rewrites a link (`setup.md#roles`) to its URL on the site, or returns nil to keep it.
    public var resolveLink: (String) -> String?

    public init(figures: [FigureSlot], resolveLink: @escaping (String) -> String? = { _ in nil }) {
        self.figures = Dictionary(grouping: figures, by: \.position)
        self.resolveLink = resolveLink
    }

    public func render(_ page: PageStructure) -> RenderedGuide {
        var out = FragmentWriter()
        // Ids the page already has, so an old anchor never repeats one.
        out.usedIDs = Set(page.headingIDs.values).union(figures.values.flatMap { $0.map(\.anchor) })
        render(page.document.rootNode, page: page, into: &out)
        let links = out.links, headings = out.headings
        return RenderedGuide(fragments: out.finish(), links: links, headings: headings)
    }

    private func render(_ root: MarkdownNode, page: PageStructure?, into out: inout FragmentWriter) {
        var tightStack: [Bool] = []
        var skipAnchorClose = 0
        root.walk { node, entering in
            switch node.kind {
            case .document:
                break
            case .paragraph:
                if entering, let page, let table = page.table(node) {
                    renderTable(table, page: page, into: &out)
                    return .skipChildren
                }
                let tight = node.parent?.kind == .item && (tightStack.last ?? false)
                if !tight { out += entering ? "<p>" : "</p>\n" }
            case .heading:
                if entering {
                    let id = page?.headingID(node) ?? ""
                    out += "<h\(node.headingLevel) id=\"\(HTMLEscaping.attribute(id))\">"
                    if (2...3).contains(node.headingLevel), !id.isEmpty {
                        // One space between words: inline HTML (`<b>`) leaves its spaces behind.
                        let text = Self.singleSpaced(node.plainText)
                        if !text.isEmpty { out.headings.append(GuideHeading(level: node.headingLevel, text: text, id: id)) }
                    }
                } else {
                    let id = page?.headingID(node) ?? ""
                    out += "<a class=\"heading-anchor\" href=\"#\(HTMLEscaping.attribute(id))\" aria-label=\"Link to this section\">#</a></h\(node.headingLevel)>\n"
                }
            case .blockQuote:
                out += entering ? "<blockquote>\n" : "</blockquote>\n"
            case .list:
                if entering {
                    tightStack.append(node.isTightList)
                    if node.isOrderedList {
                        out += node.listStart != 1 ? "<ol start=\"\(node.listStart)\">\n" : "<ol>\n"
                    } else {
                        out += "<ul>\n"
                    }
                } else {
                    tightStack.removeLast()
                    out += node.isOrderedList ? "</ol>\n" : "</ul>\n"
                }
            case .item:
                out += entering ? "<li>" : "</li>\n"
            case .codeBlock:
                let key = SourcePosition(line: node.startLine, column: node.startColumn)
                if let found = figures[key], !found.isEmpty {
                    // Several policies read from one block (pasted together, or
                    // written inside other code) each get their figure, in order.
                    for slot in found.sorted(by: { ($0.start.line, $0.start.column) < ($1.start.line, $1.start.column) }) {
                        out.figure(slot.anchor)
                    }
                } else {
                    let language = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
                    // Focusable: a reader without a mouse scrolls a long line with the arrow keys.
                    out += language.isEmpty ? "<pre tabindex=\"0\"><code>" : "<pre tabindex=\"0\"><code class=\"language-\(HTMLEscaping.attribute(language))\">"
                    out += HTMLEscaping.text(node.literal) + "</code></pre>\n"
                }
            case .htmlBlock:
                let here = figures.filter { $0.key.line >= node.startLine && $0.key.line <= max(node.endLine, node.startLine) }
                if !here.isEmpty {
                    for slot in here.values.flatMap({ $0 }).sorted(by: { $0.start < $1.start }) {
                        out.figure(slot.anchor)
                    }
                } else {
                    out += HTMLSanitizer().sanitize(node.literal) + "\n"
                }
            case .thematicBreak:
                out += "<hr>\n"
            case .text:
                out += HTMLEscaping.text(node.literal)
            case .softBreak:
                out += "\n"
            case .lineBreak:
                out += "<br>\n"
            case .code:
                out += "<code>" + HTMLEscaping.text(node.literal) + "</code>"
            case .htmlInline:
                // In a heading, an `<a name>` anchor has become the heading's id.
                let lit = node.literal
                if node.parent?.kind == .heading {
                    if HeadingIDs.anchorName(inTag: lit) != nil { skipAnchorClose += 1; break }
                    if skipAnchorClose > 0 && lit.lowercased().hasPrefix("</a") { skipAnchorClose -= 1; break }
                } else if let name = Self.namedAnchor(lit) {
                    // Elsewhere, `<a name="x">` (obsolete in HTML5) becomes `<a id="x">`, so links to
                    // `#x` still land; dropped when the page already has that id.
                    // `<a name="x"/>` closes itself: no `</a>` of its own follows.
                    let selfClosing = Self.closesItself(lit)
                    if out.usedIDs.insert(name).inserted {
                        out += "<a id=\"\(HTMLEscaping.attribute(name))\">" + (selfClosing ? "</a>" : "")
                    } else if !selfClosing {
                        skipAnchorClose += 1
                    }
                    break
                } else if skipAnchorClose > 0 && lit.lowercased().hasPrefix("</a") {
                    skipAnchorClose -= 1
                    break
                }
                out += HTMLSanitizer().sanitize(lit)
            case .emphasis:
                out += entering ? "<em>" : "</em>"
            case .strong:
                out += entering ? "<strong>" : "</strong>"
            case .link:
                if entering {
                    out.links.append(GuideLink(url: node.url, position: Self.position(of: node), isImage: false))
                    let url = resolveLink(node.url) ?? node.url
                    if SafeURL.isAllowed(url) {
                        out += "<a href=\"\(HTMLEscaping.attribute(url))\""
                        if !node.title.isEmpty { out += " title=\"\(HTMLEscaping.attribute(node.title))\"" }
                        out += ">"
                    } else {
                        out += "<a>"
                    }
                } else {
                    out += "</a>"
                }
            case .image:
                if entering {
                    out.links.append(GuideLink(url: node.url, position: Self.position(of: node), isImage: true))
                    let alt = node.plainText
                    if SafeURL.isAllowed(node.url) {
                        out += "<img src=\"\(HTMLEscaping.attribute(node.url))\" alt=\"\(HTMLEscaping.attribute(alt))\">"
                    } else {
                        out += HTMLEscaping.text(alt)
                    }
                }
                return .skipChildren
            case .customBlock, .customInline, .unknown:
                break
            }
            return .visitChildren
        }
    }

    /// A pipe table; a cell that holds a policy becomes that policy's figure.
    private func renderTable(_ table: PageStructure.PipeTable, page: PageStructure, into out: inout FragmentWriter) {
        func align(_ i: Int) -> String {
            guard i < table.syntax.alignments.count else { return "" }
            switch table.syntax.alignments[i] {
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            case .none: return ""
            }
        }
        func cell(_ c: PipeTableSyntax.Cell, line: Int, tag: String, index: Int) {
            let key = SourcePosition(line: line, column: c.column + (table.columnOffsets[line] ?? 0))
            out += "<\(tag)\(align(index))>"
            let inCell = figures.filter { $0.key == key || ($0.key.line == line && $0.value.contains { $0.inHTMLPre } && $0.key.column >= key.column && $0.key.column < key.column + c.text.unicodeScalars.count) }
            if !inCell.isEmpty {
                for slot in inCell.values.flatMap({ $0 }).sorted(by: { $0.start < $1.start }) {
                    out.figure(slot.anchor)
                }
            } else {
                let doc = MarkdownDocument(c.text)
                for block in doc.rootNode.children {
                    for inline in block.children { render(inline, page: nil, into: &out) }
                }
            }
            out += "</\(tag)>"
        }
        let headerEmpty = table.syntax.header.cells.allSatisfy { $0.text.isEmpty }
        out += "<div class=\"table-wrap\"><table>\n"
        if !headerEmpty {
            out += "<thead><tr>"
            for (i, c) in table.syntax.header.cells.enumerated() { cell(c, line: table.headerLine, tag: "th", index: i) }
            out += "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for (row, line) in zip(table.syntax.body, table.bodyLines) {
            out += "<tr>"
            for (i, c) in row.cells.enumerated() { cell(c, line: line, tag: "td", index: i) }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    /// Where a link starts: its own position where cmark records one for
    /// inlines, else its block's. (Links in table cells are parsed apart, so
    /// they point at their block only when cmark knows nothing better.)
    static func position(of node: MarkdownNode) -> SourcePosition {
        var current: MarkdownNode? = node
        while let n = current {
            if n.startLine > 0 { return SourcePosition(line: n.startLine, column: n.startColumn) }
            current = n.parent
        }
        return SourcePosition(line: 1, column: 1)
    }

    /// The words of `text` with one space between them (and none around).
    /// ASCII text is cut on its bytes: there each white-space Character is one
    /// of these bytes, or "\r\n".
    static func singleSpaced(_ text: String) -> String {
        guard text.isASCIIBytes else { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for b in text.utf8 {
            if (b >= 0x09 && b <= 0x0D) || b == 0x20 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the tag ends in `/>`, white space after it aside. An ASCII
    /// tag is read on its bytes (Foundation's trimming showed in profiles).
    static func closesItself(_ tag: String) -> Bool {
        guard tag.isASCIIBytes else { return tag.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("/>") }
        // ASCII white space of `.whitespacesAndNewlines`: tab, line feed, vertical tab, form feed, carriage return, space.
        let trimmed = tag.utf8.reversed().drop { ($0 >= 0x09 && $0 <= 0x0D) || $0 == 0x20 }
        return trimmed.starts(with: ">/".utf8)
    }

    /// The name of an anchor-only `<a name="x">` tag (no `href`, no `id`), or nil.
    static func namedAnchor(_ tag: String) -> String? {
        guard tag.utf8.count < 300, let name = HeadingIDs.anchorName(inTag: tag), !name.isEmpty else { return nil }
        let lower = tag.lowercased()
        guard lower.containsBytes("name"), !lower.containsBytes("href"), !lower.containsBytes(" id") else { return nil }
        return name
    }
}
