import XCTest
@testable import PermDocsAnalysis
import PermDocsCore

final class ScalarSearchTests: XCTestCase {
    /// In place on scalars, the answers of a byte search on the joined
    /// string: for ASCII words, over non-ASCII text, at either end, split
    /// by a combining mark, and for the escaped keys extraction looks for.
    func testSameAnswersAsTheByteSearchOfTheString() {
        let texts = ["", "{", #"{\"Statement\": []}"#, #"{\"Effect\":"Allow"}"#, "Statement", "xStatement", "Statemen", "Stat\u{301}ement",
                     "Ünïcödé \"Effect\" ✓", "\u{1F600}Effect\u{1F600}", "effect", "EFFECT", "Effec t", "\u{FEFF}\"Action\""]
        let words = ["Statement", "Effect", "\"Effect\"", #"\"Statement\""#, "Action", "t", ""]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            XCTAssertEqual(ScalarSearch.utf8Count(scalars), text.utf8.count, text)
            for word in words {
                XCTAssertEqual(ScalarSearch.contains(scalars, word), text.containsBytes(word), "\(word) in \(text)")
            }
        }
    }
}
