import XCTest
import PermDocsMarkdown

/// `MarkdownDocument.scalarColumn` counts scalars on the bytes; it must give
/// what decoding the line's first bytes and counting their scalars gives.
final class ScalarColumnTests: XCTestCase {
    func testEveryByteColumnOfAMixedLineMapsToItsScalarColumn() {
        let line = "a é🙂\te\u{301} | x"
        let doc = MarkdownDocument(line + "\nnext")
        for byteColumn in -1...(line.utf8.count + 3) {
            let bytes = max(0, min(byteColumn - 1, line.utf8.count))
            let expected = String(decoding: line.utf8.prefix(bytes), as: UTF8.self).unicodeScalars.count + 1
            XCTAssertEqual(doc.scalarColumn(line: 1, byteColumn: byteColumn), expected, "byte column \(byteColumn)")
        }
        XCTAssertEqual(doc.scalarColumn(line: 1, byteColumn: 4), 4, "after a, space and é (two bytes)")
        XCTAssertEqual(doc.scalarColumn(line: 9, byteColumn: 4), 1, "past the last line")
    }
}
