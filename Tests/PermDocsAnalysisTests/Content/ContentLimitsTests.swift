import Foundation
import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// The documented limits (README, "Limits"): past each, a positioned error
/// instead of minutes of work; up to each, the input is read as before.
/// `check` and `build` both load and analyse content here, so they agree.
final class ContentLimitsTests: XCTestCase {
    /// A guide one line longer than the limit: an error at the line and column
    /// where the limit is passed, before the text is decoded or parsed.
    func testGuideLargerThanTheLimitIsAnErrorWhereItPassesIt() throws {
        let limit = ContentLimits.maximumGuideBytes
        let line = String(repeating: "x", count: 1023) + "\n"  // 1 KiB a line
        let fits = "# Big\n" + String(repeating: line, count: limit / 1024 - 1)
        XCTAssertNoThrow(try ContentLoader(reader: InMemoryContentReader(["tools/fits.md": fits])).load())
        let big = fits + "é" + line + line  // the limit falls in the line that starts with "é"
        do {
            _ = try ContentLoader(reader: InMemoryContentReader(["tools/big.md": big])).load()
            XCTFail("a guide of \(big.utf8.count) bytes was read")
        } catch let error as PermDocsError {
            let p = TextPosition.of(offset: limit, in: Data(big.utf8))
            XCTAssertEqual(error.location, SourceLocation(file: "tools/big.md", line: p.line, column: p.column))
            // "# Big\n" is 6 bytes, so the limit is 6 bytes short of the end of line 8,193,
            // whose bytes are é (2) and 1,023 x: byte 1,018 of it is the 1,017th scalar's successor.
            XCTAssertEqual(p.line, limit / 1024 + 1, "counted in lines of 1 KiB, after the heading")
            XCTAssertEqual(p.column, 1018, "a column in scalars: the two-byte é counts once")
            XCTAssertTrue(error.message.contains("\(big.utf8.count) bytes") && error.message.contains("8 MiB"), error.message)
        }
    }

    func testTextPositionCountsEveryLineEndAndScalars() {
        let data = Data("ab\r\ncé\rd\nxyz".utf8)
        XCTAssertEqual(TextPosition.of(offset: 0, in: data), SourcePosition(line: 1, column: 1))
        XCTAssertEqual(TextPosition.of(offset: 4, in: data), SourcePosition(line: 2, column: 1))
        XCTAssertEqual(TextPosition.of(offset: 7, in: data), SourcePosition(line: 2, column: 3), "after c and the two bytes of é")
        XCTAssertEqual(TextPosition.of(offset: 8, in: data), SourcePosition(line: 3, column: 1))
        XCTAssertEqual(TextPosition.of(offset: 12, in: data), SourcePosition(line: 4, column: 3))
    }

    /// A policy block past 1 MiB: one `policy-too-large` error at the block,
    /// none of its actions read (100,000 unknown actions used to take 50 s to build).
    func testPolicyBlockLargerThanTheLimitIsNotRead() throws {
        let action = "\"s3:MadeUpAction0000\",\n"  // 23 bytes
        let count = ContentLimits.maximumPolicyBlockBytes / action.utf8.count + 1
        let json = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\", \"Action\": [\n"
            + String(repeating: action, count: count) + "\"s3:GetObject\"]}]}"
        let page = try TestSupport.analyze("# T\n\nAttach:\n\n```json\n" + json + "\n```\n", checked: true)
        XCTAssertEqual(page.blocks.count, 1)
        XCTAssertNil(page.blocks[0].policy, "not read")
        XCTAssertEqual(page.diagnostics.map(\.id), ["policy-too-large"], "one finding, not one per action")
        XCTAssertEqual(page.diagnostics[0].location, SourceLocation(file: "tools/t.md", line: 6, column: 1))
        XCTAssertEqual(page.diagnostics[0].severity, .error)
    }

    /// An action name past 256 characters: the error stands at that name.
    func testOverlongActionNameIsAnErrorAtTheName() throws {
        let long = "s3:" + String(repeating: "A", count: 10_000)
        let page = try TestSupport.analyze("# T\n\n```json\n{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\",\n \"Action\": [\"s3:GetObject\", \"\(long)\"]}]}\n```\n", checked: true)
        XCTAssertEqual(page.diagnostics.map(\.id), ["policy-too-large"])
        XCTAssertEqual(page.diagnostics[0].location.line, 5)
        XCTAssertTrue(page.diagnostics[0].message.contains("10003 characters"), page.diagnostics[0].message)
        XCTAssertLessThan(page.diagnostics[0].message.utf8.count, 200, "the name is not repeated in the message")
        XCTAssertNil(page.blocks[0].policy)
    }
}
