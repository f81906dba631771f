import Foundation
import XCTest
@testable import PermDocsServer

final class StaticFileHandlerTests: XCTestCase {
    private var dir: URL!
    private var site: URL!

    /// A site beside files it must never serve, with symlinks pointing in and out.
    override func setUpWithError() throws {
        let fm = FileManager.default
        dir = fm.temporaryDirectory.appendingPathComponent("permdocs-static-\(UUID().uuidString)")
        site = dir.appendingPathComponent("site")
        try fm.createDirectory(at: site.appendingPathComponent("tools/a"), withIntermediateDirectories: true)
        try fm.createDirectory(at: site.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("src"), withIntermediateDirectories: true)
        try write("TOP SECRET", "secret.txt")
        try write("// swift-tools-version:6.0 OUTSIDE", "Package.swift")
        try write("<html><body><h1>Home</h1></body></html>", "site/index.html")
        try write("<html><BODY><h1>Tool A</h1></BODY></html>", "site/tools/a/index.html")
        try write("body{}", "site/assets/style.css")
        try write("{}", "site/assets/data.json")
        try write("<svg/>", "site/assets/logo.svg")
        try write("a,b", "site/assets/table.csv")
        try write("x", "site/assets/app.js")
        try write("PNG", "site/assets/logo.png")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("leakdir").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("inside.html").path, withDestinationPath: "tools/a/index.html")
        try fm.createDirectory(at: site.appendingPathComponent("escape"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("escape/index.html").path, withDestinationPath: "../../secret.txt")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(path))
    }

    private var handler: StaticFileHandler { StaticFileHandler(root: site) }

    private func realPath(_ relative: String) -> URL {
        URL(fileURLWithPath: site.appendingPathComponent(relative).resolvingSymlinksInPath().path)
    }

    // MARK: resolving paths

    func testServesFilesAndFolderIndexes() {
        XCTAssertEqual(handler.resolve(rawPath: "/"), .file(realPath("index.html")))
        XCTAssertEqual(handler.resolve(rawPath: "/tools/a/"), .file(realPath("tools/a/index.html")))
        XCTAssertEqual(handler.resolve(rawPath: "/assets/style.css"), .file(realPath("assets/style.css")))
        XCTAssertEqual(handler.resolve(rawPath: "/tools/a"), .folderWithoutSlash)
        XCTAssertEqual(handler.resolve(rawPath: "/tools/%61/index.html"), .file(realPath("tools/a/index.html")), "plain percent-encoding is decoded")
        XCTAssertEqual(handler.resolve(rawPath: "/inside.html"), .file(realPath("tools/a/index.html")), "a symlink within the site is served")
        XCTAssertEqual(handler.resolve(rawPath: "/missing.html"), .notFound)
        XCTAssertEqual(handler.resolve(rawPath: "/index.html/"), .notFound, "a file is not a folder")
    }

    func testRefusesEverythingOutsideTheRoot() {
        let attempts = [
            "/../Package.swift", "/../secret.txt", "/tools/../../secret.txt",
            "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/tools/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/tools%2f..%2f..%2fsecret.txt",
            "/..\\secret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt",
            "//\(dir.path)/secret.txt", "\(dir.path)/secret.txt", "http://x\(dir.path)/secret.txt",
            "/index.html%00", "/secret.txt%00.html", "/%00/../secret.txt", "/%ff%fe",
            "/leak.txt", "/leakdir/secret.txt", "/escape/", "/./index.html",
        ]
        for path in attempts {
            XCTAssertEqual(handler.resolve(rawPath: path), .notFound, path)
        }
    }

    func testTheRootIsResolvedOnEveryRequestBecauseBuildsReplaceIt() throws {
        XCTAssertEqual(handler.resolve(rawPath: "/"), .file(realPath("index.html")))
        // As OutputWriter does: the old folder moves away, a new one takes its name.
        let old = dir.appendingPathComponent("old-site")
        try FileManager.default.moveItem(at: site, to: old)
        XCTAssertEqual(handler.resolve(rawPath: "/"), .notFound)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try write("new", "site/index.html")
        XCTAssertEqual(handler.resolve(rawPath: "/"), .file(realPath("index.html")))
    }

    func testContentTypes() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8",
            "a.js": "text/javascript; charset=utf-8", "a.json": "application/json", "a.svg": "image/svg+xml",
            "a.csv": "text/csv; charset=utf-8", "a.png": "image/png", "A.PNG": "image/png", "a": "application/octet-stream",
        ]
        for (name, type) in expected {
            XCTAssertEqual(StaticFileHandler.contentType(for: name), type, name)
        }
    }

    func testInjectsBeforeTheLastClosingBody() {
        let injected = StaticFileHandler.inject("<S>", into: Data("<p>a</body> x <p>b</BODY></html>".utf8))
        XCTAssertEqual(String(decoding: injected, as: UTF8.self), "<p>a</body> x <p>b<S></BODY></html>")
        XCTAssertEqual(String(decoding: StaticFileHandler.inject("<S>", into: Data("<p>".utf8)), as: UTF8.self), "<p><S>")
    }

    // MARK: over HTTP

    /// A DevServer whose build does nothing: the site is already in place.
    private func startServer() async throws -> (DevServer, UInt16) {
        let server = DevServer(
            configuration: .init(output: site, watch: [dir.appendingPathComponent("src")], port: 0),
            rebuild: { "nothing to build" }, log: { _ in })
        let url = try await server.start()
        addTeardownBlock { await server.stop() }
        return (server, UInt16(try XCTUnwrap(url.port)))
    }

    func testServesPagesWithTheSnippetAndTheRightTypes() async throws {
        let (_, port) = try await startServer()

        let home = try RawHTTPResponse.get("/", port: port)
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(home.body.contains("<h1>Home</h1>"))
        XCTAssertTrue(home.body.contains(LiveReload.eventsPath + "\""), "the live-reload script is served")
        XCTAssertTrue(home.body.hasSuffix("</script>\n</body></html>"), home.body)
        let onDisk = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("<script"), "the built file is left alone")

        let tool = try RawHTTPResponse.get("/tools/a/", port: port)
        XCTAssertEqual(tool.status, 200)
        XCTAssertTrue(tool.body.contains("Tool A"))
        let redirect = try RawHTTPResponse.get("/tools/a?x=1", port: port)
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.headers["location"], "/tools/a/?x=1")

        for (path, type) in [("/assets/style.css", "text/css"), ("/assets/data.json", "application/json"),
                             ("/assets/logo.svg", "image/svg+xml"), ("/assets/table.csv", "text/csv"),
                             ("/assets/app.js", "text/javascript"), ("/assets/logo.png", "image/png")] {
            let response = try RawHTTPResponse.get(path, port: port)
            XCTAssertEqual(response.status, 200, path)
            XCTAssertTrue(response.headers["content-type"]?.hasPrefix(type) ?? false, "\(path): \(response.headers)")
            XCTAssertFalse(response.body.contains("<script"), "\(path): only HTML gets the snippet")
        }
    }

    func testTraversalOverHTTPIsNotFound() async throws {
        let (_, port) = try await startServer()

        // The control: the same server does serve what is inside.
        XCTAssertEqual(try RawHTTPResponse.get("/index.html", port: port).status, 200)
        for path in ["/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift", "/%2e%2e%2fsecret.txt",
                     "/..\\secret.txt", "/tools/..%5c..%5csecret.txt", "//\(dir.path)/secret.txt",
                     "/secret.txt%00.html", "/leak.txt", "/leakdir/secret.txt", "/escape/"] {
            let response = try RawHTTPResponse.get(path, port: port)
            XCTAssertEqual(response.status, 404, path)
            XCTAssertFalse(response.body.contains("TOP SECRET") || response.body.contains("OUTSIDE"), path)
        }
    }

    func testMissingPagesGetTheSitesOwn404WithTheSnippet() async throws {
        let (_, port) = try await startServer()
        let bare = try RawHTTPResponse.get("/no/such/page.html", port: port)
        XCTAssertEqual(bare.status, 404)
        XCTAssertTrue(bare.body.contains("<h1>Not found</h1>"), "without a 404.html, a small page")

        try write("<html><body><h1>Lost?</h1><a href=\"/\">Home</a></body></html>", "site/404.html")
        let own = try RawHTTPResponse.get("/no/such/page.html", port: port)
        XCTAssertEqual(own.status, 404, "still a 404 status")
        XCTAssertTrue(own.body.contains("<h1>Lost?</h1>"), own.body)
        XCTAssertTrue(own.body.contains(LiveReload.eventsPath + "\""), "the live-reload script is in it too")
    }
}
