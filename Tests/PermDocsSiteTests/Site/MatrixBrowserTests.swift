import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsAnalysis

/// The matrix page's script in a real headless Chromium (Debian's
/// `chromium` + `chromium-driver`, driven over WebDriver). Skips with a
/// printed reason when they are not installed.
///
/// `PERMDOCS_MATRIX_SITE=<built site folder>` also times loading and
/// filtering that site's matrix (`testTimingOfABuiltSite`), for large corpora.
final class MatrixBrowserTests: XCTestCase {
    typealias S = CrossReferenceSupport

    /// Builds the seed site into a temporary folder.
    private func buildSeed() throws -> (URL, Pipeline.Result) {
        let report = try SiteFolder.defaultSite()
        return (try SiteFolder.write(report, for: self), report)
    }

    /// The rows the filters show, in order (drawn or not: only those in view are in the DOM).
    static let visibleRows = "return window.permdocsMatrixView.shownRows();"

    func testTextAndPairFiltersInChromium() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let (folder, report) = try buildSeed()
        try driver.open(folder.appendingPathComponent("matrix.html"))
        let all = try XCTUnwrap(driver.execute(Self.visibleRows) as? [String])
        XCTAssertEqual(all.count, report.site.index.rows.count, "every row shown on load")
        XCTAssertEqual(all, report.site.index.rows.map { SiteExports.fragment(for: $0) }, "in the index's order")
        // Only the rows in view of the scroll box are drawn; scrolling to the end draws the last one.
        let drawn = try XCTUnwrap(driver.execute("return window.permdocsMatrixView.drawnRows();") as? Int)
        XCTAssertGreaterThan(drawn, 5)
        XCTAssertLessThan(drawn, all.count)
        _ = try driver.execute("var w = document.querySelector('.matrix-wrap'); w.scrollTop = w.scrollHeight; w.dispatchEvent(new Event('scroll'));")
        try driver.wait(until: "return document.getElementById('\(all.last!)') !== null")
        let lastRow = try XCTUnwrap(driver.execute("return document.getElementById('\(all.last!)').cells.length;") as? Int)
        XCTAssertEqual(lastRow, report.site.tools.count + 2, "name, a cell per tool, total")
        // A cell is drawn as the data says: CreateTags for SMS's service role, linking to the granting block.
        try driver.open(URL(string: folder.appendingPathComponent("matrix.html").absoluteString + "#action-ec2:createtags")!)
        try driver.wait(until: "return document.getElementById('action-ec2:createtags') !== null")
        let cell = try XCTUnwrap(driver.execute("""
            var c = document.getElementById('action-ec2:createtags').cells[2];
            return [c.className, c.querySelector('a').getAttribute('href'), c.querySelector('.visually-hidden').textContent];
            """) as? [String])
        XCTAssertEqual(cell[0], "c-r")
        XCTAssertTrue(cell[1].hasPrefix("tools/server-migration-service/index.html#policy-"), cell[1])
        XCTAssertEqual(cell[2], "named, for its service role")
        try driver.open(folder.appendingPathComponent("matrix.html"))

        // Type into the text filter (debounced), then compare two tools.
        try driver.type("ec2:describe", into: driver.element("#matrix-filters input[name=q]"))
        try driver.wait(until: "return location.search.indexOf('q=ec2%3Adescribe') !== -1")
        try driver.click(driver.element("select[name=a] option[value='\(S.veeam)']"))
        try driver.click(driver.element("select[name=b] option[value='\(S.sms)']"))
        try driver.wait(until: "return location.search.indexOf('b=\(S.sms)') !== -1")
        let visible = try XCTUnwrap(driver.execute(Self.visibleRows) as? [String])

        // Expected: rows whose name holds the text where exactly one of the two tools needs the row.
        let expected = report.site.index.rows.filter { row in
            let needA = row.needs[S.veeam]?.isRequired ?? false, needB = row.needs[S.sms]?.isRequired ?? false
            return (row.name.lowercased().contains("ec2:describe") || SiteExports.fragment(for: row).contains("ec2:describe")) && needA != needB
        }.map { SiteExports.fragment(for: $0) }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(visible, expected)
        XCTAssertFalse(visible.contains("action-ec2:describeinstances"), "Veeam names it and SMS's ec2:Describe* covers it: no difference")
        XCTAssertTrue(visible.contains("action-ec2:describe*"), "SMS writes the pattern, Veeam does not")
        let note = try XCTUnwrap(driver.execute("return document.querySelector('[data-pair-link]').getAttribute('href');") as? String)
        XCTAssertEqual(note, "overlap.html?tools=\(S.sms),\(S.veeam)#compare", "the comparison, first tool in site order first")

