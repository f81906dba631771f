import Foundation
import XCTest
@testable import PermDocsServer

/// A site served from memory (`ServedFiles`) resolves as one on disk does,
/// refuses the same paths, and switches to a new build in one step.
final class ServedFilesTests: XCTestCase {
    private func handler(_ files: [String: String]) -> StaticFileHandler {
        let served = ServedFiles()
        served.replace(with: files.mapValues { Data($0.utf8) })
        return StaticFileHandler(files: served, htmlSnippet: "<script>reload</script>")
    }

    func testResolvesFilesAndFoldersAsOnDisk() {
        let h = handler(["index.html": "home", "tools/a/index.html": "a", "tools/b/setup.html": "setup", "assets/style.css": "body{}"])
        XCTAssertEqual(h.resolve(rawPath: "/"), .stored("index.html"))
        XCTAssertEqual(h.resolve(rawPath: "/tools/a/"), .stored("tools/a/index.html"))
        XCTAssertEqual(h.resolve(rawPath: "/tools/a"), .folderWithoutSlash)
        XCTAssertEqual(h.resolve(rawPath: "/tools/%61/index.html"), .stored("tools/a/index.html"))
        XCTAssertEqual(h.resolve(rawPath: "/assets/style.css"), .stored("assets/style.css"))
        XCTAssertEqual(h.resolve(rawPath: "/tools/b/"), .notFound, "a folder without index.html")
        XCTAssertEqual(h.resolve(rawPath: "/tools/"), .notFound)
        XCTAssertEqual(h.resolve(rawPath: "/index.html/"), .notFound, "a file is not a folder")
        XCTAssertEqual(h.resolve(rawPath: "/missing.html"), .notFound)
    }

    func testRefusesWhatADiskSiteRefuses() {
        let h = handler(["index.html": "home", ".permdocs-manifest": "x", "tools/.hidden": "x", "secret.txt": "x"])
        for path in ["/.permdocs-manifest", "/tools/.hidden", "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
                     "//secret.txt", "secret.txt", "/secret.txt%00", "/..\\secret.txt", "/./index.html"] {
            XCTAssertEqual(h.resolve(rawPath: path), .notFound, path)
        }
    }

    func testAReplacedSiteIsServedWhole() {
        let served = ServedFiles()
        served.replace(with: ["index.html": Data("old".utf8), "tools/gone/index.html": Data("gone".utf8)])
        let h = StaticFileHandler(files: served)
        served.replace(with: ["index.html": Data("new".utf8)])
        XCTAssertEqual(served.file("index.html"), Data("new".utf8))
        XCTAssertEqual(h.resolve(rawPath: "/tools/gone/"), .notFound, "nothing of the old site is left")
        XCTAssertEqual(h.resolve(rawPath: "/tools/gone"), .notFound)
    }

    func testAnUpdateChangesOnlyTheFilesItNames() {
        let served = ServedFiles()
        served.replace(with: ["index.html": Data("home".utf8), "tools/a/index.html": Data("a".utf8)])
        served.update(["tools/a/index.html": Data("a2".utf8), "tools/b/new.html": Data("b".utf8)])
        XCTAssertEqual(served.file("tools/a/index.html"), Data("a2".utf8))
        XCTAssertEqual(served.file("index.html"), Data("home".utf8), "files it does not name stay")
        XCTAssertEqual(served.file("tools/b/new.html"), Data("b".utf8))
        XCTAssertTrue(served.isFolder("tools/b"), "a new file's folders are served")
    }
}
