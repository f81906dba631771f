import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

/// The tools selected on the matrix and the comparison travel in the query
/// string as `tools=a,b`. A slug is a file name and may hold a comma: it must
/// stay one slug through the URL, read and written, in a real Chromium.
final class ToolSelectionQueryBrowserTests: XCTestCase {
    private func site() throws -> URL {
        func guide(_ name: String, _ actions: [String]) -> String {
            let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
            return "# \(name)\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(list)], \"Resource\": \"*\"}]}\n```\n"
        }
        let report = try TestSupport.pipeline(InMemoryContentReader([
            "site.yml": "title: Commas\n",
            "tools/a,b.md": guide("Alpha and Beta", ["s3:GetObject", "s3:PutObject"]),
            "tools/a.md": guide("Alpha", ["s3:GetObject", "s3:ListBucket"]),
            "tools/b.md": guide("Beta", ["s3:GetObject", "ec2:DescribeInstances"]),
        ])).render()
        XCTAssertEqual(Set(report.site.tools.map(\.slug)), ["a,b", "a", "b"])
        return try SiteFolder.write(report, for: self)
    }

    private static let checkedBoxes = "return Array.prototype.filter.call(document.querySelectorAll(arguments[0]), function (b) { return b.checked; }).map(function (b) { return b.value; });"

    func testASlugWithACommaStaysOneToolInTheComparisonAndTheMatrix() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let folder = try site()

        // The comparison: `a%2Cb` is the tool "a,b", not the tools "a" and "b".
        try driver.open(URL(string: folder.appendingPathComponent("overlap.html").absoluteString + "?tools=a%2Cb,b#compare")!)
        XCTAssertEqual(try driver.execute(Self.checkedBoxes, ["[data-compare-form] input"]) as? [String], ["a,b", "b"])
        // Written back the same way when the selection changes.
        try driver.click(driver.element("[data-compare-form] input[value='b']"))
        try driver.click(driver.element("[data-compare-form] input[value='a']"))
        try driver.wait(until: "return location.search.indexOf('tools=a') !== -1 && location.search.indexOf(',b') === -1")
        let search = try XCTUnwrap(driver.execute("return location.search;") as? String)
        XCTAssertEqual(Set(search.dropFirst("?tools=".count).split(separator: ",")), ["a%2Cb", "a"], search)

        // The matrix: the same reading, and its own query keeps the slug whole.
        try driver.open(URL(string: folder.appendingPathComponent("matrix.html").absoluteString + "?tools=a%2Cb")!)
        try driver.wait(until: "return !document.getElementById('matrix-filters').hidden")
        XCTAssertEqual(try driver.execute(Self.checkedBoxes, ["#matrix-filters input[type=checkbox]"]) as? [String], ["a,b"])
        let rows = try XCTUnwrap(driver.execute(MatrixBrowserTests.visibleRows) as? [String])
        XCTAssertEqual(Set(rows), ["action-s3:getobject", "action-s3:putobject"], "the rows \"a,b\" needs, not those of a or b")
        try driver.execute("var q = document.querySelector('#matrix-filters [name=q]'); q.value = 's3'; q.dispatchEvent(new Event('input', {bubbles: true}));")
        try driver.wait(until: "return location.search.indexOf('q=s3') !== -1")
        let matrixSearch = try XCTUnwrap(driver.execute("return location.search;") as? String)
        XCTAssertTrue(matrixSearch.contains("tools=a%2Cb"), matrixSearch)
    }
}
