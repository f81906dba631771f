import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore
import PermDocsSite

final class ContentLoaderTests: XCTestCase {
    func testFileAndFolderToolsInConfiguredOrder() throws {
        let reader = InMemoryContentReader([
            "site.yml": "title: T\ntool_order: [zeta, alpha]\n",
            "tools/alpha.md": "---\ntool: Alpha Tool\nvendor: A Corp\nsource_url: https://a.example/\nproduct_version: '2.1'\nlast_updated: 2024-01-02\n---\n# Alpha guide\n",
            "tools/zeta/index.md": "# Zeta intro\n",
            "tools/zeta/setup/roles.md": "# Roles\n",
            "tools/zeta/another.md": "# Another\n",
            "tools/beta.md": "# Beta Tool Guide\n",
            "tools/readme.txt": "not markdown",
        ])
        let (config, tools) = try ContentLoader(reader: reader).load()
        XCTAssertEqual(config.title, "T")
        XCTAssertEqual(tools.map(\.slug), ["zeta", "alpha", "beta"])
        XCTAssertEqual(tools[0].pages.map(\.pageID), ["index", "another", "setup/roles"])
        XCTAssertEqual(tools[0].metadata.name, "Zeta intro", "falls back to the first H1")
        let alpha = tools[1].metadata
        XCTAssertEqual(alpha.name, "Alpha Tool")
        XCTAssertEqual(alpha.vendor, "A Corp")
        XCTAssertEqual(alpha.sourceURL, "https://a.example/")
        XCTAssertEqual(alpha.productVersion, "2.1")
        XCTAssertEqual(alpha.lastUpdated, "2024-01-02")
        XCTAssertEqual(tools[2].metadata.name, "Beta Tool Guide")
    }

    func testReadmeOrUnderscoreIndexIntroducesAFolderToolWithoutIndex() throws {
        let reader = InMemoryContentReader([
            "tools/hugo/_index.md": "---\nvendor: H Corp\n---\n# Hugo-style intro\n",
            "tools/hugo/README.md": "# About this repository\n",
            "tools/repo/README.md": "# Repo intro\n",
            "tools/repo/setup.md": "# Setup\n",
            "tools/repo/docs/README.md": "# Docs folder readme\n",
            "tools/plain/index.md": "# Plain intro\n",
            "tools/plain/readme.md": "# Kept as a page\n",
            "tools/bare/setup.md": "# Bare setup\n",
        ])
        let (_, tools) = try ContentLoader(reader: reader).load()
        let bySlug = Dictionary(uniqueKeysWithValues: tools.map { ($0.slug, $0) })
        XCTAssertEqual(bySlug["hugo"]?.pages.map(\.pageID), ["index", "README"], "_index.md comes before README.md")
        XCTAssertEqual(bySlug["hugo"]?.pages.first?.path, "tools/hugo/_index.md")
        XCTAssertEqual(bySlug["hugo"]?.metadata.name, "Hugo-style intro")
        XCTAssertEqual(bySlug["hugo"]?.metadata.vendor, "H Corp", "the intro's front matter speaks for the tool")
        XCTAssertEqual(bySlug["repo"]?.pages.map(\.pageID), ["index", "docs/README", "setup"])
        XCTAssertEqual(bySlug["repo"]?.metadata.name, "Repo intro")
        XCTAssertEqual(bySlug["plain"]?.pages.map(\.pageID), ["index", "readme"], "index.md wins; the readme stays a page")
        XCTAssertEqual(bySlug["bare"]?.pages.first?.isGenerated, true, "no intro file: a landing page is made")
    }

    func testNameFromFileNameWhenNoHeading() throws {
        let (_, tools) = try ContentLoader(reader: InMemoryContentReader(["tools/aws-dms.md": "text only\n"])).load()
        XCTAssertEqual(tools[0].metadata.name, "AWS DMS")
    }

    func testSiteConfigErrorsHaveLines() {
        let reader = InMemoryContentReader(["site.yml": "title: T\ncolour: blue\n"])
        XCTAssertThrowsError(try ContentLoader(reader: reader).load()) { error in
            XCTAssertEqual((error as? PermDocsError)?.location, SourceLocation(file: "site.yml", line: 2, column: 1))
        }
        let broken = InMemoryContentReader(["site.yml": "title: [unclosed\n"])
        XCTAssertThrowsError(try ContentLoader(reader: broken).load()) { error in
            XCTAssertEqual((error as? PermDocsError)?.location?.file, "site.yml")
        }
    }
}

/// `tool_sets:` in `site.yml`.
final class ToolSetConfigTests: XCTestCase {
    func testParsesSetsInOrder() throws {
        let config = try SiteConfig.parse("title: T\ntool_sets:\n  migration: [a, b, a]\n  backup:\n    - c\n", file: "site.yml")
        XCTAssertEqual(config.toolSets.map(\.name), ["migration", "backup"])
        XCTAssertEqual(config.toolSets[0].tools, ["a", "b"], "repeats dropped")
        XCTAssertEqual(config.toolSets[1].toolLocations, [SourceLocation(file: "site.yml", line: 5, column: 7)])
    }

    func testMalformedSetsAreErrorsWithPositions() {
        func location(_ yaml: String) -> SourceLocation? {
            do { _ = try SiteConfig.parse(yaml, file: "site.yml"); return nil } catch { return (error as? PermDocsError)?.location }
        }
        XCTAssertEqual(location("tool_sets: [a, b]\n"), SourceLocation(file: "site.yml", line: 1, column: 12))
        XCTAssertEqual(location("tool_sets:\n  empty: []\n"), SourceLocation(file: "site.yml", line: 2, column: 10))
        XCTAssertEqual(location("tool_sets:\n  x: a\n"), SourceLocation(file: "site.yml", line: 2, column: 6))
        XCTAssertEqual(location("tool_sets:\n  x: [[a]]\n"), SourceLocation(file: "site.yml", line: 2, column: 7))
        XCTAssertEqual(location("tool_sets:\n  A b: [a]\n  a-b: [a]\n"), SourceLocation(file: "site.yml", line: 3, column: 3), "same page name")
    }

    func testUnknownSlugIsReportedAtItsPosition() {
        let reader = InMemoryContentReader([
            "site.yml": "title: T\ntool_sets:\n  pair: [a,\n    nope]\n",
            "tools/a.md": "# A\n",
        ])
        XCTAssertThrowsError(try TestSupport.pipeline(reader).analyze()) { error in
            let e = error as? PermDocsError
            XCTAssertEqual(e?.location, SourceLocation(file: "site.yml", line: 4, column: 5))
            XCTAssertTrue(e?.message.contains("'nope'") == true, "\(String(describing: e))")
        }
    }
}
