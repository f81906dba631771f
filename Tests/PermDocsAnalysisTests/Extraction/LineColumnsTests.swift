import XCTest
@testable import PermDocsAnalysis
import PermDocsCore

/// A literal's lines are mapped to their columns on bytes: each must land
/// where `MappedText.appendLine` put it, on lines with indentation, tabs,
/// combining marks, emoji, and lines that are not the source's end.
final class LineColumnsTests: XCTestCase {
    func testPlacesContentWhereAppendLinePutsIt() {
        let cases: [(content: Substring, source: Substring)] = [
            ("{", "{"), ("\"Action\": \"s3:*\"", "    \"Action\": \"s3:*\""), ("x", "> - x"), ("", ""), ("", "   "),
            ("  \"é\": 1", "\t  \"é\": 1"), ("e\u{301}", "  e\u{301}"), ("\u{301}", "e\u{301}"), ("😀 policy", "> 😀 policy"),
            ("not the end", "not the end, more"), ("longer than the source", "short"), ("ü", "  u\u{308}"), ("b", "ab"),
            ("  tabbed", "\ttabbed"), ("élan", "> > élan"), ("\"Effect\": \"Allow\"\r", "  \"Effect\": \"Allow\"\r"),
        ]
        for (content, source) in cases {
            var expected = MappedText(file: "f")
            expected.appendLine(content, source: source, lineNumber: 3)
            let place = LineColumns.place(of: content, in: source)
            var mapped = MappedText(file: "f")
            for (k, scalar) in content.unicodeScalars.enumerated() { mapped.append(scalar, at: SourcePosition(line: 3, column: place.prefix + 1 + k)) }
            XCTAssertEqual(mapped, expected, "\(content.debugDescription) in \(source.debugDescription)")
            XCTAssertEqual(place.sourceScalars, source.unicodeScalars.count, source.debugDescription)
        }
    }
}
