import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// Every page kind of the default site in a real headless Chromium, on a
/// phone (390 px) and a desktop (1,400 px), in the light and the dark scheme
/// (issue 10, items 3 and 4): no page wider than the screen, the header
/// stacked on a phone, three tool columns of the matrix in view beside the
/// actions, and no serious or critical finding of axe-core. Skips with a
/// printed reason without Chromium or (the axe test) without axe-core-python.
final class ScreenBrowserTests: XCTestCase {
    static let widths = [390, 1400]

    /// Every (dark, width) the pages are checked in.
    static var screens: [(dark: Bool, width: Int)] {
        [false, true].flatMap { dark in widths.map { (dark, $0) } }
    }

    func testNoPageIsWiderThanTheScreenAndTheHeaderAndMatrixFitAPhone() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let site = try SiteFolder.build(for: self)
        for (dark, width) in Self.screens {
            try driver.setViewport(width: width, height: 900)
            try driver.setColorScheme(dark: dark)
            let screen = "\(width) px, \(dark ? "dark" : "light")"
            for page in SiteFolder.pageKinds {
                try Self.open(page, in: site, with: driver)
                let scheme = try XCTUnwrap(driver.execute("return matchMedia('(prefers-color-scheme: dark)').matches;") as? Bool)
                XCTAssertEqual(scheme, dark, "\(page) at \(screen): the scheme is not emulated")
                let widths = try XCTUnwrap(driver.execute(Self.pageWidth) as? [Any])
                let (scroll, client) = (widths[0] as? Int ?? -1, widths[1] as? Int ?? -1)
                XCTAssertLessThanOrEqual(scroll, client, "\(page) at \(screen) is \(scroll) px wide in \(client) px; sticking out: \(widths[2])")
                // Inputs follow the scheme (color-scheme): none stays white in the dark.
                if dark {
                    let field = try XCTUnwrap(driver.execute("return getComputedStyle(document.getElementById('site-search-q')).backgroundColor;") as? String)
                    XCTAssertNotEqual(field, "rgb(255, 255, 255)", "\(page) at \(screen): the search field stays white")
                }
            }
            // The header: stacked on a phone (search box under the title, across the page), one row on a desktop.
            try Self.open("index.html", in: site, with: driver)
            let header = try XCTUnwrap(driver.execute("""
                var t = document.querySelector('.site-title').getBoundingClientRect(), s = document.querySelector('.site-search').getBoundingClientRect();
                return [s.top >= t.bottom, Math.round(s.width)];
                """) as? [Any])
            XCTAssertEqual(header[0] as? Bool, width < 600, "\(screen): the search box is \(width < 600 ? "not under" : "under") the title")
            // The matrix: at least three tool columns in view beside the sticky action column.
            try Self.open("matrix.html", in: site, with: driver)
            let inView = try XCTUnwrap(driver.execute("""
                var box = document.querySelector('.matrix-wrap').getBoundingClientRect();
                return Array.prototype.filter.call(document.querySelectorAll('#matrix thead th.tool-col'), function (th) {
                  var r = th.getBoundingClientRect(); return r.left >= box.left && r.right <= box.right + 0.5;
                }).length;
                """) as? Int)
            XCTAssertGreaterThanOrEqual(inView, 3, "\(screen): \(inView) tool columns of the matrix in view")
        }
    }

    func testAxeFindsNoSeriousOrCriticalViolationOnAnyPage() throws {
        guard let axe = Self.axeSource() else {
            print("note: skipping: axe-core-python is not installed (python3 -m pip install axe-core-python==0.1.0, or run .ci/install-deps)")
            throw XCTSkip("axe-core-python not installed")
        }
        let driver = try WebDriver()
        defer { driver.quit() }
        let site = try SiteFolder.build(for: self)
        for (dark, width) in Self.screens {
            try driver.setViewport(width: width, height: 900)
            try driver.setColorScheme(dark: dark)
            for page in SiteFolder.pageKinds {
                try Self.open(page, in: site, with: driver)
                try driver.execute(axe)
                let violations = try XCTUnwrap(driver.execute(Self.runAxe) as? [String])
                XCTAssertEqual(violations, [], "\(page) at \(width) px, \(dark ? "dark" : "light")")
            }
        }
    }

    /// Every policy figure has Copy and Download (copy.js); Download holds the figure's JSON, Copy puts it on the clipboard.
    func testPolicyFiguresHaveCopyAndDownload() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let site = try SiteFolder.build(for: self)
        try driver.open(site.appendingPathComponent("tools/vm-import-export/index.html"))
        let figures = try XCTUnwrap(driver.execute("""
            return Array.prototype.map.call(document.querySelectorAll('figure.policy'), function (f) {
              var a = f.querySelector('figcaption a.download'), code = f.querySelector('pre code').textContent;
              return [f.id, !!f.querySelector('figcaption .copy-button'), a ? a.getAttribute('download') : '',
                      a ? decodeURIComponent(a.getAttribute('href').replace(/^data:application\\/json;charset=utf-8,/, '')) === code : false];
            });
            """) as? [[Any]])
        XCTAssertEqual(figures.count, 6)
        for f in figures {
            let id = f[0] as? String ?? "?"
            XCTAssertEqual(f[1] as? Bool, true, "\(id): no Copy button")
            XCTAssertEqual(f[2] as? String, "\(id).json")
            XCTAssertEqual(f[3] as? Bool, true, "\(id): the download is not the figure's JSON")
        }
        // Each combined policy's paragraph (required, optional add-ons): Copy beside its download link.
        let combined = try XCTUnwrap(driver.execute("return [document.querySelectorAll('.combined .policy-meta .copy-button').length, document.querySelectorAll('.combined pre.policy-json').length];") as? [Int])
        XCTAssertEqual(combined[0], combined[1])
        XCTAssertGreaterThan(combined[0], 0)
        // Copying: the clipboard gets the figure's text (the button says so either way).
        try driver.execute("window.__copied = null; navigator.clipboard.writeText = function (t) { window.__copied = t; return Promise.resolve(); };")
        try driver.click(driver.element("#policy-1 .copy-button"))
        try driver.wait(until: "return document.querySelector('#policy-1 .copy-button').textContent === 'Copied';")
        let copied = try XCTUnwrap(driver.execute("return window.__copied === document.querySelector('#policy-1 pre code').textContent;") as? Bool)
        XCTAssertTrue(copied)
    }

    /// Printing the matrix (dark screen or not): every row on paper, light colours, no controls.
    func testPrintingTheMatrixDrawsEveryRowInTheLightScheme() throws {
        let driver = try WebDriver()
        defer { driver.quit() }
        let site = try SiteFolder.build(for: self)
        try driver.setColorScheme(dark: true, print: true)
        try driver.open(site.appendingPathComponent("matrix.html"))
        let shown = try XCTUnwrap(driver.execute(MatrixBrowserTests.visibleRows) as? [String])
        try driver.execute("window.dispatchEvent(new Event('beforeprint'));")
        let drawn = try XCTUnwrap(driver.execute("return arguments[0].filter(function (id) { return document.getElementById(id) !== null; }).length + '/' + document.querySelectorAll('#matrix tr.spacer').length;", [shown]) as? String)
        XCTAssertEqual(drawn, "\(shown.count)/0", "every row drawn, no spacer standing for rows")
        let looks = try XCTUnwrap(driver.execute("""
            return [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.getElementById('matrix-filters')).display,
                    getComputedStyle(document.querySelector('.matrix-wrap')).overflowY];
            """) as? [String])
        XCTAssertEqual(looks, ["rgb(255, 255, 255)", "none", "visible"])
        try driver.setColorScheme(dark: true)
        try driver.execute("window.dispatchEvent(new Event('afterprint'));")
        XCTAssertLessThan(try XCTUnwrap(driver.execute("return window.permdocsMatrixView.drawnRows();") as? Int), shown.count, "the window of rows is back")
    }

    /// The document's width, the viewport's, and what sticks out past the viewport (outermost elements only).
    static let pageWidth = """
        var root = document.documentElement, w = root.clientWidth, out = [];
        document.querySelectorAll('body *').forEach(function (e) {
          var r = e.getBoundingClientRect(), p = e.parentElement.getBoundingClientRect();
          if (r.right > w + 0.5 && p.right <= w + 0.5) out.push(e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' (' + Math.round(r.right) + ' px)');
        });
        return [root.scrollWidth, w, out.slice(0, 8).join(', ')];
        """

    /// axe-core's violations of impact serious or critical, one line each with up to five of the elements.
    static let runAxe = """
        return axe.run(document, {resultTypes: ['violations']}).then(function (result) {
          return result.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {
            return v.id + ' (' + v.impact + '): ' + v.help + ': ' + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }).join(', ');
          });
        });
        """

    /// Opens a page of the built site. 404.html links its assets from `base_url`, as a server shows it at
    /// any path; here its stylesheet is pointed at the built one (and awaited), as the server would serve it.
    static func open(_ page: String, in site: URL, with driver: WebDriver) throws {
        try driver.open(site.appendingPathComponent(page))
        guard page == "404.html" else { return }
        let stylesheet = site.appendingPathComponent(SitePaths.stylesheet).absoluteString
        try driver.execute("document.querySelector('link[rel=stylesheet]').href = arguments[0];", [stylesheet])
        // The theme's body has no margin; the browser's own has 8 px.
        try driver.wait(until: "return getComputedStyle(document.body).marginTop === '0px';")
    }

    /// axe.min.js from the axe-core-python package, found through python3; nil when either is missing.
    static func axeSource() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import axe_core_python, os; print(os.path.join(os.path.dirname(axe_core_python.__file__), 'axe.min.js'))"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try? String(contentsOfFile: path, encoding: .utf8)
    }
}
