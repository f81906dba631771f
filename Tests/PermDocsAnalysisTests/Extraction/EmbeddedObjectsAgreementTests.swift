import XCTest
@testable import PermDocsAnalysis

/// The objects of code that may be policies are turned down on their scalars
/// before any string is made of them: the objects found must be those the
/// string search (kept here as it was) found, on tricky code.
final class EmbeddedObjectsAgreementTests: XCTestCase {
    /// The objects as the string search found them.
    private func stringSearchObjects(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s[i] == "{" else { i += 1; continue }
            var depth = 0, inString = false, j = i
            while j < s.count {
                let c = s[j]
                if inString {
                    if c == "\\" { j += 1 } else if c == "\"" { inString = false }
                } else if c == "\"" { inString = true } else if c == "{" { depth += 1 } else if c == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                j += 1
            }
            guard j < s.count else { return found }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: s[i...j])
            let string = String(text)
            if string.contains("\"Statement\"") || string.contains("\"Effect\"") { found.append(i..<(j + 1)) }
            i = j + 1
        }
        return found
    }

    func testObjectsAreThoseTheStringSearchFound() {
        let codes = [
            "aws iam put-role-policy --policy-document '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"}]}'",
            "x = {\"a\": 1}; y = {\"Effect\": \"Deny\"} z = {\"Statement\":[]}", "{\"Eff\u{301}ect\": 1} {\"Effect\"\u{301}: 1} {\"Effe\u{301}\": {\"Effect\": 1}}",
            "{\"Statement\u{301}\": 1}", "{ \"statement\": 1 }", "{\"Effect\"", "{{\"Effect\": 1}", "{\"\\\"Effect\\\"\": 1}", "no braces at all",
            "{\"É\": \"Effect\"} {\"e\u{301}\": \"\\\"Statement\\\"\"}", "{}{\"Effect\":\"Allow\"}{}",
        ]
        for code in codes {
            let scalars = Array(code.unicodeScalars)
            XCTAssertEqual(EmbeddedPolicies.objects(in: scalars), stringSearchObjects(scalars), code.debugDescription)
        }
        XCTAssertEqual(EmbeddedPolicies.objects(in: Array("x {\"Effect\": 1} y".unicodeScalars)), [2..<15])
    }
}
