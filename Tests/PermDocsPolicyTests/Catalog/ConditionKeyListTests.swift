import Foundation
import XCTest
@testable import PermDocsPolicy

/// `ConditionKeyList` answers what `ConditionKeySet` answers, without
/// building a set: the byte comparison must agree with it on case,
/// templates and non-ASCII text.
final class ConditionKeyListTests: XCTestCase {
    private func agree(_ keys: [String], _ key: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ConditionKeyList.contains(keys, key), ConditionKeySet(keys).contains(key),
                       "\(keys) contains \(key.debugDescription)", file: file, line: line)
    }

    func testExactKeysIgnoreCase() {
        XCTAssertTrue(ConditionKeyList.contains(["s3:prefix", "s3:delimiter"], "S3:Prefix"))
        XCTAssertFalse(ConditionKeyList.contains(["s3:prefix"], "s3:prefixes"))
        XCTAssertFalse(ConditionKeyList.contains(["s3:prefix"], "s3:prefi"))
        XCTAssertFalse(ConditionKeyList.contains([], "s3:prefix"))
        XCTAssertTrue(ConditionKeyList.contains(["a:b*"], "A:B*"), "* is literal in keys")
        XCTAssertFalse(ConditionKeyList.contains(["a:b*"], "a:bc"))
    }

    func testTemplatesTakeOneOrMoreCharacters() {
        let tag = ["aws:ResourceTag/${TagKey}"]
        XCTAssertTrue(ConditionKeyList.contains(tag, "aws:resourcetag/team"))
        XCTAssertTrue(ConditionKeyList.contains(tag, "aws:ResourceTag/a/b"))
        XCTAssertFalse(ConditionKeyList.contains(tag, "aws:ResourceTag/"), "a placeholder stands for at least one character")
        XCTAssertTrue(ConditionKeyList.contains(["s3:ExistingObjectTag/<key>"], "s3:ExistingObjectTag/Project"))
        let middle = ["codebuild:fileSystemLocations/${identifier}.type"]
        XCTAssertTrue(ConditionKeyList.contains(middle, "codebuild:fileSystemLocations/x.y.type"))
        XCTAssertFalse(ConditionKeyList.contains(middle, "codebuild:fileSystemLocations/.type"))
        XCTAssertFalse(ConditionKeyList.contains(middle, "codebuild:fileSystemLocations/x.typo"))
        XCTAssertTrue(ConditionKeyList.contains(["a:${x}-${y}"], "a:p-q-r"), "two placeholders")
        XCTAssertTrue(ConditionKeyList.contains(["a:${x"], "A:${X"), "an unclosed placeholder is literal")
        XCTAssertFalse(ConditionKeyList.contains(["a:${x"], "a:zz"))
    }

    func testTextOtherThanASCIIIsAnsweredBySet() {
        // The Kelvin sign lowercases to an ASCII k; é and É compare alike.
        XCTAssertTrue(ConditionKeyList.contains(["aws:\u{212A}ey"], "aws:key"))
        XCTAssertTrue(ConditionKeyList.contains(["s3:Préfix"], "s3:PRÉFIX"))
        XCTAssertTrue(ConditionKeyList.contains(["aws:RequestTag/${TagKey}"], "aws:RequestTag/équipe"))
        for (keys, key) in [(["aws:\u{212A}ey"], "aws:key"), (["s3:Préfix"], "s3:PRÉFIX"), (["s3:x", "é:${k}"], "é:z"),
                            (["a:b"], "a:b\u{301}"), (["İ:x"], "i̇:x")] {
            agree(keys, key)
        }
    }

    /// Every key and template of a small alphabet rich in template
    /// characters, against `ConditionKeySet`: they must never disagree.
    func testAgreesWithTheSetOnGeneratedKeys() {
        let alphabet: [String] = ["a", "A", "b", ":", "/", "$", "{", "}", "<", ">", "*", "é"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        func text() -> String {
            (0..<(next() % 9)).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
        var matched = 0
        for _ in 0..<20_000 {
            let keys = (0..<(1 + next() % 2)).map { _ in text() }
            // Half the keys are made from a listed key, to reach matches.
            let key = next() % 2 == 0 ? text() : keys[0].replacingOccurrences(of: "${", with: "").replacingOccurrences(of: "<", with: "").uppercased()
            agree(keys, key)
            if ConditionKeySet(keys).contains(key) { matched += 1 }
        }
        XCTAssertGreaterThan(matched, 1_000, "the generated cases reach matches, not only misses")
    }

    /// `ConditionKeySet.isTemplate` searches ASCII as bytes: it must agree
    /// with `String.contains`, whose characters may hold several scalars.
    func testTemplateDetectionAgreesWithStringSearch() {
        for key in ["aws:RequestTag/${TagKey}", "s3:ExistingObjectTag/<key>", "ec2:Region", "a:$", "a:${", "a:$x{", "a:{$", "<", "",
                    "é:${k}", "a:$\u{301}{", "a:${\u{301}", "a:<\u{301}", "a:\r\n${x}"] {
            XCTAssertEqual(ConditionKeySet.isTemplate(key), key.contains("${") || key.contains("<"), key.debugDescription)
        }
    }
}
