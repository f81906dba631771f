/// Renders a parsed guide to HTML: headings with their ids, pipe tables, policy
/// blocks as anchored and highlighted figures, raw HTML through the sanitizer,
/// and every piece of text escaped. Written on cmark's AST (not cmark's own
/// HTML renderer) because each of those needs to know the node it is on.
public struct GuideRenderer {
    /// Policy blocks of the page, by the position of the node that holds them.
    public var blocks: [SourcePosition: [PolicyBlock]]
    /// Rewrites a link (`setup.md#roles`) to its URL on the site, or returns nil to keep it.
    public var resolveLink: (String) -> String?
    /// Extra HTML placed inside a policy figure's caption (findings, counts); by block anchor.
    public var captionExtras: [String: String]
    /// Extra HTML placed inside a policy figure after its code (its findings); by block anchor.
    public var afterCode: [String: String] = [:]

    /// When set, each policy figure is written as a placeholder naming its block,
    /// filled in later by `fillFigures(_:)`: the page's Markdown is rendered once,
    /// during analysis, before its blocks are classified and checked, and the
    /// parse tree can then be freed.
    public var placeholders = false

    public init(blocks: [PolicyBlock], resolveLink: @escaping (String) -> String? = { _ in nil }, captionExtras: [String: String] = [:]) {
        self.blocks = Dictionary(grouping: blocks, by: \.originKey)
        self.resolveLink = resolveLink
        self.captionExtras = captionExtras
    }

    public func render(_ page: PageStructure) -> String {
        var out = ""
        render(page.document.rootNode, page: page, into: &out)
        return out
    }

    private static let placeholderStart = "<!--permdocs:figure:"
    private static let placeholderEnd = "-->"

    /// `html` (rendered with `placeholders`) with every placeholder replaced by
    /// its block's figure, as this renderer draws it. Anchors are permdocs' own
    /// (`policy-3`), so a placeholder cannot be forged by content: cmark output
    /// of a guide's own `<!--…-->` goes through the sanitizer, which drops comments.
    public func fillFigures(_ html: String, blocks: [PolicyBlock]) -> String {
        guard html.containsBytes(Self.placeholderStart) else { return html }
        let byAnchor = Dictionary(blocks.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        var out = ""
        out.reserveCapacity(html.utf8.count + blocks.count * 512)
        var rest = Substring(html)
        while let start = rest.range(of: Self.placeholderStart) {
            out += rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            guard let end = afterStart.range(of: Self.placeholderEnd) else { rest = afterStart; break }
            let anchor = String(afterStart[..<end.lowerBound])
            if let block = byAnchor[anchor] { out += figure(block, code: block.displayCode ?? block.text) }
            rest = afterStart[end.upperBound...]
        }
        out += rest
        return out
    }

    private func render(_ root: MarkdownNode, page: PageStructure?, into out: inout String) {
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
                if let found = blocks[key], let block = found.first {
                    out += figure(block, code: node.literal)
                } else {
                    let language = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
                    out += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.attribute(language))\">"
                    out += HTMLEscaping.text(node.literal) + "</code></pre>\n"
                }
            case .htmlBlock:
                let here = blocks.filter { $0.key.line >= node.startLine && $0.key.line <= max(node.endLine, node.startLine) }
                if !here.isEmpty {
                    for block in here.values.flatMap({ $0 }).sorted(by: { $0.location < $1.location }) {
                        out += figure(block, code: block.text)
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
                if node.parent?.kind == .heading {
                    let lit = node.literal
                    if HeadingIDs.anchorName(inTag: lit) != nil { skipAnchorClose += 1; break }
                    if skipAnchorClose > 0 && lit.lowercased().hasPrefix("</a") { skipAnchorClose -= 1; break }
                }
                out += HTMLSanitizer().sanitize(node.literal)
            case .emphasis:
                out += entering ? "<em>" : "</em>"
            case .strong:
                out += entering ? "<strong>" : "</strong>"
            case .link:
                if entering {
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
    private func renderTable(_ table: PageStructure.PipeTable, page: PageStructure, into out: inout String) {
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
            let inCell = blocks.filter { $0.key == key || ($0.key.line == line && $0.value.contains { $0.origin == .htmlPre } && $0.key.column >= key.column && $0.key.column < key.column + c.text.unicodeScalars.count) }
            if !inCell.isEmpty {
                for block in inCell.values.flatMap({ $0 }).sorted(by: { $0.location < $1.location }) {
                    out += figure(block, code: block.text)
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

    /// A policy block as an anchored figure with its kind and the JSON highlighted.
    func figure(_ block: PolicyBlock, code: String) -> String {
        if placeholders { return Self.placeholderStart + block.anchor + Self.placeholderEnd }
        let anchor = HTMLEscaping.attribute(block.anchor)
        var html = "<figure class=\"policy policy-\(block.kind.rawValue)\" id=\"\(anchor)\">"
        html += "<figcaption><a class=\"policy-link\" href=\"#\(anchor)\">\(HTMLEscaping.text(block.anchor))</a>"
        html += " <span class=\"badge kind-\(block.kind.rawValue)\">\(HTMLEscaping.text(block.kind.label))</span>"
        if block.grantee == .serviceRole && block.kind != .trust {
            html += " <span class=\"badge grantee-role\">service role</span>"
        }
        if block.origin != .codeBlock {
            html += " <span class=\"badge origin\">from \(HTMLEscaping.text(block.origin.rawValue))</span>"
        }
        html += " <span class=\"where\">line \(block.location.line)</span>"
        if let extra = captionExtras[block.anchor] { html += extra }
        html += "</figcaption>"
        var text = block.origin == .codeBlock ? code : block.text
        // A policy pasted on one line (a table cell) is shown indented, as a policy reads.
        if block.origin != .codeBlock, !text.contains("\n"), let policy = block.policy {
            text = JSONWriter.pretty(policy.node)
        }
        html += "<pre><code class=\"language-json\">" + JSONHighlighter.html(text) + "</code></pre>"
        html += (afterCode[block.anchor] ?? "") + "</figure>\n"
        return html
    }
}
