import XCTest
@testable import PermDocsSite
import PermDocsAnalysis
import PermDocsTestSupport

/// `data/blocks.json` on the seed site and on a small site with every kind.
final class BlocksExportTests: XCTestCase {
    typealias S = CrossReferenceSupport

    private func blocks(_ site: AnalyzedSite) throws -> [[String: Any]] {
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SiteExports(site: site).blocksJSON.utf8)) as? [String: Any])
        return try XCTUnwrap(root["blocks"] as? [[String: Any]])
    }

    func testOneRecordPerBlockOfTheSeedSiteInSiteOrder() throws {
        let site = try S.seedSite()
        let records = try blocks(site)
        XCTAssertEqual(records.count, site.tools.flatMap(\.blocks).count)
        XCTAssertEqual(records.map { $0["tool"] as! String }, site.tools.flatMap { t in t.blocks.map { _ in t.slug } })

        let vm = records.filter { $0["tool"] as? String == S.vm }
        XCTAssertEqual(vm.map { $0["kind"] as! String }, ["identity", "trust", "identity", "optional", "optional", "trust"])
        XCTAssertEqual(vm.map { $0["grantee"] as! String }, ["user", "none", "service-role", "service-role", "service-role", "none"])
        let first = vm[0]
        XCTAssertEqual(first["page"] as? String, "vm-import-export.md", "the path under the content folder's tools/")
        XCTAssertEqual(first["url"] as? String, "tools/vm-import-export/index.html#policy-1")
        XCTAssertEqual(first["anchor"] as? String, "policy-1")
        XCTAssertNotNil(first["line"] as? Int)
        XCTAssertNotNil(first["column"] as? Int)
        XCTAssertTrue((first["actions"] as? [String])?.contains("ec2:CreateTags") == true)
        XCTAssertTrue(first["excerpt_of"] is NSNull)
        XCTAssertEqual(vm[3]["optional_actions"] as? [String], vm[3]["actions"] as? [String], "an optional add-on's actions are all optional")

        let dms = records.filter { $0["tool"] as? String == S.dms }
        let excerpt = try XCTUnwrap(dms.first { $0["kind"] as? String == "excerpt" })
        let of = try XCTUnwrap(excerpt["excerpt_of"] as? [String: Any])
        XCTAssertEqual(of["anchor"] as? String, "policy-1")
        XCTAssertEqual(of["url"] as? String, "tools/database-migration-service/index.html#policy-1")

        // Findings: the seed guides carry mis-typed names; every finding of a block is counted once.
        let counted = records.reduce(0) { $0 + ($1["findings"] as! Int) }
        XCTAssertEqual(counted, site.diagnostics.filter { $0.block != nil }.count)
    }

    func testNotAWSAndUnparsedBlocksGrantNoActions() throws {
        let md = try TestSupport.fixture("Classification/not-aws-policy.md")
            + "\n```json\n{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\" \"Resource\": \"*\"}\n```\n"
        let site = Analyzer(catalog: try S.catalog(), checker: try Pipeline.bundledChecker()).analyze(config: SiteConfig(), tools: [
            Tool(slug: "t", metadata: ToolMetadata(name: "t"), pages: [PageSource(path: "tools/t.md", pageID: "index", frontMatter: .empty, body: md)]),
        ])
        let records = try blocks(site)
        XCTAssertEqual(records.map { $0["kind"] as! String }, ["not-aws", "not-aws", "unparsed"])
        XCTAssertEqual(records.map { $0["grantee"] as! String }, ["none", "none", "none"])
        XCTAssertEqual(records.map { ($0["actions"] as! [String]).count }, [0, 0, 0])
        XCTAssertEqual(records.map { $0["findings"] as! Int }, [0, 0, 1], "the syntax error is the unparsed block's finding")
    }
}
