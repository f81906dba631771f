import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `permdocs serve` as a person runs it: a process, stopped with Ctrl-C (SIGINT) while
/// hostile clients hold connections. It must be gone within a second.
///
/// Runs the `permdocs` built beside the test bundle (or `PERMDOCS_BINARY`, e.g. an older
/// build to compare with), and skips when there is none.
final class ServeInterruptTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-sigint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Content/tools"), withIntermediateDirectories: true)
        try Data("title: Test site\n".utf8).write(to: dir.appendingPathComponent("Content/site.yml"))
        try Data("# Alpha\n\nA page.\n".utf8).write(to: dir.appendingPathComponent("Content/tools/alpha.md"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func binary() throws -> URL {
        if let given = ProcessInfo.processInfo.environment["PERMDOCS_BINARY"] { return URL(fileURLWithPath: given) }
        // The test bundle is built into the same folder as the products.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("permdocs")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("no permdocs executable beside \(products.path) (build it with `swift build --build-tests`)")
    }

    func testCtrlCStopsServeWithinASecondWhileHostileClientsAreConnected() async throws {
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes/default")
        let process = Process()
        process.executableURL = try binary()
        process.arguments = ["serve", "--content", dir.appendingPathComponent("Content").path, "--theme", theme.path,
                             "--output", dir.appendingPathComponent("out").path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        addTeardownBlock { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let port = try await ClientThreads.one { () -> Result<UInt16, RawHTTPConnection.Failure> in
            Self.listeningPort(in: output.fileHandleForReading)
        }.get()

        // Hostile clients, left connected: a 1 MB request line that is still arriving, a
        // client trickling a header, and a page holding its live-reload stream.
        let hostile = try await ClientThreads.one { () -> Result<[RawHTTPConnection], RawHTTPConnection.Failure> in
            do {
                let long = try RawHTTPConnection(port: port)
                try? long.send(bytes: Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20))
                let trickle = try RawHTTPConnection(port: port)
                try trickle.send("GET / HTTP/1.1\r\nX-Slow: a")
                let stream = try RawHTTPConnection(port: port)
                try stream.send("GET /_permdocs/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                _ = stream.waitFor(": connected")
                return .success([long, trickle, stream])
            } catch {
                return .failure(error as? RawHTTPConnection.Failure ?? .init(description: "\(error)"))
            }
        }.get()
        XCTAssertEqual(hostile.count, 3)

        let signalled = Date()
        process.interrupt()
        let exited = await ClientThreads.one { () -> Bool in
            while process.isRunning, Date().timeIntervalSince(signalled) < 5 { Thread.sleep(forTimeInterval: 0.01) }
            return !process.isRunning
        }
        let elapsed = Date().timeIntervalSince(signalled)
        XCTAssertTrue(exited, "serve still running 5 s after SIGINT")
        XCTAssertLessThan(elapsed, 1, "serve took \(elapsed) s to stop after SIGINT")
        if exited {
            XCTAssertEqual(process.terminationStatus, 0, "stopped by itself, not by the one-second deadline")
        }
    }

    /// Reads serve's output until it says where it listens.
    private static func listeningPort(in handle: FileHandle) -> Result<UInt16, RawHTTPConnection.Failure> {
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                let port = text[range].dropFirst("127.0.0.1:".count).dropLast()
                if let port = UInt16(port) { return .success(port) }
            }
        }
        return .failure(.init(description: "serve did not say where it listens: \(text.debugDescription)"))
    }
}
