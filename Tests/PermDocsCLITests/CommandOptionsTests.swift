import ArgumentParser
import Foundation
import XCTest
@testable import PermDocsCLI

/// Options every command shares: short flags, --no-color, rejected combinations.
final class CommandOptionsTests: XCTestCase {
    func testShortFlagsAreTheLongOnes() throws {
        let build = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["build", "-c", "docs", "-o", "site", "-t", "theme"]) as? Build)
        XCTAssertEqual(build.source.content, "docs")
        XCTAssertEqual(build.output, "site")
        XCTAssertEqual(build.themeSource.theme, "theme")
        let check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "-c", "docs"]) as? Check)
        XCTAssertEqual(check.source.content, "docs")
        let policy = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["policy", "-c", "docs", "t"]) as? PolicyCommand)
        XCTAssertEqual(policy.source.content, "docs")
        let serve = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["serve", "-c", "docs", "-t", "theme", "-o", "out", "-p", "0"]) as? Serve)
        XCTAssertEqual([serve.source.content, serve.themeSource.theme, serve.output], ["docs", "theme", "out"])
        XCTAssertEqual(serve.port, 0)
    }

    func testServeChecksItsPortAndItsFolders() async throws {
        for port in ["-1", "65536", "99999"] {
            XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["serve", "--port", port]), port)
        }
        var serve = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["serve", "-c", "/nonexistent-\(UUID().uuidString)", "-p", "0"]) as? Serve)
        do {
            try await serve.run()
            XCTFail("serve ran without a content folder")
        } catch {
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2, "a missing content folder is unreadable content, as in build and check")
        }
    }

    func testWithoutThemeTheBuiltInThemeIsUsed() throws {
        let build = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["build"]) as? Build)
        XCTAssertNil(build.themeSource.theme)
        XCTAssertTrue(try build.themeSource.reader().fileExists("templates/layout.mustache"))
    }

    func testEveryCommandTakesNoColor() throws {
        for arguments in [["build"], ["check"], ["policy", "t"], ["serve"], ["rules"], ["init"], ["theme", "export", "x"], []] {
            XCTAssertNoThrow(try PermDocsCommand.parseAsRoot(arguments + ["--no-color"]), arguments.joined(separator: " "))
        }
    }

    func testNoColorAndNOCOLORTurnColourOff() throws {
        let plain = try ColorOptions.parse([]), noColor = try ColorOptions.parse(["--no-color"])
        XCTAssertTrue(plain.wantsColor(isTerminal: true, environment: [:]), "a terminal gets colour")
        XCTAssertTrue(plain.wantsColor(isTerminal: true, environment: ["NO_COLOR": ""]), "an empty NO_COLOR is unset")
        XCTAssertFalse(plain.wantsColor(isTerminal: false, environment: [:]), "a pipe or a file does not")
        XCTAssertFalse(noColor.wantsColor(isTerminal: true, environment: [:]))
        XCTAssertFalse(plain.wantsColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        let build = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["build", "--no-color"]) as? Build)
        XCTAssertFalse(build.colors.wantsColor(isTerminal: true, environment: [:]))
        let check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "--no-color"]) as? Check)
        XCTAssertFalse(check.colors.wantsColor(isTerminal: true, environment: [:]))
    }

    func testRejectedCombinationsAndValuesAreUsageErrors() {
        let cases: [([String], String)] = [
            (["build", "--quiet", "--verbose"], "--quiet and --verbose cannot be used together"),
            (["--verbose", "--quiet"], "--quiet and --verbose cannot be used together"),
            (["build", "--jobs", "-3"], "--jobs must be 1 or more (how many pages are analyzed at once), not -3"),
            (["build", "--jobs", "0"], "--jobs must be 1 or more (how many pages are analyzed at once), not 0"),
            (["policy", "--optional", "--grantee", "user", "t"], "--optional and --grantee cannot be used together"),
        ]
        for (arguments, message) in cases {
            XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(arguments), arguments.joined(separator: " ")) { error in
                XCTAssertEqual(PermDocsCommand.exitCode(for: error).rawValue, 64)
                XCTAssertEqual(PermDocsCommand.message(for: error), message)
            }
        }
        XCTAssertEqual((try? PermDocsCommand.parseAsRoot(["build", "--jobs", "2"]) as? Build)?.jobs, 2)
    }

    func testPortsAreCheckedWithAClearMessage() {
        XCTAssertNoThrow(try OptionValidation.port(0))
        XCTAssertNoThrow(try OptionValidation.port(65535))
        for port in [-1, 65536, 70000] {
            XCTAssertThrowsError(try OptionValidation.port(port)) { error in
                XCTAssertEqual((error as? ValidationError)?.message, "--port must be from 0 to 65535 (0 picks a free port), not \(port)")
            }
        }
    }

    func testHelpListsTheExitStatuses() {
        let help = PermDocsCommand.helpMessage()
        XCTAssertTrue(help.contains("Exit status (every command): 0 done; 1 findings at or above --fail-on"), help)
        XCTAssertTrue(help.contains("64 usage error"), help)
        for command: ParsableCommand.Type in [Build.self, Check.self, PolicyCommand.self, Init.self] {
            XCTAssertTrue(PermDocsCommand.helpMessage(for: command).contains("2 the content or theme cannot be read"), "\(command)")
        }
    }
}
