import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

/// The findings page in headless Chromium: grouped by tool, a long table
/// opens folded to its tools and counts, a group unfolds with its button,
/// and a filter shows only the groups it leaves rows in, unfolded.
final class FindingsBrowserTests: XCTestCase {
    /// Two tools; "many" names 120 actions of no service, one error each.
    private func build() throws -> (URL, Pipeline.Result) {
        let unknown = (0..<120).map { "\"nosuchservice\($0):Read\"" }.joined(separator: ", ")
        let files = [
            "site.yml": "title: Findings\n",
            "tools/many.md": "# Many\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(unknown)], \"Resource\": \"*\"}]}\n```\n",
            "tools/few.md": "# Few\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"iam:PassRole\"], \"Resource\": \"*\"}]}\n```\n",
        ]
        let report = try TestSupport.build(files)
        return (try SiteFolder.write(report, for: self), report)
    }

    func testALongTableOpensFoldedByToolAndAFilterUnfoldsWhatItShows() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let (folder, report) = try build()
        let total = report.site.diagnostics.count
        XCTAssertGreaterThan(total, 100)
        try driver.open(folder.appendingPathComponent("findings.html"))
        // Rows drawn on screen, per group, in page order.
        let visible = "return Array.prototype.map.call(document.querySelectorAll('tbody.finding-group'), function (g) { return g.hidden ? -1 : Array.prototype.filter.call(g.querySelectorAll('tr[data-severity]'), function (r) { return r.offsetParent !== null; }).length; });"
        XCTAssertEqual(try driver.execute(visible) as? [Int], [0, 0], "folded: the tools and their counts only")
        let groups = try XCTUnwrap(driver.execute("return Array.prototype.map.call(document.querySelectorAll('tbody.finding-group'), function (g) { return g.id + ': ' + g.querySelector('.group-row').textContent.trim(); });") as? [String])
        // In site order (by name): few, then many.
        XCTAssertEqual(groups.count, 2)
        XCTAssertTrue(groups[0].hasPrefix("findings-few: ▸ Few 1 security warning"), groups[0])
        XCTAssertTrue(groups[1].hasPrefix("findings-many: ▸ Many 120 errors") && groups[1].contains("errors"), groups[1])

        try driver.click(driver.element("#findings-few .group-toggle"))
        let few = try XCTUnwrap(driver.execute(visible) as? [Int])
        XCTAssertGreaterThan(few[0], 0, "unfolded by its button")
        XCTAssertEqual(few[1], 0, "the other stays folded")

        try driver.type("nosuchservice7", into: driver.element("[data-filter-text]"))
        try driver.wait(until: "return location.search.indexOf('q=nosuchservice7') !== -1")
        let filtered = try XCTUnwrap(driver.execute(visible) as? [Int])
        // nosuchservice7, 70…79: eleven rows of "many", none of "few".
        XCTAssertEqual(filtered, [-1, 11])
    }
}
