import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsCore
import PermDocsTestSupport

/// The files a published site needs beyond its pages: `sitemap.xml` and
/// canonical links when `base_url` is set, `404.html`, the favicon.
final class SiteFilesTests: XCTestCase {
    private let guide = "# A\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}\n```\n"

    func testSitemapListsEveryPageButThe404WithAbsoluteURLs() throws {
        let report = try TestSupport.build(["site.yml": "base_url: https://perms.example.com/docs\n", "tools/a.md": guide])
        let sitemap = try TestSupport.text(report, "sitemap.xml")
        let pages = report.files.map(\.path).filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
        let locs = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        XCTAssertEqual(locs, pages.map { "https://perms.example.com/docs/" + $0 })
        XCTAssertTrue(locs.contains("https://perms.example.com/docs/services/s3.html"))
        XCTAssertTrue(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let page = try TestSupport.text(report, "tools/a/index.html")
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"https://perms.example.com/docs/tools/a/index.html\">"))
    }

    func testNoSitemapOrCanonicalLinkWithoutABaseURL() throws {
        let report = try TestSupport.build(["site.yml": "title: x\n", "tools/a.md": guide])
        XCTAssertFalse(report.files.contains { $0.path == "sitemap.xml" })
        for file in report.files where file.path.hasSuffix(".html") {
            XCTAssertFalse(String(decoding: file.data, as: UTF8.self).contains("rel=\"canonical\""), file.path)
        }
    }

    /// A base_url that is not an http(s) address with a host and no query stops the build at its value.
    func testABaseURLThatIsNotAnHTTPAddressIsAnErrorAtItsValue() throws {
        for yml in ["base_url: \"javascript:alert(1)//\"\n", "base_url: file:///etc/\n", "base_url: https:///\n", "base_url: \"https://h.example/?q=1\"\n"] {
            XCTAssertThrowsError(try TestSupport.build(["site.yml": yml, "tools/a.md": guide]), yml) { error in
                let e = error as? PermDocsError
                XCTAssertEqual(e?.location?.file, "site.yml", yml)
                XCTAssertEqual(e?.location?.line, 1, yml)
                XCTAssertEqual(e?.location?.column, 11, yml)
                XCTAssertTrue(e?.message.contains("'base_url'") ?? false, "\(String(describing: e))")
            }
        }
    }

    func testPagePathsArePercentEncodedInTheSitemapAndCanonicalLinks() throws {
        let report = try TestSupport.build(["site.yml": "base_url: http://h.example\n", "tools/my tool/index.md": guide, "tools/my tool/a#b.md": "# AB\n"])
        let sitemap = try TestSupport.text(report, "sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>http://h.example/tools/my%20tool/a%23b.html</loc>"), sitemap)
        XCTAssertTrue(try TestSupport.text(report, "tools/my tool/index.html").contains("<link rel=\"canonical\" href=\"http://h.example/tools/my%20tool/index.html\">"))
    }

    func testThe404PageLinksFromTheSiteRoot() throws {
        let plain = try TestSupport.text(try TestSupport.build(["tools/a.md": guide]), "404.html")
        XCTAssertTrue(plain.contains("<h1>Page not found</h1>"))
        XCTAssertTrue(plain.contains("<a href=\"/matrix.html\">"), "served at any depth, so links start at /")
        XCTAssertTrue(plain.contains("href=\"/assets/style.css\""))
        let published = try TestSupport.text(try TestSupport.build(["site.yml": "base_url: https://h.example/p/\n", "tools/a.md": guide]), "404.html")
        XCTAssertTrue(published.contains("<a href=\"https://h.example/p/matrix.html\">"), "under base_url's path")
        XCTAssertFalse(published.contains("rel=\"canonical\""))
    }

    func testEveryPageLinksTheFavicon() throws {
        let report = try TestSupport.build(["tools/a.md": guide])
        XCTAssertTrue(report.files.contains { $0.path == "assets/favicon.svg" })
        for file in report.files where file.path.hasSuffix(".html") && file.path != "404.html" {
            let icon = SitePaths.link(from: file.path, to: SitePaths.favicon)
            XCTAssertTrue(String(decoding: file.data, as: UTF8.self).contains("<link rel=\"icon\" href=\"\(icon)\" type=\"image/svg+xml\">"), file.path)
        }
    }
}

/// "Edit this page" links, from a tool's `edit_url` or the site's.
final class EditLinkTests: XCTestCase {
    private let guide = "# A\n\nText.\n"

    func testAToolsEditURLIsFollowedByThePagesPathInTheTool() throws {
        let report = try TestSupport.build([
            "site.yml": "edit_url: https://git.example/site/edit/main/Content/\ntools:\n  dms:\n    edit_url: https://github.com/awsdocs/dms/edit/main/doc_source\n",
            "tools/dms/index.md": guide, "tools/dms/setup page.md": "# Setup\n",
            "tools/other.md": guide,
        ])
        XCTAssertTrue(try TestSupport.text(report, "tools/dms/index.html").contains("<a class=\"edit-link\" href=\"https://github.com/awsdocs/dms/edit/main/doc_source/index.md\">Edit this page</a>"))
        XCTAssertTrue(try TestSupport.text(report, "tools/dms/setup page.html").contains("href=\"https://github.com/awsdocs/dms/edit/main/doc_source/setup%20page.md\""))
        XCTAssertTrue(try TestSupport.text(report, "tools/other/index.html").contains("href=\"https://git.example/site/edit/main/Content/tools/other.md\""), "the site's edit_url for the others")
    }

    func testNoEditLinkWithoutAnEditURL() throws {
        let page = try TestSupport.text(try TestSupport.build(["site.yml": "title: x\n", "tools/a.md": guide]), "tools/a/index.html")
        XCTAssertFalse(page.contains("edit-link"))
    }

    func testAnEditURLThatIsNotAnHTTPAddressIsAnErrorAtItsValue() throws {
        for (yml, line) in [("edit_url: \"javascript:alert(1)//\"\n", 1), ("tools:\n  a:\n    edit_url: ftp://x.example/\n", 3)] {
            XCTAssertThrowsError(try TestSupport.build(["site.yml": yml, "tools/a.md": guide]), yml) { error in
                let e = error as? PermDocsError
                XCTAssertEqual(e?.location?.file, "site.yml", yml)
                XCTAssertEqual(e?.location?.line, line, yml)
                XCTAssertTrue(e?.message.contains("edit_url'") ?? false, "\(String(describing: e))")
            }
        }
    }

    func testAGeneratedLandingPageNamesNoFileAndListsItsPagesOnce() throws {
        let report = try TestSupport.build([
            "site.yml": "edit_url: https://git.example/edit/\n",
            "tools/aws-dms-user-guide/setup.md": "# Setup\n", "tools/aws-dms-user-guide/roles.md": "# Roles\n",
        ])
        let landing = try TestSupport.text(report, "tools/aws-dms-user-guide/index.html")
        XCTAssertTrue(landing.contains("<h1>AWS DMS User Guide</h1>"), landing)
        XCTAssertFalse(landing.contains("Guide file") || landing.contains("edit-link"), "no file behind it")
        XCTAssertEqual(landing.components(separatedBy: "href=\"setup.html\"").count - 1, 1, "the pages are listed once: \(landing)")
        XCTAssertTrue(try TestSupport.text(report, "tools/aws-dms-user-guide/setup.html").contains("href=\"https://git.example/edit/tools/aws-dms-user-guide/setup.md\""))
    }
}
