import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsPolicy
import PermDocsSite

/// The wildcard-aware rows of the action index, on the seed site and on fixtures.
final class ActionIndexRowsTests: XCTestCase {
    typealias S = CrossReferenceSupport

    func testCreateTagsIsNeededByFourSeedTools() throws {
        let index = try S.seedSite().index
        let row = try XCTUnwrap(index.row(named: "EC2:createtags"))
        XCTAssertEqual(row.name, "ec2:CreateTags")
        XCTAssertEqual(row.kind, .action)
        XCTAssertTrue(row.isKnown)
        XCTAssertEqual(row.accessLevel, .tagging)
        XCTAssertEqual(row.toolsRequiring(in: index.toolOrder), [S.vm, S.sms, S.veeam, S.cloudberry])
        for slug in [S.vm, S.sms, S.veeam, S.cloudberry] { XCTAssertEqual(row.needs[slug]?.how, .explicit, slug) }
        // SMS names it in its service role's policy.
        XCTAssertEqual(row.needs[S.sms]?.grantees, [.serviceRole])
        XCTAssertEqual(row.needs[S.vm]?.grantees, [.user])
        XCTAssertNil(row.needs[S.dms])
    }

    func testDescribeInstancesIsNamedByThreeAndCoveredBySMSWildcard() throws {
        let index = try S.seedSite().index
        let row = try XCTUnwrap(index.row(named: "ec2:DescribeInstances"))
        XCTAssertEqual(row.accessLevel, .list)
        for slug in [S.vm, S.veeam, S.cloudberry] {
            XCTAssertEqual(row.needs[slug]?.how, .explicit, slug)
        }
        let sms = try XCTUnwrap(row.needs[S.sms])
        XCTAssertEqual(sms.how, .wildcard)
        XCTAssertEqual(sms.requiredWildcardPatterns, ["ec2:Describe*"])
        XCTAssertFalse(sms.isNamed)
        XCTAssertEqual(sms.blocks.map(\.anchor), ["policy-3"])
        // VM Import/Export names it for the user and its role's `ec2:Describe*` covers it too.
        XCTAssertEqual(row.needs[S.vm]?.wildcardPatterns, ["ec2:Describe*"])
        XCTAssertNil(row.needs[S.dms])
        // The wildcard has its own row, once although two guides write it, and adds no others.
        let pattern = try XCTUnwrap(index.row(named: "ec2:describe*"))
        XCTAssertEqual(pattern.kind, .pattern)
        XCTAssertEqual(pattern.name, "ec2:Describe*")
        XCTAssertEqual(Set(pattern.needs.keys), [S.vm, S.sms])
        XCTAssertNil(index.row(named: "ec2:DescribeFleets"), "a wildcard adds no rows for the actions it matches")
    }

    func testGetObjectIsCoveredByCloudBerrysS3Star() throws {
        let index = try S.seedSite().index
        let row = try XCTUnwrap(index.row(named: "s3:GetObject"))
        XCTAssertEqual(row.needs[S.vm]?.how, .explicit)
        XCTAssertEqual(row.needs[S.veeam]?.how, .explicit)
        XCTAssertEqual(row.needs[S.cloudberry]?.how, .wildcard)
        XCTAssertEqual(row.needs[S.cloudberry]?.wildcardPatterns, ["s3:*"])
        XCTAssertEqual(row.toolsRequiring(in: index.toolOrder), [S.vm, S.veeam, S.cloudberry])
        XCTAssertNotNil(index.row(named: "s3:*"))
        let s3Rows = index.rows.filter { $0.service == "s3" }
        XCTAssertLessThan(s3Rows.count, 30, "s3:* must not add a row per S3 action")
    }

    func testUnknownCloudBerryActionsStandAlone() throws {
        let index = try S.seedSite().index
        for name in ["ami:ListRoles", "ec2:CancelImportTasks", "ami:CancelImportTasks"] {
            let row = try XCTUnwrap(index.row(named: name), name)
            XCTAssertFalse(row.isKnown, name)
            XCTAssertTrue(row.isUnknown, name)
            XCTAssertNil(row.accessLevel, name)
            XCTAssertEqual(row.name, name.lowercased())
            XCTAssertEqual(Array(row.needs.keys), [S.cloudberry], "\(name) is matched by no other tool")
            XCTAssertEqual(row.needs[S.cloudberry]?.how, .explicit)
        }
        // Not merged with the catalog's ec2:CancelImportTask.
        let known = try XCTUnwrap(index.row(named: "ec2:CancelImportTask"))
        XCTAssertTrue(known.isKnown)
        XCTAssertNil(known.needs[S.cloudberry])
        XCTAssertEqual(known.toolsRequiring(in: index.toolOrder), [S.vm, S.veeam])
    }

