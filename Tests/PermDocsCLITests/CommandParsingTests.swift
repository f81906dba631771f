import ArgumentParser
import Foundation
import XCTest
@testable import PermDocsCLI
import PermDocsTestSupport

/// The commands parsed and run in process, as `permdocs` runs them.
final class CommandParsingTests: XCTestCase {
    func testBuildIsTheDefaultCommandAndTakesItsOptions() throws {
        let command = try PermDocsCommand.parseAsRoot(["--content", "docs", "--output", "site", "--fail-on", "security", "--jobs", "3"])
        let build = try XCTUnwrap(command as? Build)
        XCTAssertEqual(build.source.content, "docs")
        XCTAssertEqual(build.output, "site")
        XCTAssertEqual(build.failOn, .securityWarning)
        XCTAssertEqual(build.jobs, 3)
    }

    func testCheckTakesFormatAndSeverity() throws {
        let check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "--format", "sarif", "--fail-on", "warning"]) as? Check)
        XCTAssertEqual(check.format, .sarif)
        XCTAssertEqual(check.failOn, .warning)
        XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["check", "--format", "xml"]))
        XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["check", "--fail-on", "fatal"]))
    }

    func testCheckExitsTwoWhenTheContentFolderIsMissing() throws {
        var check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "--content", "/nonexistent-\(UUID().uuidString)"]) as? Check)
        XCTAssertThrowsError(try check.run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2)
        }
    }

    func testCheckExitsOneOnTheSeedSiteErrors() throws {
        // The seed guides carry mis-typed action names (unknown-action errors).
        let content = TestSupport.packageRoot.appendingPathComponent("Content").path
        var check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "--content", content, "--format", "json"]) as? Check)
        XCTAssertThrowsError(try check.run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 1)
        }
    }
}
