import CMark
import Foundation
import PermDocsCore

/// A Markdown page parsed by cmark (CommonMark 0.30), with source positions.
///
/// The class owns cmark's tree and frees it; `MarkdownNode`s are views into it
/// and must not outlive the document.
public final class MarkdownDocument: @unchecked Sendable {
    private let root: OpaquePointer
    /// The text that was parsed, split into lines as cmark numbers them (without their endings).
    public let lines: [Substring]

    public init(_ markdown: String) {
        var text = markdown
        // cmark takes bytes; NUL would end C strings early and is invalid in CommonMark anyway.
        if text.containsByte(0) { text = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        // Split on bytes, where cmark ends lines ("\n", "\r\n" or a lone "\r"): a line
        // number from cmark is then an index here. Character-wise splitting also showed
        // in profiles of large sites (grapheme breaking).
        lines = SourceLines.texts(of: text)
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE
        root = text.withCString { ptr in
            cmark_parse_document(ptr, strlen(ptr), options)!
        }
    }

    deinit { cmark_node_free(root) }

    public var rootNode: MarkdownNode { MarkdownNode(pointer: root, document: self) }

    /// The source line (1-based) or "" past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// Converts cmark's 1-based byte column on a line into a 1-based scalar column.
    public func scalarColumn(line: Int, byteColumn: Int) -> Int {
        // Most blocks start at column 1: nothing to count.
        guard byteColumn > 1 else { return 1 }
        var text = self.line(line)
        // Each scalar has one byte that is not a continuation byte (10xxxxxx);
        // a prefix cut inside a scalar counts it once, as decoding would (one U+FFFD).
        // Counted on the line's bytes in place (every node's column comes here).
        return text.withUTF8 { bytes in
            var column = 1
            for byte in bytes.prefix(min(byteColumn - 1, bytes.count)) where byte & 0xC0 != 0x80 { column += 1 }
            return column
        }
    }
}

/// One node of a `MarkdownDocument`.
public struct MarkdownNode {
    let pointer: OpaquePointer
    unowned let document: MarkdownDocument

    public enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case unknown
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .unknown
        }
    }

    public var children: MarkdownChildren { MarkdownChildren(first: cmark_node_first_child(pointer), document: document) }
    public var parent: MarkdownNode? { cmark_node_parent(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    public var next: MarkdownNode? { cmark_node_next(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    public var previous: MarkdownNode? { cmark_node_previous(pointer).map { MarkdownNode(pointer: $0, document: document) } }

    /// Text of text, code, code block and HTML nodes.
    public var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    public var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    /// True for a fenced code block (cmark 0.30 has no getter: read the opening line).
    public var isFenced: Bool {
        let bytes = document.line(startLine).utf8.dropFirst(max(0, startByteColumn - 1)).drop { $0 == UInt8(ascii: " ") }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("```") || text.hasPrefix("~~~")
    }
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    public var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    public var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
    public var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    public var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    public var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }

    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    /// Start column in Unicode scalars (cmark counts bytes).
    public var startColumn: Int {
        document.scalarColumn(line: startLine, byteColumn: Int(cmark_node_get_start_column(pointer)))
    }
    public var startByteColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The text of all text and code descendants, as a reader sees it.
    public var plainText: String {
        var out = ""
        Self.appendPlainText(of: pointer, to: &out)
        return out
    }

    /// On cmark's pointers alone: a `MarkdownNode` per descendant cost an
    /// unowned retain and release of the document each.
    private static func appendPlainText(of node: OpaquePointer, to out: inout String) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: if let text = cmark_node_get_literal(node) { out += String(cString: text) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
        default:
            var child = cmark_node_first_child(node)
            while let c = child {
                appendPlainText(of: c, to: &out)
                child = cmark_node_next(c)
            }
        }
    }
}

extension MarkdownNode: Equatable {
    public static func == (a: MarkdownNode, b: MarkdownNode) -> Bool { a.pointer == b.pointer }
}

/// The children of a node, in order.
public struct MarkdownChildren: Sequence {
    let first: OpaquePointer?
    unowned let document: MarkdownDocument

    public func makeIterator() -> Iterator {
        Iterator(current: first, document: document)
    }

    /// Follows cmark's sibling pointers (a struct: an `AnyIterator` was an
    /// object made for every node whose children were walked).
    public struct Iterator: IteratorProtocol {
        var current: OpaquePointer?
        unowned let document: MarkdownDocument

        public mutating func next() -> MarkdownNode? {
            guard let node = current else { return nil }
            current = cmark_node_next(node)
            return MarkdownNode(pointer: node, document: document)
        }
    }
}

/// Small helpers that read Markdown snippets as CommonMark does.
public enum CommonMarkText {
    /// The text a reader sees of a heading's Markdown: escapes resolved,
    /// emphasis marks and inline HTML (such as `<a name>` anchors) removed.
    public static func plainHeadingText(_ markdown: String) -> String {
        let doc = MarkdownDocument(markdown)
        var text = ""
        for block in doc.rootNode.children { text += block.plainText }
        return cleanHeading(text)
    }

    /// Heading text without a trailing `{#id}` and surrounding spaces.
    public static func cleanHeading(_ text: String) -> String {
        HeadingIDs.removingAttributeSuffix(text).trimmedSpaces()
    }
}

/// What a walker does after visiting a node on entry.
public enum WalkDecision {
    case visitChildren
    /// Go straight to this node's exit event.
    case skipChildren
}

extension MarkdownNode {
    /// Visits this node and its descendants in document order, each container
    /// once on entry and once on exit, with cmark's iterator: no recursion, so
    /// deeply nested input cannot exhaust the stack.
    public func walk(_ visit: (MarkdownNode, _ entering: Bool) -> WalkDecision) {
        Self.walkPointers(from: pointer) { ptr, _, entering in visit(MarkdownNode(pointer: ptr, document: document), entering) }
    }

    /// False for the leaf types, which get no exit event from cmark.
    static func isContainer(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return false
        default:
            return true
        }
    }

    /// `walk` on cmark's pointers and node types alone, for the hot walks
    /// (rendering, page structure): a `MarkdownNode` per event cost an
    /// unowned retain and release of the document, which showed in profiles.
    /// The visitor makes a `MarkdownNode` only for the nodes that need one.
    static func walkPointers(from root: OpaquePointer, _ visit: (OpaquePointer, cmark_node_type, _ entering: Bool) -> WalkDecision) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let ptr = cmark_iter_get_node(iter) else { break }
            let type = cmark_node_get_type(ptr)
            let entering = event == CMARK_EVENT_ENTER
            if visit(ptr, type, entering) == .skipChildren && entering && isContainer(type) {
                cmark_iter_reset(iter, ptr, CMARK_EVENT_EXIT)
            }
        }
    }
}
