import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsCore
import PermDocsTestSupport

/// Small things readers notice (issue 10, item 7): counts with their noun in
/// the right number, no empty "Fix:" label, short names in the matrix header.
final class ReadingComfortsTests: XCTestCase {
    /// One page, one statement, and a finding without a fix (`ami` is no service: nothing to suggest).
    private let guide = """
        # A

        ```json
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ami:ListRoles", "Resource": "*"}]}
        ```

        """

    func testCountPhrasesUseTheSingularForOne() {
        XCTAssertEqual(CountPhrase.of(1, "page"), "1 page")
        XCTAssertEqual(CountPhrase.of(0, "page"), "0 pages")
        XCTAssertEqual(CountPhrase.of(2, "policy block"), "2 policy blocks")
        XCTAssertEqual(CountPhrase.of(3, "entry", plural: "entries"), "3 entries")
    }

    func testOneOfEachIsSingularOnTheToolPage() throws {
        let report = try TestSupport.build(["site.yml": "title: x\n", "tools/a.md": guide])
        let page = try TestSupport.text(report, "tools/a/index.html")
        XCTAssertTrue(page.contains("<span>1 page</span> · <span>1 policy block</span> · <span>1 action</span> · <span>1 service</span>"), page)
        XCTAssertTrue(page.contains("<p class=\"policy-meta\">1 statement, "), page)
        XCTAssertFalse(page.contains("1 pages") || page.contains("1 statements") || page.contains("1 actions"))
        let index = try TestSupport.text(report, "index.html")
        XCTAssertTrue(index.contains("<p>1 tool, 1 distinct action, "), index)
    }

    func testAFindingWithoutAFixHasNoFixLabel() throws {
        let report = try TestSupport.build(["site.yml": "title: x\n", "tools/a.md": guide])
        XCTAssertTrue(report.site.diagnostics.contains { $0.id == "unknown-service" && ($0.fix ?? "").isEmpty })
        for path in ["tools/a/index.html", "findings.html"] {
            let page = try TestSupport.text(report, path)
            XCTAssertTrue(page.contains("unknown-service"), path)
            XCTAssertFalse(page.contains("Fix:"), "\(path) shows an empty Fix: label")
        }
    }

    func testMatrixHeaderShowsTheShortNameWithTheFullNameForTooltipAndScreenReaders() throws {
        let report = try TestSupport.build([
            "site.yml": "title: x\ntools:\n  a: {short_name: \"A&B\"}\n",
            "tools/a.md": "---\ntool: Alpha <Backup>\n---\n" + guide,
        ])
        let matrix = try TestSupport.text(report, "matrix.html")
        XCTAssertTrue(matrix.contains("<a href=\"tools/a/index.html\" title=\"Alpha &lt;Backup&gt;\"><span class=\"tool-name\" aria-hidden=\"true\">A&amp;B</span><span class=\"visually-hidden\">Alpha &lt;Backup&gt;</span></a>"), matrix)
    }
}
