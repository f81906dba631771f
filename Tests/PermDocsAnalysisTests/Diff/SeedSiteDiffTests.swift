import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// The default site (`Content/`, the five seed guides as published) against a
/// copy in which the Veeam guide's three mis-cased action names are fixed and
/// DMS's `iam:PassRole` is scoped to a role ARN: exactly those four findings
/// are resolved, and no permission is added.
final class SeedSiteDiffTests: XCTestCase {
    /// The seed guides with the four fixes.
    static func fixedSeeds() throws -> (original: [String: String], fixed: [String: String]) {
        let original = try TestSupport.seedContentFiles()
        var fixed = original
        let veeam = "tools/veeam-restore-to-ec2.md"
        var text = try XCTUnwrap(fixed[veeam])
        for (wrong, right) in [("s3:PutLifeCycleConfiguration", "s3:PutLifecycleConfiguration"),
                               ("s3:AbortMultiPartUpload", "s3:AbortMultipartUpload"),
                               ("s3:ListBucketMultiPartUploads", "s3:ListBucketMultipartUploads")] {
            XCTAssertEqual(text.components(separatedBy: wrong).count, 2, "\(wrong) is in the Veeam guide once")
            text = text.replacingOccurrences(of: wrong, with: right)
        }
        fixed[veeam] = text
        // DMS grants iam:PassRole with iam:GetRole, CreateRole and AttachRolePolicy on "*", in its
        // full policy and again in the excerpt that explains it: PassRole gets a statement of its own.
        let dms = "tools/database-migration-service.md"
        let shared = [
            #"                "iam:GetRole","#,
            #"                "iam:PassRole","#,
            #"                "iam:CreateRole","#,
            #"                "iam:AttachRolePolicy""#,
            #"            ],"#,
            #"            "Resource": "*""#,
            #"        }"#,
        ].joined(separator: "\n")
        let scoped = [
            #"                "iam:GetRole","#,
            #"                "iam:CreateRole","#,
            #"                "iam:AttachRolePolicy""#,
            #"            ],"#,
            #"            "Resource": "*""#,
            #"        },"#,
            #"        {"#,
            #"            "Effect": "Allow","#,
            #"            "Action": "iam:PassRole","#,
            #"            "Resource": "arn:aws:iam::123456789012:role/dms-vpc-role""#,
            #"        }"#,
        ].joined(separator: "\n")
        let dmsText = try XCTUnwrap(fixed[dms])
        XCTAssertEqual(dmsText.components(separatedBy: shared).count, 3, "the full policy and the excerpt")
        fixed[dms] = dmsText.replacingOccurrences(of: shared, with: scoped)
        return (original, fixed)
    }

    func testFixingTheSeedsResolvesExactlyThoseFindingsAndAddsNoPermission() throws {
        let (original, fixed) = try Self.fixedSeeds()
        let diff = PermissionDiff(base: try DiffFixtures.snapshot(files: original), target: try DiffFixtures.snapshot(files: fixed),
                                  baseLabel: "main", targetLabel: "fix-seeds")
        XCTAssertEqual(diff.newFindings, [])
        XCTAssertEqual(diff.resolvedFindings.map { "\($0.id) \($0.location.file) \($0.value)" }, [
            "passrole-any-resource tools/database-migration-service.md iam:PassRole",
            "action-case tools/veeam-restore-to-ec2.md s3:AbortMultiPartUpload",
            "action-case tools/veeam-restore-to-ec2.md s3:ListBucketMultiPartUploads",
            "action-case tools/veeam-restore-to-ec2.md s3:PutLifeCycleConfiguration",
        ])
        for tool in diff.tools {
            XCTAssertEqual(tool.status, .kept, tool.slug)
            XCTAssertEqual(tool.added, [], "no permission added to \(tool.slug)")
            XCTAssertEqual(tool.removed, [], tool.slug)
            XCTAssertEqual(tool.changed, [], tool.slug)
            XCTAssertEqual(tool.principalsAdded + tool.principalsRemoved, [], tool.slug)
        }
        // The one resource change is the fix itself.
        XCTAssertEqual(diff.tools.flatMap(\.resources), [
            ResourceChange(name: "iam:PassRole", direction: .narrowed, before: ["*"], after: ["arn:aws:iam::123456789012:role/dms-vpc-role"]),
        ])
        XCTAssertEqual(DiffWording.summary(diff), "tools: 2 changed; resources: 1 narrowed; findings: 4 (1 security warning, 3 suggestions) resolved")
        XCTAssertEqual(diff.reportedTools.map(\.slug), ["database-migration-service", "veeam-restore-to-ec2"])
    }

    /// The README shows this change's comment: its lines are what `diff` prints.
    func testTheReadmeShowsTheRealComment() throws {
        let (original, fixed) = try Self.fixedSeeds()
        let diff = PermissionDiff(base: try DiffFixtures.snapshot(files: original), target: try DiffFixtures.snapshot(files: fixed),
                                  baseLabel: "origin/main", targetLabel: "working tree")
        let markdown = diff.formatted(as: .markdown) { "https://permissions.example.com/tools/\($0.slug)/\($0.firstPageID).html" }
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        // The heading, the summary, the table's header, rule and two rows.
        let shown = markdown.components(separatedBy: "\n<details>")[0].split(separator: "\n")
        XCTAssertEqual(shown.count, 6, markdown)
        for line in shown {
            XCTAssertTrue(readme.contains("\n> \(line)\n"), "README lacks\n> \(line)")
        }
    }
}
