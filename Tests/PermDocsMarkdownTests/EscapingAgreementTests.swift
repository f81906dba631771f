import XCTest
@testable import PermDocsMarkdown
import PermDocsTestSupport

/// Text is escaped eight bytes at a time where none needs it; the bytes
/// written must be `HTMLEscaping.text`'s (its own byte-by-byte loop), with
/// the five characters at every offset of a word, at the ends, in long and
/// short runs, next to non-ASCII bytes, and from C strings.
final class EscapingAgreementTests: XCTestCase {
    func testAppendedBytesAreTheEscapedText() {
        var random = FuzzRandom(seed: 0xE5CA9E)
        let pieces = ["a", "b", "abcdefgh", " ", "&", "<", ">", "\"", "'", "é", "😀", "\u{301}", "=", "?", "0123456789", "\n", "\t", "~", "\u{7F}"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<random.below(24) { text += pieces[random.below(pieces.count)] }
            var out: [UInt8] = [0x2A]
            HTMLEscaping.appendText(text, to: &out)
            XCTAssertEqual(out, [0x2A] + Array(HTMLEscaping.text(text).utf8), text.debugDescription)
            var fromC: [UInt8] = []
            text.withCString { HTMLEscaping.appendText(cString: $0, to: &fromC) }
            XCTAssertEqual(fromC, Array(HTMLEscaping.text(text).utf8), text.debugDescription)
        }
    }

    func testEachByteInEachPlaceOfAWord() {
        for byte in UInt8(0)...UInt8(0x7F) where byte != 0 {
            for place in 0..<17 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 17)
                bytes[place] = byte
                let text = String(decoding: bytes, as: UTF8.self)
                var out: [UInt8] = []
                HTMLEscaping.appendText(text, to: &out)
                XCTAssertEqual(out, Array(HTMLEscaping.text(text).utf8), "\(byte) at \(place)")
            }
        }
    }
}
