import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// The sidebar of a tool's pages (the site's tools, the tool's own pages) and
/// the table of contents beside the guide (issue 10: "a sidebar … and an
/// on-page table of contents on wide screens").
final class ToolSidebarTests: XCTestCase {
    /// The HTML of the first `<nav class="NAME"` … `</nav>` of a page, or "" without one.
    private func nav(_ name: String, in html: String) -> String {
        guard let start = html.range(of: "<nav class=\"\(name)\"") else { return "" }
        guard let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Text as the pages escape it (the tests' titles have no quotes).
    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    private func site(bigPages: Int = 3) -> [String: String] {
        var files = ["tools/small/index.md": "# Small\n", "tools/small/b.md": "# Bee <&>\n", "tools/small/c.md": "# Sea\n",
                     "tools/other.md": "# Other\n", "tools/big/index.md": "# Big\n"]
        for i in 1..<bigPages { files["tools/big/p\(i).md"] = "# Page \(i)\n" }
        return files
    }

    func testEachPageOfASmallToolListsItsPagesAndTheToolsWithTheCurrentOnesMarked() throws {
        let result = try TestSupport.build(site())
        let small = try XCTUnwrap(result.site.tools.first { $0.slug == "small" })
        for (k, page) in small.pages.enumerated() {
            let path = SitePaths.page(tool: "small", pageID: page.source.pageID)
            let sidebar = nav("sidebar", in: try TestSupport.text(result, path))
            XCTAssertFalse(sidebar.isEmpty, "\(path) has no sidebar")
            // The tool's pages, in order, the page shown marked.
            var at = sidebar.startIndex
            for (j, other) in small.pages.enumerated() {
                let href = SitePaths.link(from: path, to: SitePaths.page(tool: "small", pageID: other.source.pageID))
                let link = "<a href=\"\(href)\"\(j == k ? " aria-current=\"page\"" : "")>\(escaped(other.title))</a>"
                let found = try XCTUnwrap(sidebar.range(of: link, range: at..<sidebar.endIndex), "\(path): no \(link) in order in \(sidebar)")
                at = found.upperBound
            }
            // Every tool, the current one marked: the page itself on its first page, its tool elsewhere.
            for tool in result.site.tools {
                let href = SitePaths.link(from: path, to: SitePaths.firstPage(of: tool))
                let mark = tool.slug != "small" ? "" : k == 0 ? " aria-current=\"page\"" : " aria-current=\"true\""
                XCTAssertTrue(sidebar.contains("<a href=\"\(href)\"\(mark)>\(tool.tool.metadata.name)</a>"), "\(path): \(tool.slug) in \(sidebar)")
            }
            XCTAssertEqual(sidebar.components(separatedBy: "aria-current").count - 1, 2, "\(path): one tool and one page marked")
            XCTAssertFalse(sidebar.contains("Page 1"), "\(path) lists another tool's pages")
        }
    }

    func testAToolOfManyPagesLinksToItsFirstPageInsteadOfListingThem() throws {
        let result = try TestSupport.build(site(bigPages: SiteRenderer.fullPageListLimit + 2))
        let path = SitePaths.page(tool: "big", pageID: "p5")
        let sidebar = nav("sidebar", in: try TestSupport.text(result, path))
        XCTAssertFalse(sidebar.contains("Page 4"), "the sidebar lists a long tool's pages on every page")
        let first = SitePaths.link(from: path, to: SitePaths.page(tool: "big", pageID: "index"))
        XCTAssertTrue(sidebar.contains("<a href=\"\(first)\">All \(SiteRenderer.fullPageListLimit + 2) pages of Big</a>"), sidebar)
        // A tool of one page lists no pages.
        let other = try XCTUnwrap(result.site.tools.first { $0.slug == "other" })
        XCTAssertFalse(nav("sidebar", in: try TestSupport.text(result, SitePaths.firstPage(of: other))).contains("<ol>"))
    }

    func testTheToolListFoldsOnASiteOfManyTools() throws {
        for count in [SiteRenderer.openToolListLimit, SiteRenderer.openToolListLimit + 1] {
            var files: [String: String] = [:]
            for i in 0..<count { files["tools/t\(i).md"] = "# T\(i)\n" }
            let result = try TestSupport.build(files)
            let sidebar = nav("sidebar", in: try TestSupport.text(result, SitePaths.firstPage(of: result.site.tools[0])))
            XCTAssertEqual(sidebar.contains("<details open>"), count <= SiteRenderer.openToolListLimit, "\(count) tools: \(sidebar.prefix(200))")
            XCTAssertEqual(sidebar.components(separatedBy: "<li>").count - 1, count, "every tool is listed")
        }
    }

    func testTheContentsListTheGuidesSectionsWithTheirAnchors() throws {
        var files = site()
        files["tools/small/b.md"] = "# Bee\n\n## Set \\<up\\> & go\n\nText.\n\n### Roles\n\n#### Too deep\n\n## Clean up\n"
        files["tools/small/c.md"] = "# Sea\n\n## Only one\n"
        let result = try TestSupport.build(files)
        let html = try TestSupport.text(result, SitePaths.page(tool: "small", pageID: "b"))
        let contents = nav("page-contents", in: html)
        let small = try XCTUnwrap(result.site.tools.first { $0.slug == "small" })
        let headings = try XCTUnwrap(small.pages.first { $0.source.pageID == "b" }).guide.headings
        XCTAssertEqual(headings.map(\.text), ["Set <up> & go", "Roles", "Clean up"])
        var at = contents.startIndex
        for heading in headings {
            XCTAssertTrue(html.contains("<h\(heading.level) id=\"\(heading.id)\">"), "no heading with id \(heading.id)")
            let entry = "<li\(heading.level == 3 ? " class=\"sub\"" : "")><a href=\"#\(heading.id)\">\(escaped(heading.text))</a></li>"
            let found = try XCTUnwrap(contents.range(of: entry, range: at..<contents.endIndex), "no \(entry) in order in \(contents)")
            at = found.upperBound
        }
        XCTAssertFalse(contents.contains("<up>"), "a heading's text is escaped")
        // One heading: nothing to find one's way between.
        XCTAssertEqual(nav("page-contents", in: try TestSupport.text(result, SitePaths.page(tool: "small", pageID: "c"))), "")
        // A tool's first page lists its own sections.
        let intro = nav("page-contents", in: try TestSupport.text(result, SitePaths.page(tool: "small", pageID: "index")))
        XCTAssertTrue(intro.contains("<a href=\"#what-this-tool-needs\">"), intro)
    }
}
