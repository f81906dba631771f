import Foundation
import XCTest
@testable import PermDocsServer

/// Clients that try to pin the development server, over real loopback HTTP: oversized
/// request lines and headers, trickled bytes, too many connections, hidden files. Each case
/// also checks that an ordinary client is served meanwhile.
final class HostileClientTests: XCTestCase {
    private var dir: URL!
    private var site: URL { dir.appendingPathComponent("site") }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-hostile-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: site.appendingPathComponent("tools/.hidden"), withIntermediateDirectories: true)
        try fm.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("src"), withIntermediateDirectories: true)
        try write("<html><body><h1>Home</h1></body></html>", "index.html")
        // What OutputWriter leaves in the output folder, and hidden files a tool might.
        try write("{\"index.html\": \"0123abcd\"}", ".permdocs-manifest")
        try write("SECRET=1", ".env")
        try write("[core]", ".git/config")
        try write("<p>hidden</p>", "tools/.hidden/index.html")
        try write("<p>hidden</p>", "tools/.draft.html")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: site.appendingPathComponent(path))
    }

    /// A DevServer over the site already in place.
    private func startServer(limits: HTTPLimits = HTTPLimits()) async throws -> (DevServer, UInt16) {
        let server = DevServer(
            configuration: .init(output: site, watch: [dir.appendingPathComponent("src")], port: 0, limits: limits),
            rebuild: { "nothing to build" }, log: { _ in })
        let url = try await server.start()
        addTeardownBlock { await server.stop() }
        return (server, UInt16(try XCTUnwrap(url.port)))
    }

    /// What one blocking client saw.
    private struct Outcome: Sendable {
        var status: Int?
        /// Seconds from the first byte sent to the first byte of the answer.
        var answeredAfter: TimeInterval?
        var closedByServer = false
        var text = ""
    }

    /// Sends `bytes` (as much as the server takes), then reads until the server closes.
    private static func send(_ bytes: [UInt8], port: UInt16, readFor seconds: TimeInterval = 5) -> Outcome {
        guard let connection = try? RawHTTPConnection(port: port) else { return Outcome() }
        let start = Date()
        try? connection.send(bytes: bytes)
        var outcome = Outcome()
        connection.read(for: seconds) { data in
            if outcome.answeredAfter == nil, !data.isEmpty { outcome.answeredAfter = Date().timeIntervalSince(start) }
            return false
        }
        outcome.closedByServer = connection.isClosedByServer
        outcome.text = connection.receivedText
        outcome.status = (try? RawHTTPResponse.parse(outcome.text))?.status
        return outcome
    }

    /// An ordinary page request, and how long it took.
    private static func ordinaryRequest(port: UInt16) -> Outcome {
        let start = Date()
        let response = try? RawHTTPResponse.get("/", port: port)
        return Outcome(status: response?.status, answeredAfter: Date().timeIntervalSince(start),
                       text: response?.body ?? "")
    }

    // MARK: sizes

    func testAnOversizedRequestLineIsAnswered414AtOnceWhileOthersAreServed() async throws {
        let (_, port) = try await startServer()
        let line = Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + Array(" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        let outcomes = await ClientThreads.run(3) { index -> Outcome in
            if index < 2 { return Self.send(line, port: port) }
            Thread.sleep(forTimeInterval: 0.05)  // while the two long lines are being sent
            return Self.ordinaryRequest(port: port)
        }
        for hostile in outcomes.prefix(2) {
            XCTAssertEqual(hostile.status, 414, hostile.text)
            XCTAssertLessThan(hostile.answeredAfter ?? .infinity, 1, "answered at once, not after reading the whole line")
            XCTAssertTrue(hostile.closedByServer, "the connection is closed after the answer")
        }
        XCTAssertEqual(outcomes[2].status, 200)
        XCTAssertLessThan(outcomes[2].answeredAfter ?? .infinity, 1, "an ordinary page is served meanwhile")
    }

    func testOversizedHeadersAreAnswered431AtOnceWhileOthersAreServed() async throws {
        let (_, port) = try await startServer()
        // Two 256 KB headers, as the issue's attack sent them.
        let big = String(repeating: "b", count: 256 * 1024)
        let request = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-One: \(big)\r\nX-Two: \(big)\r\n\r\n".utf8)
        let outcomes = await ClientThreads.run(3) { index -> Outcome in
            if index < 2 { return Self.send(request, port: port) }
            Thread.sleep(forTimeInterval: 0.05)
            return Self.ordinaryRequest(port: port)
        }
        for hostile in outcomes.prefix(2) {
            XCTAssertEqual(hostile.status, 431, hostile.text)
            XCTAssertLessThan(hostile.answeredAfter ?? .infinity, 1)
            XCTAssertTrue(hostile.closedByServer)
        }
        XCTAssertEqual(outcomes[2].status, 200)
        XCTAssertLessThan(outcomes[2].answeredAfter ?? .infinity, 1, "an ordinary page is served meanwhile")
    }

    func testTooManyHeaderFieldsAreAnswered431() async throws {
        let (_, port) = try await startServer()
        let fields = (0..<500).map { "X-Field-\($0): v\r\n" }.joined()
        let outcome = await ClientThreads.one { Self.send(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(fields)\r\n".utf8), port: port) }
        XCTAssertEqual(outcome.status, 431, outcome.text)
        XCTAssertTrue(outcome.closedByServer)
    }

    func testHeadsJustWithinTheLimitsAreServed() async throws {
        let limits = HTTPLimits()
        let (_, port) = try await startServer()
        let target = "/?" + String(repeating: "q", count: limits.maxRequestLineBytes - "GET /? HTTP/1.1".count)
        let cookie = String(repeating: "c", count: limits.maxHeaderBytes - 1024)
        let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nConnection: close\r\n\r\n"
        let outcome = await ClientThreads.one { Self.send(Array(request.utf8), port: port) }
        XCTAssertEqual(outcome.status, 200, String(outcome.text.prefix(200)))
    }

    // MARK: time

    func testATricklingClientIsDroppedAfterTheHeadTimeout() async throws {
        let (_, port) = try await startServer(limits: HTTPLimits(headTimeout: .seconds(1)))
        let outcomes = await ClientThreads.run(3) { index -> Outcome in
            switch index {
            case 0:
                // One byte every 100 ms, for up to 5 s: the head would never end.
                guard let connection = try? RawHTTPConnection(port: port) else { return Outcome() }
                let start = Date()
                try? connection.send("GET / HTTP/1.1\r\nX-Slow: ")
                while Date().timeIntervalSince(start) < 5 {
                    if (try? connection.send("a")) == nil { break }
                    if connection.waitForClose(seconds: 0.1) { break }
                }
                return Outcome(answeredAfter: Date().timeIntervalSince(start), closedByServer: connection.isClosedByServer)
            case 1:
                // Connects and sends nothing at all.
                guard let connection = try? RawHTTPConnection(port: port) else { return Outcome() }
                let start = Date()
                let closed = connection.waitForClose(seconds: 5)
                return Outcome(answeredAfter: Date().timeIntervalSince(start), closedByServer: closed)
            default:
                Thread.sleep(forTimeInterval: 0.3)
                return Self.ordinaryRequest(port: port)
            }
        }
        for (name, slow) in [("trickling", outcomes[0]), ("silent", outcomes[1])] {
            let after = slow.answeredAfter ?? .infinity
            XCTAssertTrue(after >= 0.9 && after < 2.5, "\(name) client dropped after \(after) s, expected about 1 s")
        }
        XCTAssertTrue(outcomes[1].closedByServer, "the silent client's connection was closed")
        XCTAssertEqual(outcomes[2].status, 200)
        XCTAssertLessThan(outcomes[2].answeredAfter ?? .infinity, 1)
    }

    // MARK: connections

    func testConnectionsPastTheCapAreRefusedWith503() async throws {
        let (_, port) = try await startServer(limits: HTTPLimits(maxConnections: 4))
        var idle = try (0..<4).map { _ in try RawHTTPConnection(port: port) }
        try await Task.sleep(for: .milliseconds(300))  // all four accepted, each waiting for a head

        let refused = await ClientThreads.one { Self.ordinaryRequest(port: port) }
        XCTAssertEqual(refused.status, 503, "a fifth connection is refused: \(refused.text)")

        idle.removeFirst()  // closes it, which makes room
        try await Task.sleep(for: .milliseconds(300))
        let served = await ClientThreads.one { Self.ordinaryRequest(port: port) }
        XCTAssertEqual(served.status, 200)
        XCTAssertEqual(idle.count, 3)
    }

    // MARK: what is served

    func testTheManifestAndDotfilesAreNotServed() async throws {
        let (_, port) = try await startServer()
        let outcomes = await ClientThreads.one { () -> [String: Int] in
            var statuses: [String: Int] = [:]
            for path in ["/index.html", "/.permdocs-manifest", "/%2epermdocs-manifest", "/.env", "/.git/config",
                         "/tools/.hidden/", "/tools/.hidden/index.html", "/tools/.draft.html", "/tools/%2Edraft.html"] {
                statuses[path] = (try? RawHTTPResponse.get(path, port: port))?.status ?? 0
            }
            return statuses
        }
        XCTAssertEqual(outcomes["/index.html"], 200, "the control: the site itself is served")
        for (path, status) in outcomes where path != "/index.html" {
            XCTAssertEqual(status, 404, path)
        }
    }

    func testKeptAliveAndPipelinedRequestsAreAnsweredInOrder() async throws {
        let (_, port) = try await startServer()
        let statuses = await ClientThreads.one { () -> [String] in
            guard let connection = try? RawHTTPConnection(port: port) else { return [] }
            // Three requests in one write; the HEAD answer has the GET's length and no body.
            let request = "GET / HTTP/1.1\r\nHost: x\r\n\r\nHEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
            guard (try? connection.send(request)) != nil,
                  let get = try? connection.nextResponse(),
                  let head = try? connection.nextResponse(toHead: true),
                  let missing = try? connection.nextResponse()
            else { return ["no answer: \(connection.receivedText)"] }
            return ["\(get.status) \(get.body.contains("Home"))",
                    "\(head.status) \(head.headers["content-length"] == get.headers["content-length"]) \(head.body.isEmpty)",
                    "\(missing.status)"]
        }
        XCTAssertEqual(statuses, ["200 true", "200 true true", "404"])
    }
}
