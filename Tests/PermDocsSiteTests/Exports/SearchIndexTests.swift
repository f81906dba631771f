import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsAnalysis

/// `data/search.js` holds every tool, service, action (with its catalog
/// description and the tools that need it) and finding, each with its page;
/// `search.js` ranks them in the browser (`SearchBrowserTests`).
final class SearchIndexTests: XCTestCase {
    typealias S = CrossReferenceSupport

    static func index(_ report: Pipeline.Result) throws -> (tools: [[String]], entries: [[Any]]) {
        let text = try TestSupport.text(report, SearchIndex.path)
        let prefix = "window.permdocsSearch = ", suffix = ";\n"
        XCTAssertTrue(text.hasPrefix(prefix) && text.hasSuffix(suffix))
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.dropFirst(prefix.count).dropLast(suffix.count).utf8)) as? [String: Any])
        // An action's [kind, row #, detail, tools] made whole from data/rows.js, as search.js does.
        let rows = try CrossReferencePagesTests.sharedRows(report)
        let entries = try XCTUnwrap(data["entries"] as? [[Any]]).map { e -> [Any] in
            guard e[0] as? String == "action" else { return e }
            let row = rows[e[1] as! Int]
            return [e[0], row.name, e[2], row.url, e[3]]
        }
        return (try XCTUnwrap(data["tools"] as? [[String]]), entries)
    }

    func testEveryToolServiceActionAndFindingIsAnEntryWithItsPage() throws {
        let content = DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))
        let report = try TestSupport.pipeline(content).render()
        let (tools, entries) = try Self.index(report)
        XCTAssertEqual(tools.map(\.[0]), report.site.tools.map(\.tool.metadata.name))
        func of(_ kind: String) -> [[Any]] { entries.filter { $0[0] as? String == kind } }
        XCTAssertEqual(of("tool").count, report.site.tools.count)
        XCTAssertEqual(of("action").count, report.site.index.rows.count)
        XCTAssertEqual(of("finding").count, report.site.diagnostics.count, "every finding has a page to open")
        let createTags = try XCTUnwrap(of("action").first { $0[1] as? String == "ec2:CreateTags" })
        XCTAssertEqual(createTags[3] as? String, "services/ec2.html#createtags")
        XCTAssertTrue((createTags[2] as? String)?.hasPrefix("Tagging · Grants permission to") ?? false, "\(createTags[2])")
        // VM, SMS, Veeam and CloudBerry need it, by their position among the tools.
        XCTAssertEqual((createTags[4] as? [Int]).map { $0.map { report.site.tools[$0].slug } }, [S.vm, S.sms, S.veeam, S.cloudberry])
        let ec2 = try XCTUnwrap(of("service").first { $0[1] as? String == "ec2" })
        XCTAssertEqual(ec2[3] as? String, "services/ec2.html")
        let passRole = try XCTUnwrap(of("finding").first { $0[1] as? String == "passrole-any-resource" })
        XCTAssertTrue((passRole[3] as? String)?.hasPrefix("tools/database-migration-service/index.html#policy-") ?? false, "\(passRole[3])")
        XCTAssertFalse(report.files.contains { $0.path == "data/search.json" }, "the index is a script, which loads from file:// too")
    }
}
