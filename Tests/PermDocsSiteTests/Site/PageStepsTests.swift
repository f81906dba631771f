import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// A tool with more pages than `SiteRenderer.fullPageListLimit` links each
/// further page to its neighbours, in page order.
final class PageStepsTests: XCTestCase {
    func testEachPageLinksToThePreviousAndNextPage() throws {
        var files = ["tools/big/index.md": "# Big\n"]
        let count = SiteRenderer.fullPageListLimit + 5
        let ids = (0..<count).map { String(format: "p%03d", $0) }
        for id in ids { files["tools/big/\(id).md"] = "# Page \(id)\n" }
        let result = try TestSupport.build(files)
        let order = ["index"] + ids
        func href(_ from: String, _ to: String) -> String {
            SitePaths.link(from: SitePaths.page(tool: "big", pageID: from), to: SitePaths.page(tool: "big", pageID: to))
        }
        for (k, id) in order.enumerated() where k > 0 {
            let html = try TestSupport.text(result, SitePaths.page(tool: "big", pageID: id))
            XCTAssertTrue(html.contains("<a rel=\"prev\" href=\"\(href(id, order[k - 1]))\">"), "\(id) links back to \(order[k - 1])")
            if k + 1 < order.count {
                XCTAssertTrue(html.contains("<a rel=\"next\" href=\"\(href(id, order[k + 1]))\">"), "\(id) links on to \(order[k + 1])")
            } else {
                XCTAssertFalse(html.contains("rel=\"next\""), "the last page has no next")
            }
        }
    }
}
