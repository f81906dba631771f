import Foundation
import XCTest

/// `check` and `build` refuse the same oversize input with the same
/// positioned error (README, "Limits"), run as a user runs them.
final class LimitsAgreementTests: XCTestCase {
    private var permdocs: PermDocsProcess!
    private var folder: URL!

    override func setUpWithError() throws {
        permdocs = try PermDocsProcess.built()
        permdocs.environment = ["NO_COLOR": "1"]
        folder = try PermDocsProcess.temporaryFolder("limits")
        try write("Content/site.yml", "title: Limits\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A 9 MiB guide: both stop at once with exit 2 and the file, line and column where 8 MiB is passed.
    func testOversizeGuideIsRefusedAlikeWithItsPosition() throws {
        let line = String(repeating: "y", count: 1023) + "\n"
        try write("Content/tools/big.md", "# Big\n" + String(repeating: line, count: 9 * 1024))
        let check = try permdocs.run(["check"], in: folder)
        let build = try permdocs.run(["build"], in: folder)
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertEqual(build.status, 2, build.stderr)
        let expected = "tools/big.md:8193:1019: error: file is \(6 + 9 * 1024 * 1024) bytes"
        XCTAssertTrue(check.stderr.contains(expected), check.stderr)
        XCTAssertTrue(build.stderr.contains(expected), build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path), "nothing written")
    }

    /// An action name of 10,000 characters: the same one finding in both, at the name.
    func testOverlongActionNameIsTheSameFindingInCheckAndBuild() throws {
        let name = "s3:" + String(repeating: "B", count: 9_997)
        try write("Content/tools/t.md", "# T\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",\n \"Action\": \"\(name)\", \"Resource\": \"*\"}]}\n```\n")
        let check = try permdocs.run(["check"], in: folder)
        let build = try permdocs.run(["build"], in: folder)
        let finding = "tools/t.md:5:12: error: action name is 10000 characters; at most 256 are read"
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue((check.stdout + check.stderr).contains(finding), check.stdout + check.stderr)
        XCTAssertTrue((build.stdout + build.stderr).contains(finding), build.stdout + build.stderr)
        XCTAssertFalse((check.stdout + check.stderr + build.stdout + build.stderr).contains(String(repeating: "B", count: 300)), "the name is not printed")
    }
}
