import XCTest
@testable import PermDocsAnalysis
import PermDocsCore

/// `history:` in `site.yml`: the forms it takes, and errors at the value.
final class HistoryWindowTests: XCTestCase {
    func testACommitCountADateOrBoth() throws {
        XCTAssertNil(try SiteConfig.parse("title: T\n", file: "site.yml").history)
        XCTAssertEqual(try SiteConfig.parse("history: 20\n", file: "site.yml").history, HistoryWindow(commits: 20))
        XCTAssertEqual(try SiteConfig.parse("history: {since: 2026-01-01}\n", file: "site.yml").history, HistoryWindow(since: "2026-01-01"))
        XCTAssertEqual(try SiteConfig.parse("history:\n  commits: 5\n  since: 2024-02-29\n", file: "site.yml").history,
                       HistoryWindow(commits: 5, since: "2024-02-29"))
    }

    func testBadValuesAreErrorsAtTheirLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("title: T\nhistory: 0\n", 2, 10, "whole number from 1"),
            ("history: lots\n", 1, 10, "whole number from 1"),
            ("history: [1, 2]\n", 1, 10, "must be a number of commits"),
            ("history: {since: 2026-13-01}\n", 1, 18, "YYYY-MM-DD"),
            ("history: {since: 2025-02-29}\n", 1, 18, "YYYY-MM-DD"),
            ("history: {since: yesterday}\n", 1, 18, "YYYY-MM-DD"),
            ("history:\n  until: 2026-01-01\n", 2, 3, "unknown key 'until' in 'history'"),
            ("history: {}\n", 1, 10, "must be a number of commits"),
        ]
        for (text, line, column, message) in cases {
            XCTAssertThrowsError(try SiteConfig.parse(text, file: "site.yml"), text) { error in
                let e = error as? PermDocsError
                XCTAssertEqual(e?.location?.line, line, text)
                XCTAssertEqual(e?.location?.column, column, text)
                XCTAssertTrue(e?.description.contains(message) ?? false, "\(text): \(e?.description ?? "")")
            }
        }
    }

    func testDaysAndTimestampsAreUTC() {
        XCTAssertEqual(CommitDate.day(0), "1970-01-01")
        XCTAssertEqual(CommitDate.timestamp(1_767_225_600 + 3_723), "2026-01-01T01:02:03Z")
        XCTAssertEqual(CommitDate.day(951_782_400), "2000-02-29")
        XCTAssertEqual(HistoryWindow(since: "2026-01-01").sinceTime, 1_767_225_600)
        XCTAssertEqual(HistoryWindow.dayStart("2000-02-29"), 951_782_400)
        XCTAssertNil(HistoryWindow.dayStart("1900-02-29"))
    }
}
