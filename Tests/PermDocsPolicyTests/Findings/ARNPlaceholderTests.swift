import XCTest
@testable import PermDocsPolicy

/// `ARNPattern.placeholdersAsWildcards` reads printable ASCII as bytes; it
/// must give what reading character by character gives, for every text.
final class ARNPlaceholderTests: XCTestCase {
    private func agree(_ value: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards(value), ARNPattern.placeholdersAsWildcardsByCharacter(value),
                       value.debugDescription, file: file, line: line)
    }

    func testPlaceholdersBecomeWildcards() {
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards("arn:aws:s3:::YOUR_BUCKET/${aws:username}/<key>"), "arn:aws:s3:::*/*/*")
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards("arn:aws:iam::{account}:role/[name]"), "arn:aws:iam::*:role/*")
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards("arn:aws:s3:::your-bucket/Yours"), "arn:aws:s3:::*/*")
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards("arn:aws:iam::ACCOUNT_ID:role/ABC-1_2"), "arn:aws:iam::*:role/*")
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards("arn:aws:iam::ACCOUNT-ID:role/You"), "arn:aws:iam::ACCOUNT-ID:role/You",
                       "capitals without an underscore, and a word shorter than your, stay")
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards("arn:aws:s3:::b/<unclosed"), "arn:aws:s3:::b/*")
        XCTAssertEqual(ARNPattern.placeholdersAsWildcards("arn:aws:s3:::a_B"), "arn:aws:s3:::a_B", "a lower-case letter is no placeholder word")
    }

    func testBytesAgreeWithCharactersOnTrickyValues() {
        for value in ["", "*", "$", "$$${", "arn:aws:s3:::YOUR_BUCKET/${aws:username}/<key>", "arn:aws:iam::{account}:role/[name]",
                      "YOUR", "yOuRbucket", "your", "you", "_", "-_-", "A_\u{301}", "arn:aws:s3:::bücket_Ä", "ÄCCOUNT_ID",
                      "arn:aws:s3:::b\r\nc", "A_B\r\n", "arn:aws:s3:::<a:b>/{c/d}:[e]", "arn:aws:s3:::>}]", "ＹＯＵＲ_ＢＵＣＫＥＴ", "x\u{0}y_Z"] {
            agree(value)
        }
    }

    func testBytesAgreeWithCharactersOnGeneratedValues() {
        let alphabet: [String] = ["a", "Y", "O", "U", "R", "y", "o", "u", "r", "1", "_", "-", ":", "/", "$", "{", "}", "<", ">", "[", "]", "*", "é", "\r\n"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            agree((0..<(next() % 14)).map { _ in alphabet[next() % alphabet.count] }.joined())
        }
    }

    func testPatternsLowerCaseEveryCharacter() throws {
        let ascii = try XCTUnwrap(ARNPattern(policyARN: "arn:aws:S3:::Bucket-1/Key"))
        XCTAssertEqual(ascii.service, "s3".map { .character($0) })
        XCTAssertEqual(ascii.resource, "bucket-1/key".map { .character($0) })
        let other = try XCTUnwrap(ARNPattern(policyARN: "arn:aws:s3:::ÉTÉ\r\n"))
        XCTAssertEqual(other.resource, ["é", "t", "é", "\r\n"].map { .character($0) })
    }
}
