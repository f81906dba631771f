// Hand-written because cmark 0.30 (Debian's libcmark) has no GFM table
// extension and no package on this machine parses GFM tables (no cmark-gfm,
// no swift-markdown). This is the row and cell syntax only, pure string work
// following cmark-gfm's `table.c`; the renderer hooks it into cmark's AST.
import PermDocsCore


/// The syntax of a GFM pipe table (https://github.github.com/gfm/#tables-extension-),
/// read from the source lines of a paragraph.
public struct PipeTableSyntax {
    public enum Alignment: Equatable, Sendable { case none, left, center, right }

    public struct Cell: Equatable, Sendable {
        /// The cell's raw Markdown, trimmed of ASCII whitespace, with `\|` turned
        /// into `|`; other backslash escapes are left for the inline parser.
        public var text: String
        /// 1-based column (in Unicode scalars) in the line where the trimmed text
        /// starts; for an empty cell, the column of the pipe that ends it (or one
        /// past the end of the line).
        public var column: Int
    }

    public struct Row: Equatable, Sendable {
        public var cells: [Cell]
        /// Index into the lines given to `parse`.
        public var lineIndex: Int
    }

    public struct Table: Equatable, Sendable {
        public var header: Row
        /// One per column, from the delimiter row.
        public var alignments: [Alignment]
        /// Rows after the delimiter row, each with exactly `alignments.count` cells.
        public var body: [Row]
    }

    /// A table when `lines[0]` is a header row and `lines[1]` a delimiter row
    /// with the same number of cells, else nil. Body rows run to the end of
    /// `lines` or to the first blank line; a row with fewer cells is padded with
    /// empty ones, extra cells are dropped (as GFM does).
    ///
    /// GFM also lets a table start after other lines of a paragraph (they stay a
    /// paragraph); to find such a table, call this on a suffix of the lines.
    public static func parse(lines: [String]) -> Table? {
        guard lines.count >= 2, let alignments = isDelimiterRow(lines[1]) else { return nil }
        let header = splitRow(lines[0])
        guard header.count == alignments.count else { return nil }
        var body: [Row] = []
        body.reserveCapacity(lines.count - 2)
        var index = 2
        while index < lines.count {
            var line = lines[index]
            let row: [Cell]? = line.withUTF8 { bytes in
                if bytes.allSatisfy(isASCIIWhitespace) { return nil }
                var cells = splitRow(bytes)
                if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
                let end = scalarCount(bytes[...]) + 1
                while cells.count < alignments.count { cells.append(Cell(text: "", column: end)) }
                return cells
            }
            guard let row else { break }
            body.append(Row(cells: row, lineIndex: index))
            index += 1
        }
        return Table(header: Row(cells: header, lineIndex: 0), alignments: alignments, body: body)
    }

    /// Splits one row into cells. Leading and trailing pipes are optional and
    /// whitespace around them is ignored; `\|` is a literal pipe inside a cell
    /// (also after another backslash, and inside a code span); any other pipe
    /// ends a cell, in a code span too, as in GFM. An empty line, or one holding
    /// only a pipe, has no cells.
    public static func splitRow(_ line: String) -> [Cell] {
        var line = line
        return line.withUTF8 { splitRow($0) }
    }

