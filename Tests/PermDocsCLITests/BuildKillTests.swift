import Foundation
import XCTest

/// A build killed at the swap leaves a whole site, the old one, never none;
/// the next build removes what the killed one left and says so.
final class BuildKillTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("content/tools"), withIntermediateDirectories: true)
        try Data("title: Kill test\n".utf8).write(to: dir.appendingPathComponent("content/site.yml"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func guide(_ name: String) throws {
        try Data("# \(name)\n\nA guide.\n".utf8).write(to: dir.appendingPathComponent("content/tools/a.md"))
    }

    private func page() throws -> String {
        try String(contentsOf: dir.appendingPathComponent("public/tools/a/index.html"), encoding: .utf8)
    }

    /// The process's state letter from /proc (`T` when stopped).
    private func state(_ pid: Int32) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(close, offsetBy: 2)...].first
    }

    func testKillingABuildAtTheSwapLeavesTheOldSiteAndTheNextBuildCleansUp() throws {
        let permdocs = try PermDocsProcess.built()
        let arguments = ["build", "-c", "content", "-o", "public", "--quiet"]
        try guide("Alpha")
        XCTAssertEqual(try permdocs.run(arguments, in: dir).status, 0)
        XCTAssertTrue(try page().contains("Alpha"))

        // The second build stops itself just before the swap; it is killed there.
        try guide("Beta")
        let process = Process()
        process.executableURL = permdocs.executable
        process.arguments = arguments
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["PERMDOCS_TEST_STOP_BEFORE_SWAP"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let deadline = Date().addingTimeInterval(120)
        while state(pid) != "T" && process.isRunning && Date() < deadline { usleep(20_000) }
        XCTAssertEqual(state(pid), "T", "the build stopped at the swap")
        let staging = dir.appendingPathComponent(".public.staging-\(pid)")
        XCTAssertTrue(try String(contentsOf: staging.appendingPathComponent("tools/a/index.html"), encoding: .utf8).contains("Beta"), "the new site is staged whole")
        kill(pid, SIGKILL)
        process.waitUntilExit()

        XCTAssertTrue(try page().contains("Alpha"), "the old site is whole after the kill")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("public/.permdocs-manifest").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: staging.path), "the killed build's staging folder is left")

        // The next build swaps in the new site and removes the dead build's folder, saying so.
        let next = try permdocs.run(["build", "-c", "content", "-o", "public"], in: dir)
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertTrue(try page().contains("Beta"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.path))
        XCTAssertTrue(next.stderr.contains("removed \(staging.path), left by a build that did not finish"), next.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [".public.lock", "content", "public"])
    }
}
