import XCTest
@testable import PermDocsMarkdown

final class PipeTableSyntaxTests: XCTestCase {
    private func texts(_ line: String) -> [String] { PipeTableSyntax.splitRow(line).map(\.text) }
    private func columns(_ line: String) -> [Int] { PipeTableSyntax.splitRow(line).map(\.column) }

    // MARK: - Rows

    func testSplitsRowsWithColumns() {
        let cells = PipeTableSyntax.splitRow("| a |  bé | c \\| d |")
        XCTAssertEqual(cells.map(\.text), ["a", "bé", "c | d"])
        XCTAssertEqual(cells.map(\.column), [3, 8, 13])
        XCTAssertEqual(texts("x|y"), ["x", "y"])
        XCTAssertEqual(columns("x|y"), [1, 3])
        XCTAssertEqual(columns("é | ü |"), [1, 5])
    }

    func testLeadingAndTrailingPipesAreOptional() {
        XCTAssertEqual(texts("a | b"), ["a", "b"])
        XCTAssertEqual(texts("| a | b"), ["a", "b"])
        XCTAssertEqual(texts("a | b |"), ["a", "b"])
        XCTAssertEqual(texts("| a | b |   "), ["a", "b"], "spaces after the last pipe are not a cell")
        XCTAssertEqual(texts("  | a | b |"), ["a", "b"])
        XCTAssertEqual(texts("a |"), ["a"])
        XCTAssertEqual(texts("| a"), ["a"])
        XCTAssertEqual(texts("a"), ["a"])
    }

    func testEmptyCells() {
        XCTAssertEqual(texts("|  |"), [""])
        XCTAssertEqual(texts("||"), [""])
        XCTAssertEqual(texts("| | x | |"), ["", "x", ""])
        XCTAssertEqual(texts("a||b"), ["a", "", "b"])
        XCTAssertEqual(texts("|"), [], "a lone pipe is no row")
        XCTAssertEqual(texts(""), [])
        XCTAssertEqual(texts("   "), [])
        XCTAssertEqual(columns("|  | x |"), [4, 6], "an empty cell is placed at the pipe that ends it")
    }

    func testEscapedPipes() {
        XCTAssertEqual(texts("a \\| b | c"), ["a | b", "c"])
        XCTAssertEqual(texts("| a \\|"), ["a |"], "an escaped pipe at the end is content")
        XCTAssertEqual(texts("| a \\\\| b |"), ["a \\| b"], "a backslash before `\\|` stays; the pipe is still escaped (cmark-gfm)")
        XCTAssertEqual(texts("| \\|x | y |"), ["|x", "y"])
        XCTAssertEqual(columns("| \\|x | y |"), [3, 9])
        XCTAssertEqual(texts("| a\\*b \\_c\\_ |"), ["a\\*b \\_c\\_"], "other escapes are left for the inline parser")
    }

    func testPipesInCodeSpansStillSplitCells() {
        XCTAssertEqual(texts("| `a|b` | c |"), ["`a", "b`", "c"])
        XCTAssertEqual(texts("| `a\\|b` | c |"), ["`a|b`", "c"])
    }

    func testColumnsCountUnicodeScalars() {
        // "é" is one scalar, "日本" two, "👍🏽" two (emoji + skin tone), "e\u{301}" two.
        let line = "| é | 日本 | 👍🏽 | e\u{301} | x |"
        XCTAssertEqual(texts(line), ["é", "日本", "👍🏽", "e\u{301}", "x"])
        XCTAssertEqual(columns(line), [3, 7, 12, 17, 22])
        for (cell, column) in zip(PipeTableSyntax.splitRow(line), columns(line)) {
            let scalars = Array(line.unicodeScalars)
            XCTAssertEqual(scalars[column - 1], cell.text.unicodeScalars.first, cell.text)
        }
        XCTAssertEqual(columns("\t|\ta\t|"), [4], "a tab is one scalar")
    }

    func testCellWithLongJSONKeepsNoBreakSpacesAndEscapes() {
        let nbsp = "\u{00A0}"
        let json = "{\(nbsp)\(nbsp)\"Version\":\(nbsp)\"2012-10-17\",\(nbsp)\"Statement\":\(nbsp)[{\(nbsp)\"Effect\":\(nbsp)\"Allow\","
            + (0..<200).map { "\(nbsp)\"Action\(nbsp)\($0)\":\(nbsp)[\"s3:GetObject\",\(nbsp)\"s3:List\\*\"]," }.joined()
            + "\(nbsp)\"Resource\":\(nbsp)\"\\*\"\(nbsp)}]\(nbsp)}"
        let cells = PipeTableSyntax.splitRow("| \(json) |")
        XCTAssertEqual(cells.count, 1)
        XCTAssertEqual(cells[0].text, json)
        XCTAssertEqual(cells[0].column, 3)
        XCTAssertEqual(texts("| \(nbsp)x\(nbsp) |"), ["\(nbsp)x\(nbsp)"], "U+00A0 is not trimmed (cmark trims ASCII whitespace only)")
        let line = "| {\(nbsp)\"Resource\": \"\\*\" } |"
        XCTAssertEqual(PipeTableSyntax.splitRow(line).first?.text, "{\(nbsp)\"Resource\": \"\\*\" }")
    }

