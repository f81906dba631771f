import Foundation
import XCTest
@testable import PermDocsCLI
import PermDocsTestSupport

/// `permdocs init`: a starter site that builds as it is, never written over anything.
final class InitCommandTests: XCTestCase {
    private var permdocs: PermDocsProcess!
    private var folder: URL!

    override func setUpWithError() throws {
        permdocs = try PermDocsProcess.built()
        folder = try PermDocsProcess.temporaryFolder("init")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func testInitWritesTheStarterFilesAsCommitted() throws {
        let outcome = try permdocs.run(["init", "docs/site"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("next: cd docs/site && permdocs build"), outcome.stdout)
        let starter = TestSupport.packageRoot.appendingPathComponent("Sources/PermDocsCLI/Starter")
        for path in [".gitignore", "Content/site.yml", "Content/tools/example-tool.md"] {
            XCTAssertEqual(try text("docs/site/" + path), try String(contentsOf: starter.appendingPathComponent(path), encoding: .utf8), path)
        }
        XCTAssertEqual(Init.starterFiles.files.map(\.path), [".gitignore", "Content/site.yml", "Content/tools/example-tool.md"])
        XCTAssertTrue(try text("docs/site/Content/site.yml").contains("# tools:"), "site.yml shows the optional keys, commented")
    }

    func testTheStarterSiteBuildsAndChecksWithNoFlag() throws {
        XCTAssertEqual(try permdocs.run(["init"], in: folder).status, 0)
        let build = try permdocs.run(["build"], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(try text("public/index.html").contains("Example Backup Tool"))
        XCTAssertTrue(try text("public/tools/example-tool/index.html").contains("s3:GetObject"))
        let check = try permdocs.run(["check"], in: folder)
        XCTAssertEqual(check.status, 0, check.stdout)
        XCTAssertTrue(check.stdout.hasPrefix("0 errors, 0 security warnings, 0 warnings, 0 suggestions"), check.stdout)
    }

    func testInitRefusesToOverwriteAndWritesNothing() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try "title: Mine\n".write(to: folder.appendingPathComponent("Content/site.yml"), atomically: true, encoding: .utf8)
        let outcome = try permdocs.run(["init"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("would overwrite 1 file (Content/site.yml); nothing was written"), outcome.stderr)
        XCTAssertEqual(try text("Content/site.yml"), "title: Mine\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitignore").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Content/tools").path))
    }

    func testInitIntoAFileIsAnError() throws {
        try "x".write(to: folder.appendingPathComponent("taken"), atomically: true, encoding: .utf8)
        let outcome = try permdocs.run(["init", "taken"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("error: cannot write the file"), outcome.stderr)
    }
}

/// `permdocs theme export`: the built-in theme as files, the same site from either.
final class ThemeExportTests: XCTestCase {
    func testExportWritesThemesDefaultAndBuildsTheSameSite() throws {
        let permdocs = try PermDocsProcess.built()
        let folder = try PermDocsProcess.temporaryFolder("theme")
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try permdocs.run(["init"], in: folder).status, 0)
        let export = try permdocs.run(["theme", "export", "mine"], in: folder)
        XCTAssertEqual(export.status, 0, export.stderr)

        let source = TestSupport.packageRoot.appendingPathComponent("Themes/default")
        let sourceFiles = try SiteFolders.files(below: source)
        XCTAssertEqual(try SiteFolders.files(below: folder.appendingPathComponent("mine")), sourceFiles)
        for path in sourceFiles {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("mine/" + path)), try Data(contentsOf: source.appendingPathComponent(path)), path)
        }

        XCTAssertEqual(try permdocs.run(["build", "-o", "built-in"], in: folder).status, 0)
        XCTAssertEqual(try permdocs.run(["build", "-t", "mine", "-o", "exported"], in: folder).status, 0)
        try SiteFolders.assertSame(folder.appendingPathComponent("built-in"), folder.appendingPathComponent("exported"))

        let again = try permdocs.run(["theme", "export", "mine"], in: folder)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("nothing was written"), again.stderr)
    }
}