        // The state in the URL is restored on load: CloudBerry's s3 rows, including what its s3:* covers.
        var components = URLComponents(url: folder.appendingPathComponent("matrix.html"), resolvingAgainstBaseURL: false)!
        components.query = "service=s3&tools=\(S.cloudberry)&sort=tools"
        try driver.open(components.url!)
        let s3 = try XCTUnwrap(driver.execute(Self.visibleRows) as? [String])
        let expectedS3 = report.site.index.rows.filter { $0.service == "s3" && $0.needs[S.cloudberry]?.isRequired == true }
        XCTAssertEqual(Set(s3), Set(expectedS3.map { SiteExports.fragment(for: $0) }))
        XCTAssertTrue(s3.contains("action-s3:getobject"))
        // Sorted by tool count, most first.
        let counts = expectedS3.reduce(into: [String: Int]()) { $0[SiteExports.fragment(for: $1)] = $1.toolsRequiring(in: report.site.index.toolOrder).count }
        XCTAssertEqual(s3.map { counts[$0]! }, s3.map { counts[$0]! }.sorted(by: >))
    }

    /// The overlap page's comparison of three tools, selected by clicking: its
    /// lists against `data/actions.json` (format 2), its policy against `CombinedPolicy`
    /// (what `permdocs policy` prints), and the selection kept in the URL.
    func testComparisonOfThreeToolsInChromium() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let (folder, report) = try buildSeed()
        try driver.open(folder.appendingPathComponent("overlap.html"))
        for slug in [S.veeam, S.vm, S.sms] {
            try driver.click(driver.element("[data-compare-form] input[value='\(slug)']"))
        }
        try driver.wait(until: "return document.querySelector('[data-compare-policy]') !== null && location.search.indexOf('\(S.veeam)') !== -1")
        let search = try XCTUnwrap(driver.execute("return location.search;") as? String)
        XCTAssertEqual(search, "?tools=\(S.vm),\(S.sms),\(S.veeam)", "site order, whatever the clicking order")

        // Expected from the export: per row, which of the three tools need it (`required`).
        let exportFile = try XCTUnwrap(report.files.first { $0.path == SiteExports.actionsPath })
        let export = try XCTUnwrap(JSONSerialization.jsonObject(with: exportFile.data) as? [String: Any])
        let rows = try XCTUnwrap(export["actions"] as? [[String: Any]])
        let selected = [S.vm, S.sms, S.veeam]
        func needers(_ row: [String: Any]) -> Set<String> {
            let tools = row["tools"] as? [[String: Any]] ?? []
            // Required: `how` explicit (the default, left out) or wildcard.
            return Set(tools.filter { ["explicit", "wildcard"].contains($0["how"] as? String ?? "explicit") }.compactMap { $0["slug"] as? String }.filter(selected.contains))
        }
        func names(_ kind: String) throws -> [String] {
            try XCTUnwrap(driver.execute("return Array.prototype.map.call(document.querySelectorAll('[data-compare-list=\"\(kind)\"] code'), function (c) { return c.textContent; });") as? [String])
        }
        let all = rows.filter { needers($0).count == 3 }.compactMap { $0["name"] as? String }
        XCTAssertFalse(all.isEmpty)
        XCTAssertEqual(try names("all"), all)
        for slug in selected {
            XCTAssertEqual(try names("only-\(slug)"), rows.filter { needers($0) == [slug] }.compactMap { $0["name"] as? String }, slug)
        }
        XCTAssertEqual(try names("some"), rows.filter { needers($0).count == 2 }.compactMap { $0["name"] as? String })

        let shown = try XCTUnwrap(driver.execute("return document.querySelector('[data-compare-policy] code').textContent;") as? String)
        let expected = CombinedPolicy(site: report.site, slugs: Set(selected), catalog: report.site.catalog).required.json + "\n"
        XCTAssertEqual(shown, expected, "the browser's union is the bytes permdocs policy prints")

        // Reloading keeps the selection; one tool is not a comparison.
        try driver.open(URL(string: folder.appendingPathComponent("overlap.html").absoluteString + "?tools=\(S.dms)")!)
        let note = try XCTUnwrap(driver.execute("return document.querySelector('[data-compare-result]').textContent;") as? String)
        XCTAssertEqual(note, "Select at least two tools.")
        let checked = try XCTUnwrap(driver.execute("return Array.prototype.filter.call(document.querySelectorAll('[data-compare-form] input'), function (b) { return b.checked; }).map(function (b) { return b.value; });") as? [String])
        XCTAssertEqual(checked, [S.dms])
    }

    /// A cache can serve `data/rows.js` of an earlier build beside this one's
    /// data: the matrix and the comparison then load it again past the cache
    /// and, when it is still another build's, say to reload instead of
    /// showing rows under other rows' names.
    func testRowsOfAnotherBuildAreNotShownUnderWrongNames() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let (folder, _) = try buildSeed()
        let rowsFile = folder.appendingPathComponent(RowsData.path)
        let rows = try String(contentsOf: rowsFile, encoding: .utf8)
        let version = try XCTUnwrap(rows.range(of: #"\{"version":"[0-9a-f]{16}""#, options: .regularExpression))
        try (rows.replacingCharacters(in: version, with: #"{"version":"0000000000000000""#)).write(to: rowsFile, atomically: true, encoding: .utf8)

        try driver.open(folder.appendingPathComponent("matrix.html"))
        try driver.wait(until: "return document.body.textContent.indexOf('reload the page to see the matrix') !== -1")
        XCTAssertEqual(try driver.execute("return document.querySelectorAll('#matrix tbody tr[id]').length;") as? Int, 0, "no row drawn")
        try driver.open(folder.appendingPathComponent("overlap.html"))
        try driver.wait(until: "return document.querySelector('[data-compare-result]').textContent.indexOf('reload the page to compare tools') !== -1")
    }

    /// Times the matrix of an already built site (`PERMDOCS_MATRIX_SITE`) and prints the figures.
    func testTimingOfABuiltSite() throws {
        guard let path = ProcessInfo.processInfo.environment["PERMDOCS_MATRIX_SITE"] else {
            throw XCTSkip("set PERMDOCS_MATRIX_SITE to a built site folder to time its matrix")
        }
        let driver = try WebDriver()
        defer { driver.quit() }
        let url = URL(fileURLWithPath: path).appendingPathComponent("matrix.html")
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let start = Date()
        try driver.open(url)
        try driver.wait(until: "return document.readyState === 'complete' && !document.getElementById('matrix-filters').hidden", timeout: 120)
        let wall = Date().timeIntervalSince(start)
        let nav = try driver.execute("var t = performance.getEntriesByType('navigation')[0]; return [t.domContentLoadedEventEnd, t.loadEventEnd];") as? [Double] ?? []
        let rows = try driver.execute("return window.permdocsMatrixView.shownRows().length;") as? Int ?? 0
        let slugs = try driver.execute("return Array.prototype.map.call(document.querySelectorAll('#matrix thead th[data-slug]'), function (t) { return t.getAttribute('data-slug'); });") as? [String] ?? []
        // Each measurement: set the controls, run the filter (the submit handler applies at once), force layout.
        // Returns the script's time, the time until layout is done, and the rows left visible.
        func time(_ setup: String) throws -> (Double, Int) {
            let r = try driver.execute("""
                var f = document.getElementById('matrix-filters'); \(setup)
                var t0 = performance.now(); f.dispatchEvent(new Event('submit', {cancelable: true}));
                var t1 = performance.now(); document.body.offsetHeight;
                var ms = performance.now() - t0;
                return [ms, window.permdocsMatrixView.shownRows().length, t1 - t0];
                """) as? [Double] ?? [0, 0, 0]
            print(String(format: "  (script %.1f ms of %.1f ms)", r[2], r[0]))
            return (r[0], Int(r[1]))
        }
        let text = try time("f.elements.q.value = 's3:';")
        let differ = try time("f.elements.q.value = ''; f.elements.a.value = '\(slugs.first ?? "")'; f.elements.b.value = '\(slugs.dropFirst().first ?? "")';")
        let sort = try time("f.elements.a.value = ''; f.elements.b.value = ''; f.elements.sort.value = 'tools';")
        let unsort = try time("f.elements.sort.value = ''; f.elements.min.value = '3';")
        let clear = try time("f.elements.min.value = '';")
        print("""
            matrix timing: \(url.path)
              size \(size) bytes, \(rows) rows x \(slugs.count) tools
              open (WebDriver navigation until ready) \(String(format: "%.0f", wall * 1000)) ms; DOMContentLoaded \(String(format: "%.0f", nav.first ?? 0)) ms, load \(String(format: "%.0f", nav.last ?? 0)) ms
              text 's3:' \(String(format: "%.1f", text.0)) ms -> \(text.1) rows
              differ \(slugs.first ?? "")/\(slugs.dropFirst().first ?? "") \(String(format: "%.1f", differ.0)) ms -> \(differ.1) rows
              sort by tools \(String(format: "%.1f", sort.0)) ms -> \(sort.1) rows
              unsort + min 3 \(String(format: "%.1f", unsort.0)) ms -> \(unsort.1) rows
              clear \(String(format: "%.1f", clear.0)) ms -> \(clear.1) rows
            """)
    }
}
