import XCTest
import PermDocsCore

/// `trimmedSpaces` works on bytes; it must trim exactly what Foundation's
/// `.whitespaces` trims (spaces, tabs, other Unicode spaces), never line breaks.
final class TrimmingTests: XCTestCase {
    func testTrimsSpacesTabsAndUnicodeSpacesButNotLineBreaks() {
        XCTAssertEqual("  a b \t".trimmedSpaces(), "a b")
        XCTAssertEqual("\u{A0}\u{2003}née\u{3000}".trimmedSpaces(), "née", "no-break, em and ideographic spaces")
        XCTAssertEqual("\na\n".trimmedSpaces(), "\na\n", "line breaks stay")
        XCTAssertEqual(" \r\n".trimmedSpaces(), "\r\n")
        XCTAssertEqual(" \t ".trimmedSpaces(), "")
        XCTAssertEqual("".trimmedSpaces(), "")
        XCTAssertEqual("é".trimmedSpaces(), "é")
        XCTAssertEqual(" 🙂 ".trimmedSpaces(), "🙂")
        XCTAssertEqual("x\u{0B}\u{0C}".trimmedSpaces(), "x", "vertical tab and form feed")
        let text = "  [a] b  "
        XCTAssertEqual(text[text.index(text.startIndex, offsetBy: 2)...].trimmedSpaces(), "[a] b", "a substring")
    }

    func testAgreesWithAScalarByScalarTrimOnMixedText() {
        func reference(_ s: String) -> String {
            let scalars = Array(s.unicodeScalars)
            func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace && c != "\n" && c != "\r" }
            guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
            let last = scalars.lastIndex(where: { !isSpace($0) })!
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[first...last])
            return String(out)
        }
        let pieces = [" ", "\t", "\u{A0}", "\u{2009}", "\n", "\r", "a", "é", "🙂", "\u{85}", "\u{200B}", "-"]
        // Every string of up to three pieces.
        var strings = [""]
        for _ in 0..<3 { strings += strings.flatMap { s in pieces.map { s + $0 } }.filter { !strings.contains($0) } }
        XCTAssertGreaterThan(strings.count, 1_000)
        for s in strings {
            XCTAssertEqual(s.trimmedSpaces(), reference(s), s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }
}
