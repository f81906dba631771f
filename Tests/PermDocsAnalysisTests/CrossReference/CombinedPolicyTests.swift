import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore

/// Combined policies: merging, union of tools, validity, size.
final class CombinedPolicyTests: XCTestCase {
    typealias S = CrossReferenceSupport

    func testUnionOfVMImportExportAndSMSGrantsExactlyWhatTheGuidesGrant() throws {
        let site = try S.seedSite()
        let catalog = try S.catalog()
        let combined = CombinedPolicy(site: site, slugs: [S.sms, S.vm], catalog: catalog)
        XCTAssertEqual(combined.tools, [S.vm, S.sms], "site order whatever the set's order")

        let text = combined.required.json
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "valid JSON")
        XCTAssertEqual(object["Version"] as? String, "2012-10-17")
        let policy = try S.parsePolicy(text)
        XCTAssertEqual(policy.shape, .document)
        XCTAssertFalse(policy.isTrustPolicy)

        // What the two guides grant in their required blocks (not optional add-ons, not trust policies).
        let tools = site.tools.filter { [S.vm, S.sms].contains($0.slug) }
        let guideStatements = tools.flatMap(\.blocks).filter { $0.grantsPermissions && $0.kind != .optionalAddOn }.flatMap { $0.policy!.statements }
        let expected = S.grants(of: guideStatements, catalog: catalog)
        let actual = S.grants(of: policy.statements, catalog: catalog)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(actual.subtracting(expected), [], "nothing outside what the guides grant")
        XCTAssertEqual(expected.subtracting(actual), [], "everything the guides grant")
        // And at the level of actions alone.
        func actions(_ set: Set<String>) -> Set<Substring> { Set(set.map { $0.split(separator: " ")[0] }) }
        XCTAssertTrue(actions(actual).contains("ec2:describeinstances"))
        XCTAssertFalse(actions(actual).contains("kms:decrypt"), "optional add-ons stay apart")

