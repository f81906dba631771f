import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsTestSupport

/// One fixture per rule that reads a block's kind or grantee from the prose
/// around it (`Fixtures/Classification/`, each named for what it shows).
final class ContextClassificationTests: XCTestCase {
    private func blocks(_ fixture: String, checked: Bool = false) throws -> [PolicyBlock] {
        try TestSupport.analyze(try TestSupport.fixture("Classification/\(fixture).md"), checked: checked).blocks
    }

    func testServiceRoleNamedOnlyInTheHeading() throws {
        let b = try blocks("service-role-named-in-heading")
        XCTAssertEqual(b.map(\.kind), [.identity])
        XCTAssertEqual(b.map(\.grantee), [.serviceRole])
    }

    func testServiceRoleInAManagedPolicyDescription() throws {
        let b = try blocks("service-role-in-managed-policy-description")
        XCTAssertEqual(b.map(\.grantee), [.serviceRole], "a …ServiceRolePolicy name, and 'provides permissions to AWS Backup to'")
    }

    func testServiceRoleInTheNextStep() throws {
        let b = try blocks("service-role-in-next-step")
        XCTAssertEqual(b.first?.context.after, "Attach the policy to the role that you created in the first step.")
        XCTAssertEqual(b.map(\.grantee), [.serviceRole])
    }

    func testAnIAMEntityThatCreatesAServiceRoleIsTheUser() throws {
        XCTAssertEqual(try blocks("user-entity-creating-service-role").map(\.grantee), [.user])
    }

    func testKeyPolicyStatementIsAResourcePolicyNotAnExcerpt() throws {
        let b = try blocks("key-policy-statement", checked: true)
        XCTAssertEqual(b.map(\.kind), [.resource])
        XCTAssertEqual(b.map(\.grantee), [.resource])
        XCTAssertFalse(b[0].grantsPermissions, "its actions are not what the tool needs")
    }

    func testEndpointPolicyIsAResourcePolicy() throws {
        let b = try blocks("endpoint-policy")
        XCTAssertEqual(b.map(\.kind), [.resource])
        XCTAssertEqual(b.map(\.grantee), [.resource])
    }

    func testOptionalStepLabelMakesTheBlockOptional() throws {
        let b = try blocks("optional-step-label")
        XCTAssertEqual(b.map(\.kind), [.identity, .optionalAddOn])
        XCTAssertEqual(b.map(\.grantee), [.user, .user])
    }

    func testOptionalSaidOfOneStatementLeavesThePolicyRequired() throws {
        let site = try CrossReferenceSupport.site(["t": try TestSupport.fixture("Classification/statement-level-optional.md")])
        let block = try XCTUnwrap(site.tools.first?.blocks.first)
        XCTAssertEqual(block.kind, .identity)
        XCTAssertEqual(block.optionalStatements, [1])
        XCTAssertEqual(site.index.need(Action("s3:GetObject"), by: "t")?.required, true)
        XCTAssertEqual(site.index.need(Action("kms:Decrypt"), by: "t")?.required, false, "only the AllowKmsDecrypt statement is optional")
        let combined = CombinedPolicy(tool: try XCTUnwrap(site.tools.first), catalog: site.catalog)
        XCTAssertFalse(combined.required.json.contains("kms:Decrypt"))
        XCTAssertTrue(combined.optionalAddOns.json.contains("kms:Decrypt"))
    }

    func testOptionalSaidOfAnElementIsNotOptional() throws {
        let md = "# SCP syntax\n\nThe Sid is an optional identifier that you provide for the policy statement.\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"DenyAll\", \"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]}\n```\n"
        XCTAssertEqual(try TestSupport.analyze(md).blocks.map(\.kind), [.identity])
    }

    func testAlternativePoliciesAreNotExcerpts() throws {
        let b = try blocks("alternative-policies-not-excerpts")
        XCTAssertEqual(b.map(\.kind), [.identity, .identity], "overlapping actions are no evidence of a repeat")
        XCTAssertEqual(b.map(\.excerptOf), [nil, nil])
    }

    func testARepeatNeedsEvidence() throws {
        let b = try blocks("repeat-needs-evidence")
        XCTAssertEqual(b.map(\.kind), [.identity, .excerpt, .identity], "bare statements on the fuller policy's page repeat it; a separate complete policy does not")
        XCTAssertEqual(b[1].excerptOf?.anchor, "policy-1")
    }

    func testAnExcerptGoesToTheGranteeOfThePolicyItRepeats() throws {
        let md = "# Role\n\nAttach this policy to the role:\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}, {\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}]}\n```\n\nThe users need this part of the policy to read:\n\n```json\n{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}\n```\n"
        let b = try TestSupport.analyze(md).blocks
        XCTAssertEqual(b.map(\.kind), [.identity, .excerpt])
        XCTAssertEqual(b.map(\.grantee), [.serviceRole, .serviceRole])
    }

    func testTrustAndUnparsedBlocksHaveNoGrantee() throws {
        let md = "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}\n```\n\n```json\n{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\" \"Resource\": \"*\"}\n```\n"
        let b = try TestSupport.analyze(md).blocks
        XCTAssertEqual(b.map(\.kind), [.trust, .unparsed])
        XCTAssertEqual(b.map(\.grantee), [.nobody, .nobody])
    }

    func testNotAWSPoliciesAreShownButNotCheckedOrCounted() throws {
        let markdown = try TestSupport.fixture("Classification/not-aws-policy.md")
        let page = try TestSupport.analyze(markdown, checked: true)
        XCTAssertEqual(page.blocks.map(\.kind), [.notAWS, .notAWS], "another cloud's Version, and a CloudFormation stack policy")
        XCTAssertEqual(page.blocks.map(\.grantee), [.nobody, .nobody])
        XCTAssertEqual(page.diagnostics, [], "not checked against the AWS catalog")
        let site = try CrossReferenceSupport.site(["t": markdown])
        XCTAssertTrue(site.index.rows.isEmpty, "not counted in the matrix")
    }
}
