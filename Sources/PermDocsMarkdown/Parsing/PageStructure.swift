/// What one pass over a parsed page learns, shared by extraction and rendering
/// so both agree: each heading's id, which paragraphs are pipe tables, and
/// which section every block stands in.
import CMark
import PermDocsCore

public final class PageStructure {
    public let document: MarkdownDocument
    public let file: String
    /// Heading node → its id.
    public private(set) var headingIDs: [OpaquePointer: String] = [:]
    /// Heading node → its plain text (`MarkdownNode.plainText`), read once
    /// here for its id and kept for extraction and rendering, which read it
    /// again for every heading before.
    private(set) var headingTexts: [OpaquePointer: String] = [:]
    /// Paragraph node → the table it holds.
    private(set) var tables: [OpaquePointer: PipeTable] = [:]
    /// Ids already taken on the page; policy block anchors are claimed here too.
    /// The page's own sections' ids are taken before any heading's.
    public var ids = HeadingIDs(reserving: HeadingIDs.pageSectionIDs)

    /// A pipe table found in a paragraph, with its cells' positions in the file.
    public struct PipeTable {
        public var syntax: PipeTableSyntax.Table
        /// File line of each row (header first, then body rows), and the column offset of its text.
        public var headerLine: Int
        public var bodyLines: [Int]
        public var columnOffsets: [Int: Int]
    }

    public init(document: MarkdownDocument, file: String) {
        self.document = document
        self.file = file
        // On pointers (see `walkPointers`); a one-line paragraph is never a
        // table, so most paragraphs are passed over without a `MarkdownNode`.
        MarkdownNode.walkPointers(from: document.rootNode.pointer) { ptr, type, entering in
            guard entering else { return .visitChildren }
            switch type {
            case CMARK_NODE_HEADING:
                let heading = MarkdownNode(pointer: ptr, document: document)
                let text = heading.plainText
                headingTexts[ptr] = text
                headingIDs[ptr] = ids.id(for: heading, text: text)
                return .skipChildren
            case CMARK_NODE_PARAGRAPH:
                if cmark_node_get_end_line(ptr) > cmark_node_get_start_line(ptr),
                   let table = Self.table(in: MarkdownNode(pointer: ptr, document: document)) {
                    tables[ptr] = table
                }
                return .skipChildren
            default:
                return .visitChildren
            }
        }
    }

    public func headingID(_ node: MarkdownNode) -> String? { headingIDs[node.pointer] }
    /// The heading's plain text, as `node.plainText` reads it.
    public func headingText(_ node: MarkdownNode) -> String { headingTexts[node.pointer] ?? node.plainText }
    public func table(_ node: MarkdownNode) -> PipeTable? { tables[node.pointer] }
    func table(pointer: OpaquePointer) -> PipeTable? { tables[pointer] }

    /// Reads a paragraph's source lines as a pipe table, if they are one.
    public static func table(in paragraph: MarkdownNode) -> PipeTable? {
        let doc = paragraph.document
        let first = paragraph.startLine, last = paragraph.endLine
        guard last > first else { return nil }  // a table needs a header and a delimiter row
        // A table has a pipe in its header or delimiter row. Checked on the source
        // lines before they are copied (dropping indentation drops no pipe):
        // most paragraphs of several lines are prose.
        let pipe = UInt8(ascii: "|")
        guard doc.line(first).containsByte(pipe) || doc.line(first + 1).containsByte(pipe) else { return nil }
        let indent = paragraph.startColumn - 1
        var lines: [String] = []
        var offsets: [Int: Int] = [:]
        for n in first...last {
            let line = doc.line(n)
            // Drop the container's indentation (list items, block quote markers), at most up to the paragraph's column.
            var dropped = 0
            var rest = Substring(line)
            while dropped < max(indent, 0), let c = rest.unicodeScalars.first, c == " " || c == "\t" || c == ">" {
                rest = rest.dropFirst()
                dropped += 1
            }
            if n > first {
                // Continuation lines may be indented less or more; strip spaces only.
                while let c = rest.first, c == " " { rest = rest.dropFirst(); dropped += 1 }
            }
            offsets[n] = dropped
            lines.append(String(rest))
        }
        // Bytes, not `contains("|")`: Foundation's search bridges every multi-line paragraph to UTF-16.
        guard lines[0].utf8.contains(UInt8(ascii: "|")) || lines[1].utf8.contains(UInt8(ascii: "|")), let syntax = PipeTableSyntax.parse(lines: lines) else { return nil }
        // Rows must cover the whole paragraph, or the paragraph is prose with pipes in it.
        guard syntax.body.count + 2 == lines.count else { return nil }
        return PipeTable(syntax: syntax, headerLine: first + syntax.header.lineIndex, bodyLines: syntax.body.map { first + $0.lineIndex }, columnOffsets: offsets)
    }
}
