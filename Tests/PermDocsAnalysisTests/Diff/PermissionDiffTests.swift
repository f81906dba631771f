import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsTestSupport

/// What `PermissionDiff` reports for small changes to one guide.
final class PermissionDiffTests: XCTestCase {
    private func tool(_ base: [String: String], _ target: [String: String]) throws -> ToolDiff {
        let diff = try DiffFixtures.diff(base, target)
        XCTAssertEqual(diff.reportedTools.count, 1, "\(diff.reportedTools.map(\.slug))")
        return try XCTUnwrap(diff.reportedTools.first)
    }

    private func aspects(_ change: NeedChange) -> [String] {
        change.aspects.map { "\($0.kind.rawValue): \($0.before) → \($0.after)" }
    }

    func testTheSameGuideTwiceHasNoChanges() throws {
        let guide = ["t.md": DiffFixtures.guide("T", [DiffFixtures.allow(["s3:GetObject"], "arn:aws:s3:::b/*")])]
        let diff = try DiffFixtures.diff(guide, guide)
        XCTAssertTrue(diff.isEmpty)
        XCTAssertEqual(diff.formatted(as: .text), "permdocs diff base → target\n\nno permission or finding changed\n")
    }

    func testAWildcardReplacedByTheActionsItCoveredIsOneRemovalAndCoverageChanges() throws {
        let base = ["t.md": DiffFixtures.guide("T", [DiffFixtures.allow(["ec2:Describe*"])])]
        let target = ["t.md": DiffFixtures.guide("T", [DiffFixtures.allow(["ec2:DescribeInstances", "ec2:DescribeImages"])])]
        let tool = try tool(base, target)
        XCTAssertEqual(tool.removed.map(\.name), ["ec2:Describe*"])
        // The base had no row for them (no guide named them): its state comes from its wildcard.
        XCTAssertEqual(tool.changed.map(\.name), ["ec2:DescribeImages", "ec2:DescribeInstances"])
        XCTAssertEqual(tool.changed.map(aspects), [["coverage: wildcard ec2:Describe* → explicit"], ["coverage: wildcard ec2:Describe* → explicit"]])
        XCTAssertEqual(tool.added, [])
    }

    func testAnActionAddedOutsideAnyWildcardIsAnAddition() throws {
        let base = ["t.md": DiffFixtures.guide("T", [DiffFixtures.allow(["ec2:Describe*"])])]
        let target = ["t.md": DiffFixtures.guide("T", [DiffFixtures.allow(["ec2:Describe*", "ec2:RunInstances"])])]
        let tool = try tool(base, target)
        XCTAssertEqual(tool.added.map(\.name), ["ec2:RunInstances"])
        XCTAssertEqual(tool.added.map(\.how), [.explicit])
        XCTAssertEqual(tool.changed, [])
    }

    func testAPolicyMovedToTheServiceRoleChangesTheGrantee() throws {
        let statement = DiffFixtures.allow(["s3:ListBucket"], "arn:aws:s3:::backups")
        let base = ["t.md": DiffFixtures.guide("T", [statement])]
        let target = ["t.md": DiffFixtures.guide("T", leadIn: "Attach this policy to the service role that the tool's EC2 instances use (its instance profile).", [statement])]
        let tool = try tool(base, target)
        XCTAssertEqual(tool.changed.map(aspects), [["grantee: user → service-role"]])
    }

    func testADenyOfAnAllowedActionChangesItsEffect() throws {
        let allow = DiffFixtures.allow(["s3:DeleteObject"], "arn:aws:s3:::b/*")
        let deny = #"{"Effect": "Deny", "Action": ["s3:DeleteObject"], "Resource": "arn:aws:s3:::b/*"}"#
        let base = ["t.md": DiffFixtures.guide("T", [allow])]
        let tool = try tool(base, ["t.md": DiffFixtures.guide("T", [allow, deny])])
        XCTAssertEqual(tool.changed.map(aspects), [["effect: allowed → allowed and denied"]])
        let onlyDenied = try self.tool(base, ["t.md": DiffFixtures.guide("T", [deny])])
        XCTAssertEqual(onlyDenied.changed.map(aspects), [["effect: allowed → denied"]])
    }

    func testTrustPolicyPrincipalsAddedAndRemoved() throws {
        func trust(_ services: [String]) -> String {
            let principal = services.map { "\"\($0)\"" }.joined(separator: ", ")
            return DiffFixtures.guide("T", [DiffFixtures.allow(["s3:GetObject"], "arn:aws:s3:::b/*")], more: """

                Create the role with this trust policy:

                ```json
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": [\(principal)]}, "Action": "sts:AssumeRole"}]}
                ```
                """)
        }
        let tool = try tool(["t.md": trust(["ec2.amazonaws.com"])], ["t.md": trust(["lambda.amazonaws.com", "vmie.amazonaws.com"])])
        XCTAssertEqual(tool.principalsAdded, ["Service: lambda.amazonaws.com", "Service: vmie.amazonaws.com"])
        XCTAssertEqual(tool.principalsRemoved, ["Service: ec2.amazonaws.com"])
        XCTAssertEqual(tool.added, [], "a trust policy's sts:AssumeRole is not a permission")
    }

