import XCTest
import PermDocsAnalysis
import PermDocsTestSupport

/// The overlap map's order puts similar tools side by side.
final class ToolClusteringTests: XCTestCase {
    func testSimilarToolsEndUpNextToEachOther() throws {
        // Two families (s3 tools, ec2 tools) interleaved in site order.
        typealias S = CrossReferenceSupport
        func guide(_ actions: [String]) -> String {
            S.guide("{\"Effect\": \"Allow\", \"Action\": [\(actions.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": \"*\"}")
        }
        let s3 = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject"]
        let ec2 = ["ec2:RunInstances", "ec2:DescribeInstances", "ec2:CreateTags", "ec2:StopInstances"]
        let site = try CrossReferenceSupport.site([
            "a": guide(s3), "b": guide(ec2), "c": guide(s3.dropLast() + ["s3:GetBucketLocation"]),
            "d": guide(ec2.dropLast() + ["ec2:StartInstances"]), "e": guide(s3 + ["ec2:DescribeInstances"]),
        ])
        let order = ToolClustering.order(site.tools.map(\.slug), overlap: ToolOverlap(index: site.index))
        XCTAssertEqual(Set(order), ["a", "b", "c", "d", "e"])
        let families = order.map { ["a", "c", "e"].contains($0) ? "s3" : "ec2" }
        XCTAssertEqual(families, families.sorted { $0 == families[0] && $1 != families[0] }, "each family together: \(order)")
        XCTAssertEqual(order, ToolClustering.order(site.tools.map(\.slug), overlap: ToolOverlap(index: site.index)), "deterministic")
    }
}
