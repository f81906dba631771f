import XCTest
@testable import PermDocsPolicy

final class WildcardPatternTests: XCTestCase {
    func testStarMatchesAnyRunIncludingNone() {
        XCTAssertTrue(WildcardPattern("*").matches(""))
        XCTAssertTrue(WildcardPattern("*").matches("anything"))
        XCTAssertTrue(WildcardPattern("Describe*").matches("Describe"))
        XCTAssertTrue(WildcardPattern("Describe*").matches("DescribeInstances"))
        XCTAssertTrue(WildcardPattern("*Object*").matches("PutObjectAcl"))
        XCTAssertTrue(WildcardPattern("Get*Policy").matches("GetBucketPolicy"))
        XCTAssertFalse(WildcardPattern("Get*Policy").matches("GetBucketPolicyStatus"))
        XCTAssertFalse(WildcardPattern("Describe*").matches("ListDescribe"))
    }

    func testQuestionMarkMatchesExactlyOneCharacter() {
        XCTAssertTrue(WildcardPattern("Get?bject").matches("GetObject"))
        XCTAssertFalse(WildcardPattern("Get?bject").matches("Getbject"))
        XCTAssertFalse(WildcardPattern("Get?bject").matches("GetOObject"))
        XCTAssertFalse(WildcardPattern("Get?").matches("Get"))
        XCTAssertTrue(WildcardPattern("???").matches("abc"))
        XCTAssertFalse(WildcardPattern("???").matches("ab"))
        XCTAssertTrue(WildcardPattern("?*").matches("a"))
        XCTAssertFalse(WildcardPattern("?*").matches(""))
        XCTAssertTrue(WildcardPattern("caf?").matches("café"), "one character, not one byte")
    }

    func testMatchingIgnoresCase() {
        XCTAssertTrue(WildcardPattern("ec2:describe*").matches("EC2:DescribeInstances"))
        XCTAssertTrue(WildcardPattern("EC2:DESCRIBE*").matches("ec2:describeinstances"))
        XCTAssertTrue(WildcardPattern("ÉTÉ*").matches("été-2026"))
    }

    func testOtherCharactersAreLiteral() {
        XCTAssertFalse(WildcardPattern("[a]").matches("a"), "IAM has no character classes")
        XCTAssertTrue(WildcardPattern("[a]").matches("[A]"))
        XCTAssertFalse(WildcardPattern("a.c").matches("abc"))
        XCTAssertTrue(WildcardPattern("ec2:Run").matches("ec2:run"))
        XCTAssertFalse(WildcardPattern("ec2:Run").matches("ec2:RunInstances"))
        XCTAssertFalse(WildcardPattern("ec2:Run").hasWildcards)
        XCTAssertTrue(WildcardPattern("ec2:Run?").hasWildcards)
    }

    func testPathologicalPatternsFinishQuickly() {
        let text = String(repeating: "a", count: 20_000)
        let start = Date()
        XCTAssertFalse(WildcardPattern(String(repeating: "*a", count: 200) + "b").matches(text))
        XCTAssertTrue(WildcardPattern(String(repeating: "*a", count: 200) + "*").matches(text))
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "no exponential backtracking")
    }

    func testConditionKeyTemplatesFillPlaceholdersWithOneOrMoreCharacters() {
        let template = WildcardPattern(conditionKeyTemplate: "aws:RequestTag/${TagKey}")
        XCTAssertTrue(template.matches("aws:RequestTag/CostCenter"))
        XCTAssertTrue(template.matches("AWS:requesttag/team/sub"))
        XCTAssertTrue(template.matches("aws:RequestTag/${TagKey}"))
        XCTAssertFalse(template.matches("aws:RequestTag/"))
        XCTAssertFalse(template.matches("aws:ResourceTag/CostCenter"))
        let middle = WildcardPattern(conditionKeyTemplate: "codebuild:fileSystemLocations/${identifier}.type")
        XCTAssertTrue(middle.matches("codebuild:fileSystemLocations/efs1.type"))
        XCTAssertFalse(middle.matches("codebuild:fileSystemLocations/efs1.location"))
        XCTAssertFalse(WildcardPattern(conditionKeyTemplate: "a:b*").matches("a:bc"), "* is literal in keys")
    }
}
