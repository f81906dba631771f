import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsSite
import PermDocsTestSupport

/// A published site's `data/tools.json` and `data/actions.json` read back:
/// the same actions as the analyzed site, and nothing else to compare.
final class ExportsSnapshotTests: XCTestCase {
    private func exported(_ files: [String: String]) throws -> (site: PermissionSnapshot, exports: PermissionSnapshot) {
        let site = try TestSupport.pipeline(InMemoryContentReader(files), theme: nil).analyze()
        let exports = SiteExports(site: site)
        return (PermissionSnapshot(site: site),
                try PermissionSnapshot(toolsJSON: Data(exports.toolsJSON.utf8), actionsJSON: Data(exports.actionsJSON.utf8)))
    }

    func testTheExportsOfTheDefaultSiteGiveItsActions() throws {
        let (site, exports) = try exported(try TestSupport.seedContentFiles())
        XCTAssertEqual(exports.tools.map(\.slug), site.tools.map(\.slug))
        XCTAssertEqual(exports.tools.map(\.name), site.tools.map(\.name))
        XCTAssertEqual(exports.tools.map(\.firstPageID), site.tools.map(\.firstPageID))
        for (e, s) in zip(exports.tools, site.tools) {
            XCTAssertFalse(s.actions.isEmpty, s.slug)
            XCTAssertEqual(e.actions, s.actions, s.slug)
        }
        XCTAssertEqual(exports.holds, [])
    }

    func testDiffingPublishedSitesComparesActionsAndSaysWhatItCannot() throws {
        let (original, fixed) = try SeedSiteDiffTests.fixedSeeds()
        var widened = fixed
        widened["tools/vm-import-export.md"]! += "\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}]}\n```\n"
        let base = try exported(original).exports, target = try exported(widened).exports
        let diff = PermissionDiff(base: base, target: target, baseLabel: "old/data", targetLabel: "new/data")
        XCTAssertEqual(diff.reportedTools.map(\.slug), ["vm-import-export"])
        XCTAssertEqual(diff.reportedTools.first?.added.map(\.name), ["ec2:*"])
        XCTAssertEqual(diff.reportedTools.first?.changed.map(\.name).isEmpty, false, "the named ec2 actions are now also under ec2:*")
        XCTAssertEqual(diff.notCompared, ["resources, trust-policy principals and findings not compared: a site's data/ exports do not hold them"])
        XCTAssertEqual(diff.newFindings, [])
    }

    func testSomethingElseIsNotReadAsExports() {
        XCTAssertThrowsError(try PermissionSnapshot(toolsJSON: Data("[]".utf8), actionsJSON: Data("{}".utf8))) { error in
            XCTAssertEqual((error as? PermDocsError)?.description, "data/tools.json: error: not a permdocs export: not a JSON object")
        }
        XCTAssertThrowsError(try PermissionSnapshot(toolsJSON: Data(#"{"tools": []}"#.utf8), actionsJSON: Data(#"{"rows": []}"#.utf8))) { error in
            XCTAssertEqual((error as? PermDocsError)?.description, "data/actions.json: error: not a permdocs export: no \"actions\" list")
        }
    }
}
