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

    /// Searched on scalars in place, a text looks like a policy exactly when
    /// the string search says so: also when a combining mark or a joiner
    /// makes a key's quote part of another character, and on non-ASCII text.
    func testLooksLikePolicyJSONAsTheStringSearch() {
        let texts = [#"{"Effect": "Allow"}"#, #"{"Effect"\#u{301}: "Allow"}"#, #"{\#u{600}"Effect": 1}"#, #"{"Statement"\#u{200D}: []}"#,
                     #"[ "Action": "s3:*", "Resource": "*" ]"#, #", "Action": "s3:*""#, #"{"Effect": "Allow", "Ünïcödé": "✓"}"#,
                     #"{"EFFECT": 1}"#, #"{"Statement" : []}"#, #"  {"Effect"}"#, #"x {"Effect"}"#, "{}", "", #"{"Action"\#u{300}: 1, "Resource": 2}"#]
        for string in texts {
            var text = MappedText(file: "f.md")
            for (k, scalar) in string.unicodeScalars.enumerated() { text.append(scalar, at: SourcePosition(line: 1, column: k + 1)) }
            let startsRight = string.unicodeScalars.first(where: { !$0.properties.isWhitespace }).map { "{[,".unicodeScalars.contains($0) } ?? false
            let expected = startsRight && (string.contains("\"Effect\"") || string.contains("\"Statement\"") || string.contains("\"Action\"") && string.contains("\"Resource\""))
            XCTAssertEqual(PolicyCandidate.looksLikePolicyJSON(text), expected, string)
        }
    }

    /// A code block's lines are cut where splitting it into characters cuts
    /// them: at every line feed, never inside "\r\n", with empty lines kept.
    func testCodeLinesAreTheCharacterSplit() {
        let bodies = ["", "\n", "a", "a\nb", "a\n\nb\n", "\n\u{301}x\n", "{\r\n  \"Effect\"\r\n}", "a\rb\nc", "Ünï\n✓\u{1F600}\nz", "x\n\u{200D}y"]
        for body in bodies {
            let substring = Substring(body)
            XCTAssertEqual(PolicyExtractor.lines(of: substring), substring.split(separator: "\n", omittingEmptySubsequences: false), body.debugDescription)
        }
    }
}

