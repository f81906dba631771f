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
        var index = 2
        while index < lines.count {
            let line = lines[index]
            if line.unicodeScalars.allSatisfy(isASCIIWhitespace) { break }
            var cells = splitRow(line)
            if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
            let end = line.unicodeScalars.count + 1
            while cells.count < alignments.count { cells.append(Cell(text: "", column: end)) }
            body.append(Row(cells: cells, lineIndex: index))
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
        let s = Array(line.unicodeScalars)
        let n = s.count
        var i = 0
        while i < n, isASCIIWhitespace(s[i]) { i += 1 }
        if i < n, s[i] == "|" {
            i += 1
            while i < n, isSpaceChar(s[i]) { i += 1 }
        }
        var cells: [Cell] = []
        while i < n {
            // One cell: everything up to an unescaped pipe or the end of the line.
            let start = i
            var text: [Unicode.Scalar] = []
            var firstContent: Int?  // index in `s` of the first non-whitespace scalar
            var lastContentLength = 0  // length of `text` up to its last non-whitespace scalar
            while i < n, s[i] != "|" {
                if firstContent == nil, !isASCIIWhitespace(s[i]) { firstContent = i }
                if s[i] == "\\", i + 1 < n, s[i + 1] == "|" {
                    text.append("|")
                    i += 2
                } else {
                    text.append(s[i])
                    i += 1
                }
                if !isASCIIWhitespace(text[text.count - 1]) { lastContentLength = text.count }
            }
            let pipe = i < n
            if i > start || pipe {
                let trimmed = firstContent.map { first -> String in
                    // Drop leading whitespace (it is never an escaped pipe) and trailing whitespace.
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: text[(first - start)..<lastContentLength])
                    return String(view)
                } ?? ""
                cells.append(Cell(text: trimmed, column: (firstContent ?? i) + 1))
            }
            if pipe {
                i += 1
                while i < n, isSpaceChar(s[i]) { i += 1 }
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
        var indent = 0
        for c in line.unicodeScalars {
            if c == " " { indent += 1 } else if c == "\t" { indent += 4 - indent % 4 } else { break }
        }
        guard indent < 4 else { return nil }
        let cells = splitRow(line)
        guard !cells.isEmpty else { return nil }
        var result: [Alignment] = []
        for cell in cells {
            let t = Array(cell.text.unicodeScalars)
            let left = t.first == ":", right = t.count > 1 && t.last == ":"
            let dashes = t.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        if result == [.none], !line.contains("|") { return nil }
        return result
    }

    /// cmark-gfm's `spacechar`: space, tab, vertical tab, form feed.
    private static func isSpaceChar(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{0B}" || c == "\u{0C}"
    }

    /// What cmark trims from cells: space, tab, LF, VT, FF, CR (not U+00A0).
    private static func isASCIIWhitespace(_ c: Unicode.Scalar) -> Bool {
        isSpaceChar(c) || c == "\n" || c == "\r"
    }
}
