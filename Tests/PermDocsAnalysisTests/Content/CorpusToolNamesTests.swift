import Foundation
import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// The 18-tool corpus as a team would import it: each repository folder a
/// tool under tools/, none with an index.md.
final class CorpusToolNamesTests: XCTestCase {
    func testCorpusToolsGetReadableNamesAndLandingPages() throws {
        let guides = try TestSupport.sharedFolder("corpus").appendingPathComponent("guides")
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: content) }
        try "title: Corpus\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("tools"), withDestinationURL: guides)

        let (_, tools) = try ContentLoader(reader: DiskContentReader(root: content)).load()
        XCTAssertEqual(tools.count, 18)
        let names = Dictionary(uniqueKeysWithValues: tools.map { ($0.slug, $0.metadata.name) })
        XCTAssertEqual(names, [
            "aws__karpenter-provider-aws": "Karpenter Provider AWS",
            "awsdocs__amazon-ec2-user-guide": "Amazon EC2 User Guide",
            "awsdocs__amazon-s3-developer-guide": "Amazon S3 Developer Guide",
            "awsdocs__amazon-s3-userguide": "Amazon S3 User Guide",
            "awsdocs__aws-cloudformation-user-guide": "AWS CloudFormation User Guide",
            "awsdocs__aws-datasync-user-guide": "AWS DataSync User Guide",
            "awsdocs__aws-dms-user-guide": "AWS DMS User Guide",
            "awsdocs__aws-kms-developer-guide": "AWS KMS Developer Guide",
            "awsdocs__aws-lambda-developer-guide": "AWS Lambda Developer Guide",
            "awsdocs__aws-organizations-docs": "AWS Organizations Docs",
            "awsdocs__aws-server-migration-service-user-guide": "AWS Server Migration Service User Guide",
            "awsdocs__aws-transfer-user-guide": "AWS Transfer User Guide",
            "awsdocs__iam-user-guide": "IAM User Guide",
            "awsdocs__vm-import-export-user-guide": "VM Import Export User Guide",
            "cert-manager__website": "Cert Manager",
            "rclone__rclone": "Rclone",
            "serverless__serverless": "Serverless",
            "spinnaker__spinnaker.github.io": "Spinnaker",
        ])
        for tool in tools {
            let pages = tool.pages.dropFirst()
            let pageNames = Set(pages.flatMap { [$0.firstH1, $0.frontMatter["title"], $0.frontMatter["tool", "name", "product"]].compactMap { $0 } })
            XCTAssertFalse(pageNames.contains(tool.metadata.name), "\(tool.slug) is named after one of its pages: \(tool.metadata.name)")
            let landing = tool.pages[0]
            XCTAssertTrue(landing.isGenerated, tool.slug)
            XCTAssertEqual(landing.firstH1, tool.metadata.name)
            for page in pages {
                XCTAssertTrue(landing.body.contains("(<\(page.pageID).md>)"), "\(tool.slug)'s landing page links \(page.pageID)")
            }
        }
    }
}