    func testResourcesBroadenedNarrowedOrChanged() {
        XCTAssertEqual(ResourceChange.between(["arn:aws:iam::123456789012:role/a"], ["*"], name: "x")?.direction, .broadened)
        XCTAssertEqual(ResourceChange.between(["*"], ["arn:aws:iam::123456789012:role/a"], name: "x")?.direction, .narrowed)
        XCTAssertEqual(ResourceChange.between(["arn:aws:s3:::b/*"], ["arn:aws:s3:::b/logs/*"], name: "x")?.direction, .narrowed)
        XCTAssertEqual(ResourceChange.between(["arn:aws:s3:::a"], ["arn:aws:s3:::b"], name: "x")?.direction, .changed)
        XCTAssertEqual(ResourceChange.between(["arn:aws:s3:::a"], ["arn:aws:s3:::a", "arn:aws:s3:::b"], name: "x")?.direction, .broadened)
        XCTAssertNil(ResourceChange.between(["*"], ["*"], name: "x"))
    }

    func testARenamedFileWithAnotherNameIsFoundByItsActions() throws {
        let statement = DiffFixtures.allow(["s3:GetObject", "s3:PutObject", "s3:ListBucket"], "arn:aws:s3:::b")
        let diff = try DiffFixtures.diff(["old.md": DiffFixtures.guide("Old name", [statement])],
                                         ["new.md": DiffFixtures.guide("New name", [statement])])
        XCTAssertEqual(diff.reportedTools.map(\.status), [.renamed])
        XCTAssertEqual(diff.reportedTools.first?.previousSlug, "old")
        XCTAssertTrue(diff.reportedTools.first?.hasNoChanges ?? false)
    }

    func testUnrelatedToolsAddedAndRemovedAreNotPaired() throws {
        let diff = try DiffFixtures.diff(["a.md": DiffFixtures.guide("A", [DiffFixtures.allow(["s3:GetObject"], "arn:aws:s3:::b/*")])],
                                         ["b.md": DiffFixtures.guide("B", [DiffFixtures.allow(["ec2:RunInstances"])])])
        XCTAssertEqual(diff.reportedTools.map { "\($0.slug) \($0.status)" }, ["a removed", "b added"])
        XCTAssertEqual(diff.reportedTools.map { $0.added.map(\.name) + $0.removed.map(\.name) }, [["s3:GetObject"], ["ec2:RunInstances"]])
        XCTAssertEqual(diff.summary.toolsAdded, 1)
        XCTAssertEqual(diff.summary.toolsRemoved, 1)
    }

    func testRepeatedFindingsAreMatchedByCountNotByLine() throws {
        // Two empty Conditions on one page: the same key twice. Removing one resolves one.
        let empty = #"{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b/*", "Condition": {}}"#
        let two = ["t.md": DiffFixtures.guide("T", [empty, empty.replacingOccurrences(of: "s3:GetObject", with: "s3:PutObject")])]
        let one = ["t.md": "\n\nMoved down.\n\n" + DiffFixtures.guide("T", [empty])]
        let tool = try tool(two, one)
        XCTAssertEqual(tool.resolvedFindings.map(\.id), ["empty-condition"])
        XCTAssertEqual(tool.newFindings, [])
    }

    func testFailOnNewLooksOnlyAtNewFindings() throws {
        let scoped = ["t.md": DiffFixtures.guide("T", [DiffFixtures.allow(["iam:PassRole"], "arn:aws:iam::123456789012:role/r")])]
        let any = ["t.md": DiffFixtures.guide("T", [DiffFixtures.allow(["iam:PassRole"])])]
        let widened = try DiffFixtures.diff(scoped, any)
        XCTAssertEqual(widened.newFindings.map(\.id), ["passrole-any-resource"])
        XCTAssertTrue(widened.addsFindings(atOrAbove: .securityWarning))
        XCTAssertFalse(widened.addsFindings(atOrAbove: .error))
        let unchanged = try DiffFixtures.diff(any, any)
        XCTAssertFalse(unchanged.addsFindings(atOrAbove: .suggestion), "old debt does not fail")
        let fixed = try DiffFixtures.diff(any, scoped)
        XCTAssertFalse(fixed.addsFindings(atOrAbove: .suggestion))
        XCTAssertEqual(fixed.resolvedFindings.map(\.id), ["passrole-any-resource"])
    }

    func testFindingValuesWithoutSubjectLoseTheirLineNumbers() {
        XCTAssertEqual(FindingRecord.valueWithoutLines("\"s3:GetObject\" is already listed at line 12"), "\"s3:GetObject\" is already listed at line #")
        XCTAssertEqual(FindingRecord.valueWithoutLines("line 3 and line 40, the line"), "line # and line #, the line")
    }
}
