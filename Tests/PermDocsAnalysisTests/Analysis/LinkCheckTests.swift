import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// Links between the pages of a folder tool, checked against the ids each page will have.
final class LinkCheckTests: XCTestCase {
    private func findings(_ files: [String: String]) throws -> [Diagnostic] {
        try TestSupport.pipeline(InMemoryContentReader(files), theme: nil).analyze().diagnostics.filter { $0.id == "broken-link" }
    }

    func testALinkToTheReadmeThatIntroducesAToolLandsOnItsIntroPage() throws {
        let found = try findings([
            "tools/repo/README.md": "# Repo\n\n## Install\n",
            "tools/repo/setup.md": "# Setup\n\n[Back](README.md#install), [wrong](README.md#nope).\n",
            "tools/plain/index.md": "# Plain\n",
            "tools/plain/setup.md": "# Setup\n\n[No readme here](README.md).\n",
        ])
        XCTAssertEqual(found.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.subject ?? "")" }, [
            "tools/plain/setup.md:3:1 README.md",
            "tools/repo/setup.md:3:28 README.md#nope",
        ])
    }

    func testLinksBetweenPagesOfAToolLandOnTheirHeadingsAndAnchors() throws {
        let found = try findings([
            "tools/t/index.md": """
                # T

                [Setup](setup.md#roles), [its anchor](setup.md#old-anchor), [its figure](setup.md#policy-1),
                [a sub page](deep/more.md), [no heading](setup.md#nope), [no page](gone.md#roles).
                """,
            "tools/t/setup.md": """
                # Setup

                ## Roles<a name="roles"></a>

                Text <a name="old-anchor"></a> here, and [up](index.md#t), [back up wrong](index.md#x).

                ```json
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
                ```
                """,
            "tools/t/deep/more.md": "# More\n\n[Up a level](../setup.md) is not rewritten by the site, so it is broken.\n",
        ])
        XCTAssertEqual(found.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.subject ?? "")" }, [
            "tools/t/deep/more.md:3:1 ../setup.md",
            "tools/t/index.md:4:29 setup.md#nope",
            "tools/t/index.md:4:58 gone.md#roles",
            "tools/t/setup.md:5:60 index.md#x",
        ])
        XCTAssertTrue(found.allSatisfy { $0.severity == .warning })
        XCTAssertEqual(found[1].message, "link 'setup.md#nope' leads to no heading or anchor '#nope' of 'setup.md'")
    }

    func testLinksCanBeSilencedByURL() throws {
        let found = try findings([
            "site.yml": "silence:\n  - id: broken-link\n    action: images/a.png\n",
            "tools/t.md": "# T\n\n![a](images/a.png) ![b](images/b.png)\n",
        ])
        XCTAssertEqual(found.map(\.subject), ["images/b.png"])
    }
}
