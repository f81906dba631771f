import XCTest
@testable import PermDocsPolicy

/// `containsDollarBrace` searches ASCII as bytes; the ARN and account
/// checks built on it must still read variables, wildcards and characters
/// made of several scalars as before.
final class DollarBraceTests: XCTestCase {
    func testAgreesWithStringSearch() {
        for text in ["", "$", "{", "${", "$x{", "{$", "arn:aws:s3:::${aws:username}", "arn:aws:s3:::b", "a$$${",
                     "é${x}", "é$x{", "$\u{301}{", "${\u{301}", "\r\n${", "$\r\n{"] {
            XCTAssertEqual(text.containsDollarBrace, text.contains("${"), text.debugDescription)
        }
    }

    func testARNFieldsReadVariablesAndWildcards() {
        XCTAssertNil(ARNFormat.problem(in: "arn:${aws:partition}:s3:::b"), "a variable's colons do not split the ARN")
        XCTAssertNil(ARNFormat.problem(in: "arn:aws*:s3:::b"), "a wildcard partition may be any")
        XCTAssertNil(ARNFormat.problem(in: "arn:aws:${Service}:::b"))
        XCTAssertNil(ARNFormat.problem(in: "arn:aws:s?:::b"))
        XCTAssertNotNil(ARNFormat.problem(in: "arn:awz:s3:::b"))
        // Beyond ASCII, whether a field is a pattern is String.contains's word.
        XCTAssertEqual(ARNFormat.problem(in: "arn:aws*\u{301}:s3:::b") == nil, "aws*\u{301}".contains("*"))
        XCTAssertEqual(ARNFormat.problem(in: "arn:aws:s3?\u{301}:::b") == nil, "s3?\u{301}".contains("?"))
        XCTAssertNotNil(ARNFormat.problem(in: "arn:aws:s3:::"), "no resource part")
        XCTAssertNotNil(ARNFormat.problem(in: "arn:aws:s3::b"), "five fields")
        XCTAssertNil(ARNFormat.problem(in: "arn:aws:s3:::${a:b:c:d:e}"), "colons inside a variable")
    }

    func testAccountsOfARNsWithVariablesAreNotJudged() {
        XCTAssertNil(AccountIDChecks.arnAccount("arn:aws:iam::${Account}:role/x"))
        XCTAssertEqual(AccountIDChecks.arnAccount("arn:aws:iam::12345:role/x"), "12345")
        XCTAssertEqual(AccountIDChecks.arnAccount("arn:aws:iam::12345:role/é$x{y}"), "12345")
    }
}