    /// `splitRow` on the line's UTF-8. Every byte the syntax looks at (pipe,
    /// backslash, ASCII whitespace) is ASCII, and in UTF-8 no byte of a
    /// non-ASCII scalar is: reading bytes finds the same cuts as reading
    /// scalars, and a column is the count of bytes that start a scalar
    /// (not 10xxxxxx). Splitting each row into an array of scalars and
    /// building each cell from them was most of reading a table.
    static func splitRow(_ s: UnsafeBufferPointer<UInt8>) -> [Cell] {
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
        let n = s.count
        var i = 0
        // The scalar index of byte `i` (`i` only moves forward through `advance`).
        var scalarIndex = 0
        func advance() {
            if s[i] & 0xC0 != 0x80 { scalarIndex += 1 }
            i += 1
        }
        while i < n, isASCIIWhitespace(s[i]) { advance() }
        if i < n, s[i] == pipe {
            advance()
            while i < n, isSpaceChar(s[i]) { advance() }
        }
        var cells: [Cell] = []
        var text: [UInt8] = []
        while i < n {
            // One cell: everything up to an unescaped pipe or the end of the line.
            let start = i
            text.removeAll(keepingCapacity: true)
            var firstContent: Int?  // scalar index of the first non-whitespace byte
            var firstContentByte = 0  // its offset in `text` (whitespace before it is never an escape)
            var lastContentLength = 0  // length of `text` up to its last non-whitespace byte
            while i < n, s[i] != pipe {
                if firstContent == nil, !isASCIIWhitespace(s[i]) {
                    firstContent = scalarIndex
                    firstContentByte = text.count
                }
                if s[i] == backslash, i + 1 < n, s[i + 1] == pipe {
                    text.append(pipe)
                    advance()
                    advance()
                } else {
                    text.append(s[i])
                    advance()
                }
                if !isASCIIWhitespace(text[text.count - 1]) { lastContentLength = text.count }
            }
            let atPipe = i < n
            if i > start || atPipe {
                // Drop leading whitespace and trailing whitespace; the cut is
                // at ASCII bytes, so the bytes kept are whole scalars.
                let trimmed = firstContent == nil ? "" : String(decoding: text[firstContentByte..<lastContentLength], as: UTF8.self)
                cells.append(Cell(text: trimmed, column: (firstContent ?? scalarIndex) + 1))
            }
            if atPipe {
                advance()
                while i < n, isSpaceChar(s[i]) { advance() }
            }
        }
        return cells
    }

    /// The alignments of a delimiter row such as `| --- | :-: | --: |`, `---|---`
    /// or `:--`, else nil: every cell is `-`s with an optional `:` at either end.
    /// A line indented four columns or more is not one (it would be paragraph
    /// text), nor is a lone run of `-` with no pipe (that is a setext underline
    /// or a thematic break, which cmark has already read as such).
    public static func isDelimiterRow(_ line: String) -> [Alignment]? {
        var line = line
        let result: [Alignment]? = line.withUTF8 { bytes in
            var indent = 0
            for c in bytes {
                if c == UInt8(ascii: " ") { indent += 1 } else if c == UInt8(ascii: "\t") { indent += 4 - indent % 4 } else { break }
            }
            guard indent < 4 else { return nil }
            let cells = splitRow(bytes)
            guard !cells.isEmpty else { return nil }
            var result: [Alignment] = []
            result.reserveCapacity(cells.count)
            for cell in cells {
                // Read on bytes: a cell of `-` and `:` is ASCII, any other byte
                // (a part of a non-ASCII scalar too) makes it no delimiter.
                let t = cell.text.utf8
                let left = t.first == UInt8(ascii: ":"), right = t.count > 1 && t.last == UInt8(ascii: ":")
                let dashes = t.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
                guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
                result.append(left && right ? .center : right ? .right : left ? .left : .none)
            }
            return result
        }
        guard let result else { return nil }
        if result == [.none], !line.contains("|") { return nil }
        return result
    }

    /// How many scalars the bytes hold: the bytes that start one (not 10xxxxxx).
    private static func scalarCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// cmark-gfm's `spacechar`: space, tab, vertical tab, form feed.
    private static func isSpaceChar(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C
    }

    /// What cmark trims from cells: space, tab, LF, VT, FF, CR (not U+00A0,
    /// whose UTF-8 bytes are none of these).
    private static func isASCIIWhitespace(_ c: UInt8) -> Bool {
        isSpaceChar(c) || c == 0x0A || c == 0x0D
    }
}
