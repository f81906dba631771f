import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown
import PermDocsTestSupport

/// A code or HTML block's literal is mapped to its lines and columns on
/// UTF-8 bytes; the result must be the characters-and-substrings reading it
/// replaced (`characterMappedLiteral`, kept as the reference), for blocks in
/// list items and block quotes, with tabs, non-ASCII text, combining marks
/// (also after a line feed), joiners, emoji and carriage returns.
final class MappedLiteralAgreementTests: XCTestCase {
    static let pieces = [
        "a", "{", "}", "\"Effect\"", ": ", " ", "  ", "\t", "é", "e\u{301}", "\u{301}", "😀", "\u{200D}", "\u{00A0}", "\n", "\n",
        "\n\n", "\r\n", "\r", "\\", "`", "|", "<pre>", "</pre>", "ü", "\u{600}", "> ", "- ",
    ]

    func testMappedLiteralsAgreeWithTheCharacterReading() {
        var random = FuzzRandom(seed: 0x117E4A1)
        let openers = ["```\n", "```json\n", "  ```\n", "- ```\n", "> ```\n", "1. ```\n", "    ", "> > ```\n", "<div>\n", "- <pre>\n"]
        var blocks = 0
        for _ in 0..<3_000 {
            var body = ""
            for _ in 0..<random.below(16) { body += Self.pieces[random.below(Self.pieces.count)] }
            let opener = openers[random.below(openers.count)]
            // Continuation lines of a list item or quote carry its indentation.
            let indent = opener.hasPrefix("- ") || opener.hasPrefix("1. ") ? "  " : opener.hasPrefix(">") ? "> " : ""
            let markdown = "# T\n\n" + opener + body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent) + "\n```\n\ntext\n"
            let doc = MarkdownDocument(markdown)
            doc.rootNode.walk { node, entering in
                guard entering, node.kind == .codeBlock || node.kind == .htmlBlock else { return .visitChildren }
                blocks += 1
                let first = node.kind == .codeBlock && node.isFenced ? node.startLine + 1 : node.startLine
                let mapped = PolicyExtractor.mappedLiteral(node.literal, firstLine: first, in: doc, file: "f.md")
                let reference = PolicyExtractor.characterMappedLiteral(node.literal, firstLine: first, in: doc, file: "f.md")
                XCTAssertEqual(mapped, reference, markdown.debugDescription)
                return .skipChildren
            }
        }
        XCTAssertGreaterThan(blocks, 2_000)
    }

    /// Literals given directly, against lines they do and do not end.
    func testLiteralsAgainstOtherLines() {
        let doc = MarkdownDocument("  x\n\t{\n> é\u{301}\n😀 y\n\n  \n")
        for literal in ["", "\n", "x", "x\n", "x\n\n", "{\n\u{301}é\n", "é\u{301}\ny", "\u{301}", "😀 y\n\n", "a\r\nb\n", "a\rb", "\n\n\n\n\n\n\n"] {
            for first in [1, 2, 5] {
                XCTAssertEqual(PolicyExtractor.mappedLiteral(literal, firstLine: first, in: doc, file: "f"),
                               PolicyExtractor.characterMappedLiteral(literal, firstLine: first, in: doc, file: "f"), "\(literal.debugDescription) at \(first)")
            }
        }
    }

    /// Decoding a string's bytes gives its scalars, each at the next column.
    func testAppendingUTF8IsAppendingScalars() {
        for string in ["", "a", "é", "e\u{301}", "😀x", "\u{10FFFF}\u{7FF}\u{800}\u{FFFF}\u{10000}", "Ünïcödé ✓ \u{200D}"] {
            var expected = MappedText(file: "f")
            expected.append(Substring(string).unicodeScalars, line: 4, column: 7)
            var decoded = MappedText(file: "f")
            var copy = string
            copy.withUTF8 { decoded.append(utf8: $0, line: 4, column: 7) }
            XCTAssertEqual(decoded, expected, string.debugDescription)
        }
    }
}
