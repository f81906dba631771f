import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// Issue 10 in a real headless Chromium: on a wide screen a tool page's
/// sidebar and table of contents stand either side of the guide, on a phone
/// they take no room; a service page's header row stays in view while its
/// rows scroll, on both. Skips with a printed reason without Chromium.
final class ReaderLayoutBrowserTests: XCTestCase {
    func testSidebarAndContentsStandBesideTheGuideOnWideScreensOnly() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let site = try SiteFolder.build(for: self)
        for width in ScreenBrowserTests.widths {
            try driver.setViewport(width: width, height: 900)
            try ScreenBrowserTests.open("tools/vm-import-export/index.html", in: site, with: driver)
            let boxes = try XCTUnwrap(driver.execute("""
                return ['.sidebar', '.doc-main', '.page-contents'].map(function (css) {
                  var r = document.querySelector(css).getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right), Math.round(r.width)];
                });
                """) as? [[Int]])
            let (sidebar, main, contents) = (boxes[0], boxes[1], boxes[2])
            if width >= 1300 {
                XCTAssertGreaterThan(sidebar[2], 0, "\(width) px: no sidebar")
                XCTAssertGreaterThan(contents[2], 0, "\(width) px: no contents")
                XCTAssertLessThanOrEqual(sidebar[1], main[0], "\(width) px: the sidebar overlaps the guide")
                XCTAssertGreaterThanOrEqual(contents[0], main[1], "\(width) px: the contents overlap the guide")
                XCTAssertGreaterThan(main[2], width / 2, "\(width) px: the guide is squeezed to \(main[2]) px")
            } else {
                XCTAssertEqual([sidebar[2], contents[2]], [0, 0], "\(width) px: the sidebar or the contents take room beside a phone's guide")
            }
        }
    }

    func testAServiceTablesHeaderRowStaysInViewAsItsRowsScroll() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let site = try SiteFolder.build(for: self)
        for width in ScreenBrowserTests.widths {
            // Short: the table is taller than its box, which scrolls.
            try driver.setViewport(width: width, height: 400)
            try ScreenBrowserTests.open("services/ec2.html", in: site, with: driver)
            let tops = try XCTUnwrap(driver.execute("""
                var box = document.querySelector('.service-wrap'), th = box.querySelector('thead th');
                box.scrollTop = box.scrollHeight;
                return [box.scrollTop, Math.round(th.getBoundingClientRect().top - box.getBoundingClientRect().top)];
                """) as? [Int])
            XCTAssertGreaterThan(tops[0], 0, "\(width) px: the table does not scroll in its box")
            XCTAssertLessThanOrEqual(abs(tops[1]), 1, "\(width) px: the header row scrolled \(tops[1]) px away from the box's top")
        }
    }
}