        // Merged: SMS's role policy and VM's role ec2 statement share Resource "*" and no Condition.
        XCTAssertLessThan(policy.statements.count, guideStatements.count)
        XCTAssertTrue(text.contains("\"ec2:Describe*\""), "wildcards kept as written")
        XCTAssertEqual(Set(combined.optionalAddOns.statements.flatMap(\.actions)).isSuperset(of: ["kms:Decrypt", "kms:GenerateDataKey*"]), true)
        XCTAssertEqual(combined.trustPolicies.count, 3)
        XCTAssertTrue(combined.trustPolicies.allSatisfy { (try? S.parsePolicy($0.json))?.isTrustPolicy == true })
        // Sids: letters and digits, unique.
        let sids = combined.required.statements.map(\.sid)
        XCTAssertEqual(Set(sids).count, sids.count)
        XCTAssertTrue(sids.allSatisfy { $0.hasPrefix("PermDocs") && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }, "\(sids)")
        // Deterministic bytes.
        XCTAssertEqual(CombinedPolicy(site: site, slugs: [S.vm, S.sms], catalog: catalog).required.json, text)
        // Split by grantee: VM's user policy versus the roles'.
        let user = combined.required(for: .user)
        XCTAssertTrue(user.statements.flatMap(\.actions).contains("ec2:ImportImage"))
        XCTAssertFalse(user.statements.flatMap(\.actions).contains("ec2:CopyImage"), "SMS's role policy goes to the role")
    }

    func testMergingRules() throws {
        let site = try S.site(["t": S.guide(
            S.allow("s3:getobject", "S3:PutLifeCycleConfiguration", resource: "arn:aws:s3:::b/*"),
            S.allow("s3:GetObject", "s3:DeleteObject", resource: "arn:aws:s3:::b/*"),
            S.allow("ec2:Describe*", "ami:ListRoles", "ami:listroles"),
            "{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::b\", \"Condition\": {\"StringLike\": {\"s3:prefix\": [\"home/\"]}}}",
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetBucketLocation\", \"Resource\": \"arn:aws:s3:::b\", \"Condition\": {}}",
            "{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\", \"Resource\": \"*\"}",
            "{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\", \"Resource\": \"*\"}"
        )])
        let doc = CombinedPolicy(tool: site.tools[0], catalog: try S.catalog()).required
        let st = doc.statements
        XCTAssertEqual(st.count, 5, doc.json)
        XCTAssertEqual(st[0].actions, ["s3:DeleteObject", "s3:GetObject", "s3:PutLifecycleConfiguration"], "same Resource merged, deduplicated, catalog spelling")
        XCTAssertEqual(st[0].resources, ["arn:aws:s3:::b/*"])
        XCTAssertEqual(st[1].actions, ["ami:ListRoles", "ec2:Describe*"], "unknown and wildcard names kept as first written")
        XCTAssertEqual(st[2].actions, ["s3:ListBucket"], "a Condition keeps its statement apart")
        XCTAssertNotNil(st[2].condition)
        XCTAssertEqual(st[3].actions, ["s3:GetBucketLocation"])
        XCTAssertNil(st[3].condition, "{} is no Condition")
        XCTAssertEqual(st[4].effect, .deny)
        XCTAssertEqual(st.map(\.sid), ["PermDocsS3", "PermDocsAmiEc2", "PermDocsS3Stmt2", "PermDocsS3Stmt3", "PermDocsDenyS3"])
        XCTAssertEqual(st[0].sources.map(\.anchor), ["policy-1"])
        _ = try S.parsePolicy(doc.json)
    }

    func testQuota() throws {
        let catalog = try S.catalog()
        let names = catalog.actions(inService: "ec2").prefix(400).map(\.canonicalName)
        XCTAssertEqual(names.count, 400)
        let big = try S.site(["big": S.guide("{\"Effect\": \"Allow\", \"Action\": [\(names.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": \"*\"}")])
        let doc = CombinedPolicy(tool: big.tools[0], catalog: catalog).required
        XCTAssertEqual(doc.characterCount, doc.json.filter { !$0.isWhitespace }.count)
        XCTAssertGreaterThan(doc.characterCount, MergedPolicyDocument.managedPolicyQuota)
        XCTAssertTrue(doc.exceedsManagedPolicyQuota)

        let small = CombinedPolicy(site: try S.seedSite(), slugs: [S.sms], catalog: catalog).required
        XCTAssertFalse(small.exceedsManagedPolicyQuota)
        XCTAssertLessThan(small.characterCount, small.json.count, "whitespace is not counted")
        XCTAssertEqual(MergedPolicyDocument.characterCount(of: "{ \"a\" :\n  1 }"), 7)
        // The ASCII count agrees with the Character rule, line ends and control characters included.
        for text in ["a\r\nb\t\u{0B}\u{0C} c\u{01}\u{1F}\u{7F}", "é\u{2028}x\u{00A0}y", "e\u{301} \r\n", "", " \n"] {
            XCTAssertEqual(MergedPolicyDocument.characterCount(of: text), text.filter { !$0.isWhitespace }.count, String(reflecting: text))
        }
    }
}

/// The combined policy permdocs offers for download must pass permdocs' own checks.
final class CombinedPolicyValidationTests: XCTestCase {
    func testUnionOfVMImportExportAndSMSHasNoErrorFindings() throws {
        let site = try CrossReferenceSupport.seedSite()
        let catalog = try CrossReferenceSupport.catalog()
        let combined = CombinedPolicy(site: site, slugs: [CrossReferenceSupport.vm, CrossReferenceSupport.sms], catalog: catalog)
        let guide = "# Combined\n\n```json\n" + combined.required.json + "\n```\n"
        let page = try TestSupport.analyze(guide, checked: true)
        XCTAssertEqual(page.blocks.map(\.kind), [.identity])
        let errors = page.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors, [], "\(errors)")
        // Grammar and catalog are clean too: only risk warnings the guides themselves carry may remain.
        XCTAssertTrue(page.diagnostics.allSatisfy { FindingRules.rule($0.id)?.category == .risk }, "\(page.diagnostics)")
    }
}
