import XCTest
@testable import PermDocsSite

/// A page's links lead back to the site root with one `../` per folder the
/// page is in; empty folder names (a doubled or trailing `/`) are no level.
final class SitePathsTests: XCTestCase {
    func testTheRootIsOneLevelUpPerFolder() {
        XCTAssertEqual(SitePaths.root(from: "index.html"), "")
        XCTAssertEqual(SitePaths.root(from: "matrix.html"), "")
        XCTAssertEqual(SitePaths.root(from: "services/ec2.html"), "../")
        XCTAssertEqual(SitePaths.root(from: SitePaths.page(tool: "t", pageID: "docs/guide/setup")), "../../../../")
        XCTAssertEqual(SitePaths.root(from: "tools//t/page.html"), "../../", "an empty folder name is no level")
        XCTAssertEqual(SitePaths.root(from: "/tools/t/page.html/"), "../../")
        XCTAssertEqual(SitePaths.root(from: ""), "", "no path, no level (not a crash)")
        XCTAssertEqual(SitePaths.root(from: "tools/é/ü.html"), "../../", "folder names beyond ASCII")
        XCTAssertEqual(SitePaths.link(from: "tools/t/a/b.html", to: SitePaths.matrix), "../../../" + SitePaths.matrix)
    }
}
