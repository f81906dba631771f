import Foundation
import XCTest
import PermDocsTestSupport

/// The README's shell CI recipe, run as written on a site made by `permdocs init`.
final class CIRecipeTests: XCTestCase {
    /// The shell block after `<!-- ci-shell -->` in README.md.
    static func recipe() throws -> String {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = try XCTUnwrap(readme.range(of: "<!-- ci-shell -->\n```sh\n"), "README.md has no <!-- ci-shell --> block")
        let end = try XCTUnwrap(readme.range(of: "\n```", range: marker.upperBound..<readme.endIndex))
        return String(readme[marker.upperBound..<end.lowerBound]) + "\n"
    }

    func testTheShellRecipeChecksBuildsAndPublishes() throws {
        let permdocs = try PermDocsProcess.built()
        let folder = try PermDocsProcess.temporaryFolder("ci")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site"), home = folder.appendingPathComponent("home")
        let published = folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        XCTAssertEqual(try permdocs.run(["init"], in: site).status, 0)

        let script = try Self.recipe()
        XCTAssertTrue(script.contains("permdocs check") && script.contains("permdocs build"), script)
        let environment: [String: String?] = [
            "HOME": home.path, "PERMDOCS_BINARY": permdocs.executable.path, "PUBLISH_DIR": published.path,
            "PATH": "/usr/bin:/bin",
        ]
        let run = try PermDocsProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: site, environment: environment)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: home.appendingPathComponent(".local/bin/permdocs").path), "installed")
        let sarif = try String(contentsOf: site.appendingPathComponent("permdocs.sarif"), encoding: .utf8)
        XCTAssertTrue(sarif.contains("\"version\" : \"2.1.0\"") || sarif.contains("\"version\":\"2.1.0\""), sarif)
        try SiteFolders.assertSame(site.appendingPathComponent("public"), published)

        // A guide with an error fails the job at the check, before anything is published.
        try FileManager.default.removeItem(at: published)
        try "# Broken\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObjectt\", \"Resource\": \"*\"}]}\n```\n"
            .write(to: site.appendingPathComponent("Content/tools/broken.md"), atomically: true, encoding: .utf8)
        let failing = try PermDocsProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: site, environment: environment)
        XCTAssertEqual(failing.status, 1, failing.stdout + failing.stderr)
        XCTAssertTrue(failing.stdout.contains("[unknown-action]"), failing.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: published.path), "nothing published")
    }
}
