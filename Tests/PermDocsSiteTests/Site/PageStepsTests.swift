import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// Every page of a tool of several pages links to the previous and next page,
/// in page order, whether or not the tool has more pages than
/// `SiteRenderer.fullPageListLimit`; only the first page lists them all.
final class PageStepsTests: XCTestCase {
    func testEachPageLinksToThePreviousAndNextPage() throws {
        for count in [2, SiteRenderer.fullPageListLimit + 5] {
            var files = ["tools/t/index.md": "# T\n"]
            let ids = (1..<count).map { String(format: "p%03d", $0) }
            for id in ids { files["tools/t/\(id).md"] = "# Page \(id)\n" }
            let result = try TestSupport.build(files)
            let order = ["index"] + ids
            func href(_ from: String, _ to: String) -> String {
                SitePaths.link(from: SitePaths.page(tool: "t", pageID: from), to: SitePaths.page(tool: "t", pageID: to))
            }
            for (k, id) in order.enumerated() {
                let html = try TestSupport.text(result, SitePaths.page(tool: "t", pageID: id))
                let what = "\(id) of \(count) pages"
                if k > 0 {
                    XCTAssertTrue(html.contains("<a rel=\"prev\" href=\"\(href(id, order[k - 1]))\">"), "\(what) links back to \(order[k - 1])")
                    XCTAssertFalse(html.contains("class=\"tool-pages\""), "\(what) repeats the list of pages")
                } else {
                    XCTAssertFalse(html.contains("rel=\"prev\""), "the first page has no previous")
                    XCTAssertTrue(html.contains("<nav class=\"tool-pages\""), "the first page lists the pages")
                }
                if k + 1 < order.count {
                    XCTAssertTrue(html.contains("<a rel=\"next\" href=\"\(href(id, order[k + 1]))\">"), "\(what) links on to \(order[k + 1])")
                } else {
                    XCTAssertFalse(html.contains("rel=\"next\""), "the last page has no next")
                }
            }
        }
    }

    func testAToolOfOnePageHasNoSteps() throws {
        let result = try TestSupport.build(["tools/one.md": "# One\n\nText.\n"])
        let tool = try XCTUnwrap(result.site.tools.first)
        let html = try TestSupport.text(result, SitePaths.firstPage(of: tool))
        XCTAssertFalse(html.contains("class=\"page-steps"), "a tool of one page links to no neighbour")
        XCTAssertFalse(html.contains("rel=\"next\""))
    }
}
