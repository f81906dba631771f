import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport

final class BlockClassifierTests: XCTestCase {
    func testExcerptsRepeatingAFullerPolicy() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("excerpts.md"))
        XCTAssertEqual(page.blocks.map(\.kind), [.identity, .excerpt, .excerpt])
        XCTAssertEqual(page.blocks[1].excerptOf?.anchor, "policy-1")
        XCTAssertEqual(page.blocks[2].excerptOf?.anchor, "policy-1", "a document whose statements all repeat the fuller one")
        XCTAssertEqual(page.blocks.map(\.grantee), [.user, .user, .user])
    }

    func testOptionalFromSectionHeading() throws {
        let md = "## Optional: KMS\n\n```\n{\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}\n```\n"
        XCTAssertEqual(try TestSupport.analyze(md).blocks.map(\.kind), [.optionalAddOn])
    }

    /// A bare statement that repeats no fuller policy of the tool is the
    /// guide's whole grant, not an excerpt (it used to be taken for one: an
    /// excerpt needs evidence that it repeats or extends a fuller policy).
    func testBareStatementWithoutFullerPolicyIsAnIdentityPolicy() throws {
        let md = "Add this:\n\n```\n{\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}\n```\n"
        let block = try XCTUnwrap(TestSupport.analyze(md).blocks.first)
        XCTAssertEqual(block.kind, .identity)
        XCTAssertNil(block.excerptOf)
        XCTAssertTrue(block.grantsPermissions)
    }

    func testRolePolicyByLeadIn() throws {
        let md = "Create a file named `role-policy.json` with the following policy:\n\n```\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}\n```\n"
        XCTAssertEqual(try TestSupport.analyze(md).blocks.map(\.grantee), [.serviceRole])
    }
}
