import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport

/// Overlap numbers computed by hand on a two-tool fixture.
final class ToolOverlapTests: XCTestCase {
    typealias S = CrossReferenceSupport

    private func fixture() throws -> AnalyzedSite {
        let b = S.guide(S.allow("s3:GetObject", "ec2:DescribeInstances", "ec2:DescribeImages", "iam:PassRole"))
            + "\n(Optional) To use your own KMS key, add the following permissions to the policy:\n\n```json\n"
            + S.allow("kms:Decrypt", "s3:PutObject") + "\n```\n"
        return try S.site([
            "a": S.guide(S.allow("s3:GetObject", "s3:PutObject", "ec2:RunInstances", "ec2:Describe*")),
            "b": b,
        ])
    }

    func testPairComputedByHand() throws {
        let site = try fixture()
        XCTAssertEqual(site.tools[1].blocks.map(\.kind), [.identity, .optionalAddOn])
        let overlap = ToolOverlap(index: ActionIndex(tools: site.tools, catalog: try S.catalog()))
        // A needs: ec2:Describe*, ec2:DescribeImages (wildcard), ec2:DescribeInstances (wildcard),
        //          ec2:RunInstances, s3:GetObject, s3:PutObject                        → 6
        // B needs: ec2:DescribeImages, ec2:DescribeInstances, iam:PassRole, s3:GetObject → 4
        //          (kms:Decrypt and s3:PutObject are only in its optional add-on)
        // A ∩ B = {DescribeImages, DescribeInstances, GetObject} → 3; |A ∪ B| = 6 + 4 − 3 = 7.
        XCTAssertEqual(overlap.needSet(of: "a").count, 6)
        XCTAssertEqual(overlap.needSet(of: "b").count, 4)
        XCTAssertEqual(overlap.sharedCount("a", "b"), 3)
        XCTAssertEqual(overlap.jaccard("a", "b"), 3.0 / 7.0, accuracy: 1e-12)
        XCTAssertEqual(overlap.jaccard("b", "a"), 3.0 / 7.0, accuracy: 1e-12)
        XCTAssertEqual(overlap.jaccard("a", "a"), 1)
        let pair = overlap.pair("a", "b")
        XCTAssertEqual(pair.both, ["ec2:DescribeImages", "ec2:DescribeInstances", "s3:GetObject"])
        XCTAssertEqual(pair.onlyA, ["ec2:Describe*", "ec2:RunInstances", "s3:PutObject"])
        XCTAssertEqual(pair.onlyB, ["iam:PassRole"])
        XCTAssertEqual(pair.sharedCount, 3)
        XCTAssertEqual(pair.unionCount, 7)
        XCTAssertEqual(pair.aCoversForB, [ToolOverlap.Coverage(pattern: "ec2:Describe*", actions: ["ec2:DescribeImages", "ec2:DescribeInstances"])])
        XCTAssertEqual(pair.bCoversForA, [])
        XCTAssertEqual(overlap.jaccardMatrix.count, 2)
    }

    func testSeedSMSWildcardCoversVMImportExportDescribes() throws {
        let overlap = ToolOverlap(index: try S.seedSite().index)
        let pair = overlap.pair(S.sms, S.vm)
        let covered = try XCTUnwrap(pair.aCoversForB.first { $0.pattern == "ec2:Describe*" })
        XCTAssertTrue(covered.actions.contains("ec2:DescribeInstances"))
        XCTAssertTrue(pair.both.contains("ec2:CreateTags"))
        XCTAssertTrue(pair.both.contains("ec2:Describe*"), "both name the pattern")
        XCTAssertGreaterThan(overlap.jaccard(S.sms, S.vm), 0)
        XCTAssertEqual(overlap.sharedCount(S.dms, S.sms), overlap.pair(S.dms, S.sms).both.count)
    }

    /// The counts come from bits per row; they must equal the set operations they replace, for every pair.
    func testCountsEqualSetOperationsForEveryPair() throws {
        let overlap = ToolOverlap(index: try S.seedSite().index)
        for a in overlap.tools {
            for b in overlap.tools {
                let sa = overlap.needSet(of: a), sb = overlap.needSet(of: b)
                XCTAssertEqual(overlap.sharedCount(a, b), sa.intersection(sb).count, "\(a) \(b)")
                XCTAssertEqual(overlap.unionCount(a, b), sa.union(sb).count, "\(a) \(b)")
                XCTAssertEqual(overlap.pair(a, b).unionCount, overlap.unionCount(a, b))
            }
        }
        XCTAssertEqual(overlap.sharedCount("no-such-tool", S.vm), 0)
    }
}
