import Foundation
import XCTest
@testable import PermDocsServer

/// A bounded load on loopback: many requests over kept-alive connections while many pages
/// hold live-reload streams. Fixed counts, every read with a deadline: it ends by itself.
final class ServerLoadTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data("<html><body><h1>Home</h1></body></html>".utf8).write(to: dir.appendingPathComponent("site/index.html"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testAThousandRequestsOverFiftyConnectionsWithTwoHundredLiveReloadStreams() async throws {
        let (connections, requestsEach, streamCount) = (50, 20, 200)
        let (server, port) = try await startServer()
        let start = Date()

        // The pages: each holds an event stream for the whole test.
        let streams = await openStreams(streamCount, port: port)
        XCTAssertEqual(streams.count, streamCount, "every page got its stream")

        // The requests: each connection asks for a page and a missing one in turn, kept alive.
        let results = await ClientThreads.run(connections) { _ -> [Int] in
            guard let connection = try? RawHTTPConnection(port: port) else { return [] }
            var statuses: [Int] = []
            for index in 0..<requestsEach {
                let path = index.isMultiple(of: 2) ? "/" : "/missing-\(index)"
                guard (try? connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) != nil,
                      let response = try? connection.nextResponse(seconds: 10)
                else { break }
                statuses.append(response.status == 200 && !response.body.contains("Home") ? -1 : response.status)
            }
            return statuses
        }
        let statuses = results.flatMap { $0 }
        XCTAssertEqual(statuses.count, connections * requestsEach, "every request was answered")
        XCTAssertEqual(statuses.filter { $0 == 200 }.count, connections * requestsEach / 2)
        XCTAssertEqual(statuses.filter { $0 == 404 }.count, connections * requestsEach / 2)

        // And every page still hears a rebuild.
        let reloaded = await reloadHeard(by: streams, from: server)
        XCTAssertEqual(reloaded, streamCount)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "bounded in time")
    }

    /// The counts: a thousand requests at once (each on its own connection, all
    /// open together), then a thousand pages holding live-reload streams that all hear a
    /// rebuild. In two phases, since the server holds at most 1,024 connections.
    func testAThousandConcurrentRequestsThenAThousandLiveReloadStreams() async throws {
        let count = 1_000
        let (server, port) = try await startServer()
        let start = Date()

        // Every thread connects, then all send together once every connection is open.
        let ready = DispatchGroup()
        for _ in 0..<count { ready.enter() }
        let statuses = await ClientThreads.run(count) { _ -> Int in
            let connection = try? RawHTTPConnection(port: port)
            ready.leave()
            guard let connection, ready.wait(timeout: .now() + 30) == .success,
                  (try? connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) != nil,
                  let response = try? connection.nextResponse(seconds: 30)
            else { return -1 }
            return response.status
        }
        XCTAssertEqual(statuses.filter { $0 == 200 }.count, count, "every concurrent request was answered")

        let streams = await openStreams(count, port: port)
        XCTAssertEqual(streams.count, count, "every page got its stream")
        let reloaded = await reloadHeard(by: streams, from: server)
        XCTAssertEqual(reloaded, count)
        XCTAssertLessThan(Date().timeIntervalSince(start), 90, "bounded in time")
    }

    /// Opens `count` live-reload streams one after another, each waiting for its greeting.
    private func openStreams(_ count: Int, port: UInt16) async -> [RawHTTPConnection] {
        await ClientThreads.one { () -> [RawHTTPConnection] in
            (0..<count).compactMap { _ in
                guard let stream = try? RawHTTPConnection(port: port),
                      (try? stream.send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) != nil,
                      stream.waitFor(": connected")
                else { return nil }
                return stream
            }
        }
    }

    /// Sends a reload and counts the streams that hear it.
    private func reloadHeard(by streams: [RawHTTPConnection], from server: DevServer) async -> Int {
        server.liveReload.send(.reload("after the load"))
        return await ClientThreads.one { streams.filter { $0.waitFor("event: reload\ndata: after the load") }.count }
    }

    /// A server over the test's site with nothing to rebuild, stopped after the test.
    private func startServer() async throws -> (DevServer, UInt16) {
        let server = DevServer(
            configuration: .init(output: dir.appendingPathComponent("site"), watch: [dir.appendingPathComponent("src")], port: 0),
            rebuild: { "nothing to build" }, log: { _ in })
        let url = try await server.start()
        addTeardownBlock { await server.stop() }
        return (server, UInt16(try XCTUnwrap(url.port)))
    }
}
