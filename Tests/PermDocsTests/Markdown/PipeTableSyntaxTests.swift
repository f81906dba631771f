import XCTest
@testable import PermDocs

final class PipeTableSyntaxTests: XCTestCase {
    func testSplitsRowsWithColumns() {
        let cells = PipeTableSyntax.splitRow("| a |  bé | c \\| d |")
        XCTAssertEqual(cells.map(\.text), ["a", "bé", "c | d"])
        XCTAssertEqual(cells.map(\.column), [3, 8, 13])
        XCTAssertEqual(PipeTableSyntax.splitRow("x|y").map(\.text), ["x", "y"])
        XCTAssertEqual(PipeTableSyntax.splitRow("é | ü |").map(\.column), [1, 5])
    }

    func testDelimiterRows() {
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("| --- | :-: | --: | :-- |"), [.none, .center, .right, .left])
        XCTAssertEqual(PipeTableSyntax.isDelimiterRow("---|---"), [.none, .none])
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("---"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| -x- |"))
        XCTAssertNil(PipeTableSyntax.isDelimiterRow("| : |"))
    }

    func testTables() throws {
        let t = try XCTUnwrap(PipeTableSyntax.parse(lines: ["|  |", "| --- |", "| Note |", "| a | extra |"]))
        XCTAssertEqual(t.header.cells.map(\.text), [""])
        XCTAssertEqual(t.body.map { $0.cells.map(\.text) }, [["Note"], ["a"]])
        XCTAssertEqual(t.body.map(\.lineIndex), [2, 3])
        let padded = try XCTUnwrap(PipeTableSyntax.parse(lines: ["a | b", "--|--", "1"]))
        XCTAssertEqual(padded.body[0].cells.map(\.text), ["1", ""])
        XCTAssertNil(PipeTableSyntax.parse(lines: ["a | b", "--|--|--"]), "cell counts differ")
        XCTAssertNil(PipeTableSyntax.parse(lines: ["a | b", "c | d"]))
    }

    func testCellWithJSONKeepsEscapesForLater() {
        let line = "| {\u{00A0}\"Resource\": \"\\*\" } |"
        XCTAssertEqual(PipeTableSyntax.splitRow(line).first?.text, "{\u{00A0}\"Resource\": \"\\*\" }")
    }
}
