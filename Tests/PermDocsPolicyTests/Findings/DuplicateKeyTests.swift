import XCTest
@testable import PermDocsPolicy
import PermDocsTestSupport
import PermDocsCore

/// `duplicate-key` looks back through a small object and hashes a large
/// one: both ways must find each repeat once, pointing at the repeat and
/// naming the first.
final class DuplicateKeyTests: XCTestCase {
    /// A page whose policy's Condition operator holds `count` keys, one a
    /// line, `k1` repeated after them; the lines of the first `k1` and of
    /// its repeat.
    private func page(keys count: Int) -> (markdown: String, first: Int, repeat: Int) {
        var lines = ["# T", "", "```json", "{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [{", "    \"Effect\": \"Allow\",",
                     "    \"Action\": \"s3:ListBucket\",", "    \"Resource\": \"arn:aws:s3:::b\",", "    \"Condition\": {\"StringLike\": {"]
        var first = 0
        for i in 0..<count {
            if i == 1 { first = lines.count + 1 }
            lines.append("      \"k\(i)\": \"v\",")
        }
        let repeatLine = lines.count + 1
        lines += ["      \"k1\": \"w\"", "    }}", "  }]", "}", "```", ""]
        return (lines.joined(separator: "\n"), first, repeatLine)
    }

    func testRepeatsAreFoundInSmallAndLargeObjects() throws {
        for count in [2, 15, 16, 17, 40] {
            let (markdown, first, repeatLine) = page(keys: count)
            let found = try TestSupport.analyze(markdown, checked: true).diagnostics.filter { $0.id == FindingRules.duplicateKey.id }
            XCTAssertEqual(found.map(\.location.line), [repeatLine], "\(count + 1) keys")
            XCTAssertTrue(found.first?.message.contains("first at line \(first)") == true, "\(count + 1) keys: \(found)")
        }
    }
}
