import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

/// Every XSS payload of `Fixtures/Hostile/xss-payloads.txt` in every place
/// of a guide, its front matter and `site.yml` (`XSSPayloadSite`), built into
/// one site whose every page is loaded in headless Chromium; then payloads
/// are typed into each search and filter box and passed in query strings.
///
/// An execution hook is installed in every document before its own scripts:
/// `__xss(n)`, `alert`, `confirm` and `prompt` record a hit, and frames report
/// theirs to the page. After each step the test asserts there was no hit, no
/// dialog open, and no title set to `XSS<n>`. Skips with a printed reason
/// when Chromium or chromedriver is not installed (`.ci/install-deps`).
final class XSSBrowserTests: XCTestCase {
    static let hook = """
        (function () {
          var hits = [];
          function hit(n) {
            hits.push(String(n));
            try { if (window.parent !== window) window.parent.postMessage({ __xss: String(n) }, "*"); } catch (e) {}
          }
          Object.defineProperty(window, "__xssHits", { value: hits });
          window.__xss = hit;
          window.alert = function (n) { hit("alert:" + n); };
          window.confirm = function (n) { hit("confirm:" + n); return false; };
          window.prompt = function (n) { hit("prompt:" + n); return null; };
          window.addEventListener("message", function (e) { if (e.data && e.data.__xss) hits.push("frame:" + e.data.__xss); });
        })();
        """

    /// What ran on the current page: hook hits, an open dialog, a title set by a payload.
    static let probe = "return { hits: (window.__xssHits || []).slice(), hooked: typeof window.__xss === 'function', title: document.title };"

    private var driver: WebDriver!
    private var checks = 0

    private func assertNothingRan(_ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        checks += 1
        if let dialog = driver.dismissDialog() {
            XCTFail("\(what): a dialog opened: \(dialog)", file: file, line: line)
        }
        let state = try XCTUnwrap(driver.execute(Self.probe) as? [String: Any], what)
        XCTAssertEqual(state["hooked"] as? Bool, true, "\(what): the hook is not installed", file: file, line: line)
        XCTAssertEqual(state["hits"] as? [String], [], "\(what): a payload ran (id = payload × 100 + place)", file: file, line: line)
        let title = state["title"] as? String ?? ""
        XCTAssertNil(title.range(of: #"^XSS\d+$"#, options: .regularExpression), "\(what): a payload set the title", file: file, line: line)
    }

    func testNoPayloadRunsOnAnyPageOrThroughAnyBox() throws {
        let started = Date()
        driver = try WebDriver()
        defer { driver.quit() }
        let site = try XSSPayloadSite.fromFixture()
        XCTAssertGreaterThanOrEqual(site.payloads.count, 100)
        XCTAssertTrue(site.payloads.allSatisfy { $0.contains("NNN") }, "every payload reports its id")

        // One site with every placement.
        let report = try TestSupport.pipeline(InMemoryContentReader(site.files)).render()
        let folder = try SiteFolder.write(report, for: self)
        XCTAssertEqual(report.site.tools.count, 2 * site.groups.count)
        let built = Date()
        try driver.addScriptToEveryDocument(Self.hook)

        // Every built page.
        let pages = report.files.map(\.path).filter { $0.hasSuffix(".html") }.sorted()
        for page in pages {
            try driver.open(folder.appendingPathComponent(page))
            try assertNothingRan(page)
        }
        // The payloads reached the pages as text: the guide of a0 shows payload 0's heading.
        try driver.open(folder.appendingPathComponent("tools/a0/index.html"))
        XCTAssertEqual(try driver.execute("return document.body.textContent.indexOf('__xss(10)') !== -1;") as? Bool, true)
        // And the hook sees a payload that does run: a page written with one unescaped.
        let control = folder.appendingPathComponent("control.html")
        try Data("<!doctype html><title>c</title><img src=x onerror=__xss(1)><iframe srcdoc=\"<script>alert(2)</script>\"></iframe>".utf8).write(to: control)
        try driver.open(control)
        try driver.wait(until: "return window.__xssHits.length >= 2;")
        XCTAssertEqual(Set(try XCTUnwrap(driver.execute("return window.__xssHits;") as? [String])), ["1", "frame:alert:2"], "the hook records what runs")
        let loaded = Date()

        // Query strings: the payloads, 36 at a time, through every page that reads one
        // (a tool slug among them for overlap.html, so the comparison is drawn).
        let queries: [(page: String, key: String)] = [("matrix.html", "q"), ("overlap.html", "tools"), ("search.html", "q"), ("findings.html", "q")]
        let groups = site.groups
        let queryGroups = stride(from: 0, to: groups.count, by: 3).map { Array(groups[$0..<min($0 + 3, groups.count)].joined()) }
        for group in queryGroups {
            let value = group.map { site.payloads[$0].replacingOccurrences(of: "NNN", with: String($0 * 100 + 90)) }.joined(separator: ",")
            for (page, key) in queries {
                var components = URLComponents(url: folder.appendingPathComponent(page), resolvingAgainstBaseURL: false)!
                components.queryItems = [URLQueryItem(name: key, value: key == "tools" ? "a0,b0," + value : value)]
                try driver.open(components.url!)
                try assertNothingRan("\(page)?\(key)= payloads \(group.first!)–\(group.last!)")
            }
        }
        let queried = Date()

        // Into every box: three payloads typed key by key, then each group set at once
        // with the input event the boxes listen to (typing all 144 took 70 s).
        let boxes: [(page: String, css: String)] = [
            ("matrix.html", "#matrix-filters input[name=q]"), ("search.html", "[data-search-page]"),
            ("findings.html", "[data-filter-text]"), ("index.html", "#site-search-q"),
        ]
        for (page, css) in boxes {
            try driver.open(folder.appendingPathComponent(page))
            _ = try driver.execute("var f = document.getElementById('matrix-filters'); if (f) f.hidden = false;")
            let box = try driver.element(css)
            for (n, group) in ([Array(groups[0].prefix(3))] + groups).enumerated() {
                let text = group.map { site.payloads[$0].replacingOccurrences(of: "NNN", with: String($0 * 100 + 95)) }.joined(separator: " ")
                if n == 0 {
                    try driver.clear(box)
                    try driver.type(text, into: box)
                } else {
                    _ = try driver.execute("var b = document.querySelector(arguments[0]); b.focus(); b.value = arguments[1]; b.dispatchEvent(new Event('input', { bubbles: true }));", [css, text])
                }
                Thread.sleep(forTimeInterval: 0.2)  // past the boxes' 120 ms pause before filtering
                try assertNothingRan("\(page) box \(css), payloads \(group.first!)–\(group.last!)")
            }
            // The box really filtered on what it was given: its value is the last group's.
            XCTAssertTrue((try driver.execute("return document.querySelector(arguments[0]).value;", [css]) as? String)?.contains(String(groups.last!.last! * 100 + 95)) == true, page)
        }
        let done = Date()
        func s(_ a: Date, _ b: Date) -> String { String(format: "%.1f s", b.timeIntervalSince(a)) }
        print("xss: \(site.payloads.count) payloads × \(XSSPayloadSite.Place.allCases.count) places = \(site.placements) placements; "
              + "\(pages.count) pages loaded, \(queryGroups.count * queries.count) query strings, \((groups.count + 1) * boxes.count) box inputs; \(checks) checks; "
              + "build \(s(started, built)), pages \(s(built, loaded)), queries \(s(loaded, queried)), typing \(s(queried, done))")
    }
}