    // MARK: - Delimiter rows

    func testDelimiterRows() {
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("| --- | :-: | --: | :-- |"), [.none, .center, .right, .left])
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("---|---"), [.none, .none])
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow(":-: | -----------:"), [.center, .right])
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("|-|"), [.none])
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("| --- |"), [.none])
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("|:-:|"), [.center])
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow(":--"), [.left], "one column without pipes, as in GFM")
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("   | - | - |  "), [.none, .none])
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("---"), "a setext underline or thematic break")
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("    | --- |"), "indented four columns")
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| -x- |"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| : |"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| :: |"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| - - |"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| -- : |"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| --- | |"), "every cell needs a dash")
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| a | b |"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow(""))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("|"))
    }

    // MARK: - Tables

    func testOneColumnTableWithEmptyHeader() throws {
        let t = try XCTUnwrap(PipeTableSyntax.parse(lines: ["|  |", "| --- |", "| Note |", "| a | extra |"]))
        XCTAssertEqual(t.header.cells, [PipeTableSyntax.Cell(text: "", column: 4)])
        XCTAssertEqual(t.alignments, [.none])
        XCTAssertEqual(t.body.map { $0.cells.map(\.text) }, [["Note"], ["a"]], "extra cells are dropped")
        XCTAssertEqual(t.body.map(\.lineIndex), [2, 3])
    }

    func testTableWithAlignmentsAndWithoutOuterPipes() throws {
        let t = try XCTUnwrap(PipeTableSyntax.parse(lines: ["Action | Resource | Why", ":--- | :-: | ---:", "s3:GetObject | `*` | read"]))
        XCTAssertEqual(t.header.cells.map(\.text), ["Action", "Resource", "Why"])
        XCTAssertEqual(t.header.cells.map(\.column), [1, 10, 21])
        XCTAssertEqual(t.header.lineIndex, 0)
        XCTAssertEqual(t.alignments, [.left, .center, .right])
        XCTAssertEqual(t.body[0].cells.map(\.text), ["s3:GetObject", "`*`", "read"])
    }

    func testShortRowsArePadded() throws {
        let t = try XCTUnwrap(PipeTableSyntax.parse(lines: ["a | b", "--|--", "1", "| x |"]))
        XCTAssertEqual(t.body[0].cells, [.init(text: "1", column: 1), .init(text: "", column: 2)])
        XCTAssertEqual(t.body[1].cells, [.init(text: "x", column: 3), .init(text: "", column: 6)])
    }

    func testBodyEndsAtBlankLine() throws {
        let t = try XCTUnwrap(PipeTableSyntax.parse(lines: ["| a |", "| - |", "| 1 |", "  \t", "| 2 |"]))
        XCTAssertEqual(t.body.map(\.lineIndex), [2])
        let headerOnly = try XCTUnwrap(PipeTableSyntax.parse(lines: ["a | b", "- | -"]))
        XCTAssertEqual(headerOnly.body, [])
    }

    func testParagraphsThatAreNotTables() {
        XCTAssertNil(PipeTableSyntax.parse(lines: ["a | b", "--|--|--"]), "cell counts differ")
        XCTAssertNil(PipeTableSyntax.parse(lines: ["a | b | c", "--|--"]), "cell counts differ")
        XCTAssertNil(PipeTableSyntax.parse(lines: ["a | b", "c | d"]), "second line is not a delimiter row")
        XCTAssertNil(PipeTableSyntax.parse(lines: ["a | b"]))
        XCTAssertNil(PipeTableSyntax.parse(lines: []))
        XCTAssertNil(PipeTableSyntax.parse(lines: ["|", "|-|"]), "a lone pipe is no header")
        XCTAssertNil(PipeTableSyntax.parse(lines: ["a \\| b", "--|--"]), "an escaped pipe does not make a column")
        XCTAssertNotNil(PipeTableSyntax.parse(lines: ["a \\| b", "---|"]))
    }
}