    /// `"Action": ""` (a guide's placeholder) is a finding where it stands, not a
    /// row: a row of no name sorted first in the matrix, under no service.
    func testAnEmptyActionIsNoRowButAFinding() throws {
        let site = try TestSupport.build(["tools/t.md": S.guide(S.allow("", " ", "s3:GetObject"))]).site
        XCTAssertEqual(site.index.rows.map(\.name), ["s3:GetObject"])
        XCTAssertEqual(site.index.actions(of: "t").map(\.written), ["s3:GetObject"])
        let findings = site.tools[0].pages[0].diagnostics.filter { $0.message.contains("\"\" is not an action") }
        XCTAssertEqual(findings.count, 1, "\(site.tools[0].pages[0].diagnostics.map(\.message))")
    }

    func testSpellingsShareTheCanonicalRow() throws {
        let index = try S.seedSite().index
        let row = try XCTUnwrap(index.row(named: "s3:putlifecycleconfiguration"))
        XCTAssertEqual(row.name, "s3:PutLifecycleConfiguration")
        XCTAssertEqual(row.spellings, ["s3:PutLifeCycleConfiguration"])
        XCTAssertEqual(row.needs[S.cloudberry]?.how, .wildcard)
    }

    func testOptionalAddOnsAndTrustPolicies() throws {
        let index = try S.seedSite().index
        XCTAssertEqual(index.rowNeed("kms:Decrypt", by: S.vm)?.how, .optional)
        XCTAssertEqual(index.rowNeed("kms:GenerateDataKey*", by: S.vm)?.how, .optional)
        XCTAssertNil(index.row(named: "sts:AssumeRole"), "trust policies grant nothing")
    }

    func testDenyIsKeptApartAndNotActionIsOnePatternRow() throws {
        let site = try S.site([
            "a": S.guide(S.allow("s3:GetObject", "ec2:RunInstances"),
                         "{\"Effect\": \"Deny\", \"Action\": \"s3:Delete*\", \"Resource\": \"*\"}"),
            "b": S.guide(S.allow("s3:DeleteObject"),
                         "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\", \"ec2:*\"], \"Resource\": \"*\"}"),
        ])
        let index = ActionIndex(tools: site.tools, catalog: try S.catalog())
        let delete = try XCTUnwrap(index.row(named: "s3:DeleteObject"))
        XCTAssertEqual(delete.needs["b"]?.how, .explicit)
        XCTAssertEqual(delete.needs["a"]?.how, .denied)
        XCTAssertTrue(delete.needs["a"]?.isOnlyDenied ?? false)
        XCTAssertEqual(delete.toolsRequiring(in: index.toolOrder), ["b"])
        let denyRow = try XCTUnwrap(index.row(named: "s3:Delete*"))
        XCTAssertEqual(denyRow.needs["a"]?.how, .denied)
        // NotAction: one row, flagged; covers a's s3:GetObject but not ec2:RunInstances.
        let notRows = index.rows.filter { $0.kind == .notAction }
        XCTAssertEqual(notRows.map(\.key), ["ec2:*,iam:*"])
        XCTAssertEqual(notRows[0].excluded, ["iam:*", "ec2:*"])
        XCTAssertEqual(index.rowNeed("s3:GetObject", by: "b")?.how, .wildcard)
        XCTAssertNil(index.rowNeed("ec2:RunInstances", by: "b"))
        XCTAssertEqual(SiteExports.matrixCell(index.rowNeed("s3:GetObject", by: "b")), "notaction")
    }

    func testLegacyByNameViewIsUnchanged() throws {
        let index = try S.seedSite().index
        XCTAssertEqual(Set(index.needs[Action("s3:PutObject")]!.keys), [S.vm, S.veeam])
        XCTAssertEqual(index.actions(of: S.dms).count, 23)
    }
}
