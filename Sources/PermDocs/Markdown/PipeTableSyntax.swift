// Hand-written because cmark 0.30 (Debian's libcmark) has no GFM table
// extension and no package on this machine parses GFM tables; this is the
// row and cell syntax only, hooked into cmark's AST by `PageStructure`.

/// The syntax of a GFM pipe table, from the source lines of a paragraph.
struct PipeTableSyntax {
    enum Alignment { case none, left, center, right }

    struct Cell {
        /// The cell's raw Markdown, trimmed, with `\|` turned into `|`.
        var text: String
        /// 1-based column (in Unicode scalars) in the line where the trimmed text starts.
        var column: Int
    }

    struct Row {
        var cells: [Cell]
        /// Index into the lines given to `parse`.
        var lineIndex: Int
    }

    struct Table {
        var header: Row
        var alignments: [Alignment]
        var body: [Row]
    }

    /// A table when `lines[0]` is a header row and `lines[1]` a delimiter row
    /// with as many cells; body rows are padded or cut to that many cells.
    static func parse(lines: [String]) -> Table? {
        guard lines.count >= 2, let alignments = isDelimiterRow(lines[1]) else { return nil }
        let header = splitRow(lines[0])
        guard header.count == alignments.count else { return nil }
        var body: [Row] = []
        for i in 2..<max(2, lines.count) {
            if lines[i].allSatisfy({ $0 == " " || $0 == "\t" }) { break }
            var cells = splitRow(lines[i])
            while cells.count < alignments.count { cells.append(Cell(text: "", column: lines[i].unicodeScalars.count + 1)) }
            body.append(Row(cells: Array(cells.prefix(alignments.count)), lineIndex: i))
        }
        return Table(header: Row(cells: header, lineIndex: 0), alignments: alignments, body: body)
    }

    /// Splits a row into cells; leading and trailing pipes are optional, `\|` is a literal pipe.
    static func splitRow(_ line: String) -> [Cell] {
        var s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        if i < s.count, s[i] == "|" { i += 1 }
        var end = s.count
        while end > i, s[end - 1] == " " || s[end - 1] == "\t" { end -= 1 }
        if end > i, s[end - 1] == "|", !(end >= 2 && s[end - 2] == "\\") { end -= 1 }
        s = Array(s[..<end])
        var cells: [Cell] = []
        var current = String.UnicodeScalarView()
        var columns: [Int] = []  // source column of each scalar of `current`
        func finish() {
            var lo = 0, hi = current.count
            let scalars = Array(current)
            while lo < hi, scalars[lo] == " " || scalars[lo] == "\t" { lo += 1 }
            while hi > lo, scalars[hi - 1] == " " || scalars[hi - 1] == "\t" { hi -= 1 }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[lo..<hi])
            let column = lo < columns.count ? columns[lo] : (columns.last.map { $0 + 1 } ?? i + 1)
            cells.append(Cell(text: String(text), column: column))
            current = String.UnicodeScalarView()
            columns = []
        }
        while i < s.count {
            if s[i] == "\\", i + 1 < s.count, s[i + 1] == "|" {
                current.append("|")
                columns.append(i + 1)
                i += 2
                continue
            }
            if s[i] == "|" {
                finish()
                i += 1
                continue
            }
            current.append(s[i])
            columns.append(i + 1)
            i += 1
        }
        finish()
        return cells
    }

    /// The alignments of a delimiter row such as `| --- | :-: | --: |`, or nil.
    static func isDelimiterRow(_ line: String) -> [Alignment]? {
        guard line.contains("-") else { return nil }
        var result: [Alignment] = []
        for cell in splitRow(line) {
            let t = cell.text
            guard !t.isEmpty, t.contains("-"), t.allSatisfy({ $0 == "-" || $0 == ":" }) else { return nil }
            guard t.dropFirst().dropLast().allSatisfy({ $0 == "-" }) else { return nil }
            let left = t.hasPrefix(":"), right = t.hasSuffix(":")
            result.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        // A single `---` with no pipe is a thematic break or setext underline, not a table.
        return result.count == 1 && !line.contains("|") ? nil : result
    }
}
