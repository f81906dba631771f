import Foundation
import XCTest
@testable import PermDocsCLI
import PermDocsCore

/// Symbolic links of a revision, followed as `check` follows them on disk.
final class RevisionLinksTests: XCTestCase {
    private let files = ["site.yml": Data("title: t\n".utf8), "tools/real.md": Data("# Real\n".utf8),
                         "tools/folder/index.md": Data("# F\n".utf8), "shared/guide.md": Data("# S\n".utf8)]

    private func resolve(_ links: [String: String]) throws -> [String: Data] {
        try RevisionLinks.resolve(links, in: files) { "rev:" + $0 }
    }

    private func message(_ links: [String: String]) -> String? {
        do { _ = try resolve(links); return nil } catch { return (error as? PermDocsError)?.description }
    }

    func testALinkToAFileInsideItsFolderReadsAsThatFile() throws {
        let resolved = try resolve(["tools/alias.md": "real.md", "tools/deep/again.md": "../alias.md"])
        XCTAssertEqual(resolved["tools/alias.md"], files["tools/real.md"])
        XCTAssertEqual(resolved["tools/deep/again.md"], files["tools/real.md"], "a link to a link")
        XCTAssertEqual(try resolve(["site.yml.link": "site.yml"])["site.yml.link"], files["site.yml"], "the content folder's own files")
    }

    func testLinksOutsideToNothingToFoldersAndLoopsAreErrors() {
        XCTAssertEqual(message(["tools/out.md": "../shared/guide.md"]),
                       "rev:tools/out.md: error: symbolic link leads outside tools/ (to ../shared/guide.md); permdocs reads no file outside it")
        XCTAssertEqual(message(["tools/abs.md": "/etc/passwd"]),
                       "rev:tools/abs.md: error: symbolic link leads outside tools/ (to /etc/passwd); permdocs reads no file outside it")
        XCTAssertEqual(message(["up.md": "../../x"]),
                       "rev:up.md: error: symbolic link leads outside the content folder (to ../../x); permdocs reads no file outside it")
        XCTAssertEqual(message(["tools/gone.md": "missing.md"]), "rev:tools/gone.md: error: symbolic link leads to nothing (tools/missing.md)")
        XCTAssertEqual(message(["tools/dir": "folder"]), "rev:tools/dir: error: symbolic link to a folder; permdocs follows only links to files in a revision")
        XCTAssertEqual(message(["tools/a.md": "b.md", "tools/b.md": "a.md"]), "rev:tools/a.md: error: symbolic links lead around in a loop")
    }
}
