import CMark
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
        render(page.document.rootNode.pointer, document: page.document, page: page, into: &out)
        let links = out.links, headings = out.headings
        return RenderedGuide(fragments: out.finish(), links: links, headings: headings)
    }

    /// Walks on cmark's pointers and writes bytes: a `MarkdownNode` (an
    /// unowned retain of the document) is made only for the few node types
    /// that need its helpers, and literals are escaped straight from cmark's
    /// C strings. Both showed in profiles as String and reference traffic.
    private func render(_ root: OpaquePointer, document: MarkdownDocument, page: PageStructure?, into out: inout FragmentWriter) {
        var tightStack: [Bool] = []
        var skipAnchorClose = 0
        func nodeAt(_ ptr: OpaquePointer) -> MarkdownNode { MarkdownNode(pointer: ptr, document: document) }
        func parentType(_ ptr: OpaquePointer) -> cmark_node_type? { cmark_node_parent(ptr).map { cmark_node_get_type($0) } }
        MarkdownNode.walkPointers(from: root) { ptr, type, entering in
            switch type {
            case CMARK_NODE_DOCUMENT:
                break
            case CMARK_NODE_PARAGRAPH:
                if entering, let page, let table = page.table(pointer: ptr) {
                    renderTable(table, page: page, into: &out)
                    return .skipChildren
                }
                let tight = parentType(ptr) == CMARK_NODE_ITEM && (tightStack.last ?? false)
                if !tight { out += entering ? "<p>" : "</p>\n" }
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(ptr))
                let id = page?.headingIDs[ptr] ?? ""
                if entering {
                    out += "<h"
                    out.number(level)
                    out += " id=\""
                    out.escaped(id)
                    out += "\">"
                    if (2...3).contains(level), !id.isEmpty {
                        // One space between words: inline HTML (`<b>`) leaves its spaces behind.
                        let text = Self.singleSpaced(page?.headingTexts[ptr] ?? nodeAt(ptr).plainText)
                        if !text.isEmpty { out.headings.append(GuideHeading(level: level, text: text, id: id)) }
                    }
                } else {
                    out += "<a class=\"heading-anchor\" href=\"#"
                    out.escaped(id)
                    out += "\" aria-label=\"Link to this section\">#</a></h"
                    out.number(level)
                    out += ">\n"
                }
            case CMARK_NODE_BLOCK_QUOTE:
                out += entering ? "<blockquote>\n" : "</blockquote>\n"
            case CMARK_NODE_LIST:
                let ordered = cmark_node_get_list_type(ptr) == CMARK_ORDERED_LIST
                if entering {
                    tightStack.append(cmark_node_get_list_tight(ptr) != 0)
                    if ordered {
                        let start = Int(cmark_node_get_list_start(ptr))
                        if start != 1 {
                            out += "<ol start=\""
                            out.number(start)
                            out += "\">\n"
                        } else {
                            out += "<ol>\n"
                        }
                    } else {
                        out += "<ul>\n"
                    }
                } else {
                    tightStack.removeLast()
                    out += ordered ? "</ol>\n" : "</ul>\n"
                }
            case CMARK_NODE_ITEM:
                out += entering ? "<li>" : "</li>\n"
            case CMARK_NODE_CODE_BLOCK:
                let node = nodeAt(ptr)
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
                    if language.isEmpty {
                        out += "<pre tabindex=\"0\"><code>"
                    } else {
                        out += "<pre tabindex=\"0\"><code class=\"language-"
                        out.escaped(language)
                        out += "\">"
                    }
                    out.escaped(cString: cmark_node_get_literal(ptr))
                    out += "</code></pre>\n"
                }
            case CMARK_NODE_HTML_BLOCK:
                let node = nodeAt(ptr)
                let here = figures.filter { $0.key.line >= node.startLine && $0.key.line <= max(node.endLine, node.startLine) }
                if !here.isEmpty {
                    for slot in here.values.flatMap({ $0 }).sorted(by: { $0.start < $1.start }) {
                        out.figure(slot.anchor)
                    }
                } else {
                    out += HTMLSanitizer().sanitize(node.literal)
                    out += "\n"
                }
            case CMARK_NODE_THEMATIC_BREAK:
                out += "<hr>\n"
            case CMARK_NODE_TEXT:
                out.escaped(cString: cmark_node_get_literal(ptr))
            case CMARK_NODE_SOFTBREAK:
                out += "\n"
            case CMARK_NODE_LINEBREAK:
                out += "<br>\n"
            case CMARK_NODE_CODE:
                out += "<code>"
                out.escaped(cString: cmark_node_get_literal(ptr))
                out += "</code>"
            case CMARK_NODE_HTML_INLINE:
                // In a heading, an `<a name>` anchor has become the heading's id.
                let lit = nodeAt(ptr).literal
                if parentType(ptr) == CMARK_NODE_HEADING {
                    if HeadingIDs.anchorName(inTag: lit) != nil { skipAnchorClose += 1; break }
                    if skipAnchorClose > 0 && lit.lowercased().hasPrefix("</a") { skipAnchorClose -= 1; break }
                } else if let name = Self.namedAnchor(lit) {
                    // Elsewhere, `<a name="x">` (obsolete in HTML5) becomes `<a id="x">`, so links to
                    // `#x` still land; dropped when the page already has that id.
                    // `<a name="x"/>` closes itself: no `</a>` of its own follows.
                    let selfClosing = Self.closesItself(lit)
                    if out.usedIDs.insert(name).inserted {
                        out += "<a id=\""
                        out.escaped(name)
                        out += selfClosing ? "\"></a>" : "\">"
                    } else if !selfClosing {
                        skipAnchorClose += 1
                    }
                    break
                } else if skipAnchorClose > 0 && lit.lowercased().hasPrefix("</a") {
                    skipAnchorClose -= 1
                    break
                }
                out += HTMLSanitizer().sanitize(lit)
            case CMARK_NODE_EMPH:
                out += entering ? "<em>" : "</em>"
            case CMARK_NODE_STRONG:
                out += entering ? "<strong>" : "</strong>"
            case CMARK_NODE_LINK:
                if entering {
                    let node = nodeAt(ptr)
                    let written = node.url
                    out.links.append(GuideLink(url: written, position: Self.position(of: node), isImage: false))
                    let url = resolveLink(written) ?? written
                    if SafeURL.isAllowed(url) {
                        out += "<a href=\""
                        out.escaped(url)
                        out += "\""
                        let title = node.title
                        if !title.isEmpty {
                            out += " title=\""
                            out.escaped(title)
                            out += "\""
                        }
                        out += ">"
                    } else {
                        out += "<a>"
                    }
                } else {
                    out += "</a>"
                }
            case CMARK_NODE_IMAGE:
                if entering {
                    let node = nodeAt(ptr)
                    let written = node.url
                    out.links.append(GuideLink(url: written, position: Self.position(of: node), isImage: true))
                    let alt = node.plainText
                    if SafeURL.isAllowed(written) {
                        out += "<img src=\""
                        out.escaped(written)
                        out += "\" alt=\""
                        out.escaped(alt)
                        out += "\">"
                    } else {
                        out.escaped(alt)
                    }
                }
                return .skipChildren
            default:
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
                    for inline in block.children { render(inline.pointer, document: doc, page: nil, into: &out) }
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
    ///
    /// Climbs on cmark's pointers: cmark 0.30 records no position for
    /// inlines, so most links climb to their block, and a `MarkdownNode` per
    /// step cost an unowned retain and release of the document.
    static func position(of node: MarkdownNode) -> SourcePosition {
        var current: OpaquePointer? = node.pointer
        while let p = current {
            if cmark_node_get_start_line(p) > 0 {
                let n = MarkdownNode(pointer: p, document: node.document)
                return SourcePosition(line: n.startLine, column: n.startColumn)
            }
            current = cmark_node_parent(p)
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
        guard tag.isASCIIBytes else {
            let lower = tag.lowercased()
            guard lower.containsBytes("name"), !lower.containsBytes("href"), !lower.containsBytes(" id") else { return nil }
            return name
        }
        // An ASCII tag lowercases byte by byte: its words are looked for
        // case-folded in place, with no lowercased copy made of it.
        guard containsFolded(tag, "name"), !containsFolded(tag, "href"), !containsFolded(tag, " id") else { return nil }
        return name
    }

    /// True when `word` (lowercase ASCII) occurs in the ASCII `text`, its
    /// letters compared as `lowercased()` would make them.
    private static func containsFolded(_ text: String, _ word: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard b.count >= w.count else { return false }
            for start in 0...(b.count - w.count) {
                var k = 0
                while k < w.count {
                    let c = b[start + k]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != w[k] { break }
                    k += 1
                }
                if k == w.count { return true }
            }
            return false
        }
    }
}
