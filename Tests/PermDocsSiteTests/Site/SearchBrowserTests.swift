import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

/// The site search in headless Chromium, from `file://`: several words,
/// ranked, a word one letter off, and the keyboard. Skips without Chromium.
final class SearchBrowserTests: XCTestCase {
    func testQueriesOfSeveralWordsAreRankedAndTolerateATypo() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let folder = try SiteFolder.build(for: self)
        try driver.open(folder.appendingPathComponent("search.html"))
        func top(_ query: String, _ n: Int = 3) throws -> [String] {
            _ = try driver.execute("window.__top = null; window.permdocsSearchTop(arguments[0], arguments[1], function (r) { window.__top = r; });", [query, n])
            try driver.wait(until: "return window.__top !== null")
            return try XCTUnwrap(driver.execute("return window.__top;") as? [String])
        }
        XCTAssertEqual(try top("ec2:createtags", 1), ["action ec2:CreateTags"], "the whole name first")
        XCTAssertEqual(try top("ec2 createtags", 1), ["action ec2:CreateTags"])
        XCTAssertEqual(try top("create tags", 1), ["action ec2:CreateTags"], "words of a name written together")
        XCTAssertEqual(try top("cretetags", 1), ["action ec2:CreateTags"], "one letter missing")
        XCTAssertEqual(try top("veeam", 1), ["tool Veeam Backup & Replication (restore to Amazon EC2)"])
        // The EC2 actions Veeam needs, and no action only others need.
        let veeamEC2 = try top("veeam ec2", 200)
        XCTAssertTrue(veeamEC2.contains("action ec2:CreateTags"))
        XCTAssertFalse(veeamEC2.contains("action ec2:CancelExportTask"), "VM Import/Export's, not Veeam's")
        XCTAssertTrue(try top("passrole every role", 5).contains("finding passrole-any-resource"), "findings by their message")
        XCTAssertEqual(try top("zzzz-nothing"), [])

        // Typed into the page: ranked results replace the lists; ↓ moves into them.
        try driver.type("create tags", into: driver.element("[data-search-page]"))
        try driver.wait(until: "return !document.querySelector('[data-search-ranked]').hidden && location.search === '?q=create%20tags'")
        let first = try XCTUnwrap(driver.execute("return document.querySelector('[data-search-ranked] a').textContent;") as? String)
        XCTAssertEqual(first, "ec2:CreateTags")
        XCTAssertEqual(try driver.execute("return document.querySelector('[data-search-results]').hidden;") as? Bool, true)
        _ = try driver.execute("document.querySelector('[data-search-page]').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}));")
        XCTAssertEqual(try driver.execute("return document.activeElement.textContent;") as? String, "ec2:CreateTags")
    }
}
