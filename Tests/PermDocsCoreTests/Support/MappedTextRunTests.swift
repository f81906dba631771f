import XCTest
import PermDocsCore

/// `MappedText` appends a line's scalars as one run and writes its string
/// straight as UTF-8: both must give what appending scalar by scalar and
/// joining a `UnicodeScalarView` gave, on non-ASCII, CRLF, tabs, combining
/// marks, emoji and empty text.
final class MappedTextRunTests: XCTestCase {
    static let samples: [String] = [
        "", "{", "\"Action\": \"s3:*\"", "\t\"é\": 1\r\n", "e\u{301}\u{308} x", "😀 policy 👩‍💻", "\u{00A0}{\u{FEFF}}\u{200B}",
        "\r\n\r", "ü u\u{308}", "日本語の\"Effect\"", "\u{10FFFF}\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
    ]

    /// What `append(_:line:column:)` replaces: one `append(_:at:)` per scalar.
    static func scalarByScalar(_ text: String, line: Int, column: Int) -> MappedText {
        var out = MappedText(file: "f.md")
        for (k, s) in text.unicodeScalars.enumerated() { out.append(s, at: SourcePosition(line: line, column: column + k)) }
        return out
    }

    func testRunAppendAgreesWithScalarByScalar() {
        for sample in Self.samples {
            var run = MappedText(file: "f.md")
            run.reserveCapacity(sample.utf8.count)
            run.append(Substring(sample).unicodeScalars, line: 7, column: 3)
            let old = Self.scalarByScalar(sample, line: 7, column: 3)
            XCTAssertEqual(run.scalars, old.scalars, sample.debugDescription)
            XCTAssertEqual(run.positions, old.positions, sample.debugDescription)
            XCTAssertEqual(run, old, sample.debugDescription)
        }
    }

    func testRunsFollowEarlierText() {
        var text = MappedText(file: "f.md")
        text.append("x", at: SourcePosition(line: 1, column: 1))
        text.append(Substring("é\t😀").unicodeScalars, line: 2, column: 5)
        XCTAssertEqual(text.positions, [SourcePosition(line: 1, column: 1), SourcePosition(line: 2, column: 5),
                                        SourcePosition(line: 2, column: 6), SourcePosition(line: 2, column: 7)])
        XCTAssertEqual(text.string, "xé\t😀")
    }

    func testStringIsTheJoinedScalarsByteForByte() {
        for sample in Self.samples {
            let text = Self.scalarByScalar(sample, line: 1, column: 1)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text.scalars)
            let old = String(view)
            XCTAssertEqual(Array(text.string.utf8), Array(old.utf8), sample.debugDescription)
            XCTAssertEqual(text.string, sample)
        }
    }

    func testTrimmedKeepsPositionsWhetherOrNotThereIsSomethingToTrim() {
        let bare = Self.scalarByScalar("{\"a\": 1}", line: 2, column: 4)
        XCTAssertEqual(bare.trimmed(), bare)
        let padded = Self.scalarByScalar(" \t{é}\r\n", line: 2, column: 1)
        let trimmed = padded.trimmed()
        XCTAssertEqual(trimmed.string, "{é}")
        XCTAssertEqual(trimmed.positions.first, SourcePosition(line: 2, column: 3))
        XCTAssertEqual(trimmed.positions.last, SourcePosition(line: 2, column: 5))
        XCTAssertEqual(Self.scalarByScalar(" \n ", line: 1, column: 1).trimmed().count, 0)
    }
}
