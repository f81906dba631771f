import Foundation
import XCTest
@testable import PermDocsServer
import PermDocsCore
import PermDocsSite

final class DevServerTests: XCTestCase {
    private var dir: URL!
    private var content: URL { dir.appendingPathComponent("Content") }
    private var output: URL { dir.appendingPathComponent("public") }
    private var page: URL { content.appendingPathComponent("tools/alpha.md") }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("tools"), withIntermediateDirectories: true)
        try Data("title: Test site\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("# Alpha\n\nFirst version.\n".utf8).write(to: page)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// A server that builds as the CLI does: the pipeline, its files handed to the
    /// server in memory (what `permdocs serve` does), or written through OutputWriter.
    private func startServer(port: UInt16 = 0, inMemory: Bool = false) async throws -> UInt16 {
        let (content, output) = (content, output)
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes/default")
        let files = ServedFiles()
        let server = DevServer(
            configuration: inMemory ? .init(serving: files, watch: [content], port: port) : .init(output: output, watch: [content], port: port),
            rebuild: {
                let report = try Pipeline(content: DiskContentReader(root: content), theme: DiskContentReader(root: theme),
                                          checker: try Pipeline.bundledChecker()).render()
                if inMemory {
                    files.replace(with: Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.data) }))
                } else {
                    try OutputWriter(output: output).write(report.files)
                }
                return "built \(report.files.count) files"
            },
            log: { _ in })
        let url = try await server.start()
        addTeardownBlock { await server.stop() }
        return UInt16(try XCTUnwrap(url.port))
    }

    private func events(port: UInt16) throws -> RawHTTPConnection {
        let connection = try RawHTTPConnection(port: port)
        try connection.send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        XCTAssertTrue(connection.waitFor(": connected"), connection.receivedText)
        XCTAssertTrue(connection.receivedText.contains("Content-Type: text/event-stream"), connection.receivedText)
        return connection
    }

    func testAChangeRebuildsAndTellsPagesToReload() async throws {
        try await assertAChangeRebuildsAndTellsPagesToReload(inMemory: false)
    }

    func testAChangeRebuildsTheSiteInMemoryAndTellsPagesToReload() async throws {
        try await assertAChangeRebuildsAndTellsPagesToReload(inMemory: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing is written")
    }

    private func assertAChangeRebuildsAndTellsPagesToReload(inMemory: Bool) async throws {
        let port = try await startServer(inMemory: inMemory)
        let before = try RawHTTPResponse.get("/tools/alpha/", port: port)
        XCTAssertEqual(before.status, 200)
        XCTAssertTrue(before.body.contains("First version."))
        XCTAssertTrue(before.body.contains(LiveReload.eventsPath), "served pages carry the script")
        if !inMemory {
            let built = try String(contentsOf: output.appendingPathComponent("tools/alpha/index.html"), encoding: .utf8)
            XCTAssertFalse(built.contains(LiveReload.eventsPath), "built files do not")
        }
        XCTAssertEqual(try RawHTTPResponse.get("/tools/alpha", port: port).status, 301)
        XCTAssertEqual(try RawHTTPResponse.get("/tools/missing/", port: port).status, 404)

        let stream = try events(port: port)
        try Data("# Alpha\n\nSecond version.\n".utf8).write(to: page)
        XCTAssertTrue(stream.waitFor("event: reload\ndata: built "), stream.receivedText)
        XCTAssertTrue(try RawHTTPResponse.get("/tools/alpha/", port: port).body.contains("Second version."))
    }

    func testABuildErrorIsSentAndTheLastGoodSiteStaysServed() async throws {
        try await assertABuildErrorIsSentAndTheLastGoodSiteStaysServed(inMemory: false)
    }

    func testABuildErrorIsSentAndTheLastGoodSiteStaysServedFromMemory() async throws {
        try await assertABuildErrorIsSentAndTheLastGoodSiteStaysServed(inMemory: true)
    }

    private func assertABuildErrorIsSentAndTheLastGoodSiteStaysServed(inMemory: Bool) async throws {
        let port = try await startServer(inMemory: inMemory)
        let stream = try events(port: port)
        try Data("---\ntool: [unclosed\n---\n# Alpha\n\nBroken version.\n".utf8).write(to: page)
        XCTAssertTrue(stream.waitFor("event: build-error\ndata: tools/alpha.md:"), stream.receivedText)
        XCTAssertFalse(stream.receivedText.contains("event: reload"))

        let served = try RawHTTPResponse.get("/tools/alpha/", port: port)
        XCTAssertEqual(served.status, 200)
        XCTAssertTrue(served.body.contains("First version."), "the last good build is still served")

        // A page opened now learns of the error at once; fixing the content reloads it.
        let later = try events(port: port)
        XCTAssertTrue(later.receivedText.contains("event: build-error"), later.receivedText)
        try Data("# Alpha\n\nFixed version.\n".utf8).write(to: page)
        XCTAssertTrue(later.waitFor("event: reload"), later.receivedText)
        XCTAssertTrue(try RawHTTPResponse.get("/tools/alpha/", port: port).body.contains("Fixed version."))
    }

    func testATakenPortIsAnErrorNotAHang() async throws {
        let port = try await startServer()
        let start = Date()
        do {
            _ = try await startServer(port: port)
            XCTFail("a second server on port \(port) started")
        } catch {
            XCTAssertTrue("\(error)".contains("cannot listen on 127.0.0.1:\(port)"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 4)
    }

    func testTheOutputMustNotBeInsideAWatchedFolder() async throws {
        let server = DevServer(configuration: .init(output: content.appendingPathComponent("site"), watch: [content], port: 0),
                               rebuild: { "" }, log: { _ in })
        do {
            _ = try await server.start()
            await server.stop()
            XCTFail("started with its output inside the content")
        } catch {
            XCTAssertTrue("\(error)".contains("must be apart"), "\(error)")
        }
    }
}
