import Foundation
import XCTest

/// The exit statuses, run as a user runs permdocs: 0 done, 1 findings at or
/// above --fail-on or a failed build, 2 content or theme unreadable, 64 usage.
final class ExitStatusTests: XCTestCase {
    private var permdocs: PermDocsProcess!
    private var folder: URL!

    override func setUpWithError() throws {
        permdocs = try PermDocsProcess.built()
        permdocs.environment = ["NO_COLOR": "1"]
        folder = try PermDocsProcess.temporaryFolder("exit")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A site whose one guide names an action that does not exist (an error finding).
    private func writeSiteWithAnError() throws {
        try write("Content/site.yml", "title: Test\n")
        try write("Content/tools/t.md", """
            # T

            ```json
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjectt", "Resource": "*"}]}
            ```

            """)
    }

    private func assertStatus(_ expected: Int32, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> PermDocsProcess.Outcome {
        let outcome = try permdocs.run(arguments, in: folder)
        XCTAssertEqual(outcome.status, expected, "permdocs \(arguments.joined(separator: " ")): \(outcome.stderr)", file: file, line: line)
        return outcome
    }

    func testEveryCommandExitsZeroWhenAllIsWell() throws {
        _ = try assertStatus(0, ["init"])
        _ = try assertStatus(0, ["build"])
        _ = try assertStatus(0, ["check"])
        _ = try assertStatus(0, ["check", "--format", "sarif"])
        _ = try assertStatus(0, ["policy", "example-tool"])
        _ = try assertStatus(0, ["rules"])
        _ = try assertStatus(0, ["theme", "export", "my-theme"])
        _ = try assertStatus(0, ["--version"])
        _ = try assertStatus(0, ["--help"])
    }

    func testFindingsAtOrAboveFailOnExitOne() throws {
        // action-case is a suggestion: below the default --fail-on (error), at --fail-on suggestion.
        try write("Content/tools/t.md", """
            # T

            ```json
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:getobject", "Resource": "arn:aws:s3:::b/*"}]}
            ```

            """)
        _ = try assertStatus(0, ["check"])
        _ = try assertStatus(1, ["check", "--fail-on", "suggestion"])
        _ = try assertStatus(1, ["build", "--fail-on", "suggestion", "-o", "site"])
        _ = try assertStatus(0, ["build", "--fail-on", "warning", "-o", "site"])

        try writeSiteWithAnError()
        _ = try assertStatus(1, ["check"])
        let failed = try assertStatus(1, ["build", "--fail-on", "error"])
        XCTAssertTrue(failed.stderr.contains("build failed: findings at or above 'error'; nothing was written"), failed.stderr)
        XCTAssertFalse(failed.stderr.contains("public/"), "no message names a folder that is not there: \(failed.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))

        _ = try assertStatus(0, ["build"])
        let index = try Data(contentsOf: folder.appendingPathComponent("public/index.html"))
        let again = try assertStatus(1, ["build", "--fail-on", "error"])
        XCTAssertTrue(again.stderr.contains("public/ was left as it was"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("public/index.html")), index)
    }

    func testABuildThatCannotWriteExitsOne() throws {
        _ = try assertStatus(0, ["init"])
        try write("public", "a file where the site would go\n")
        let outcome = try assertStatus(1, ["build"])
        XCTAssertTrue(outcome.stderr.contains("build failed; public/ was left as it was"), outcome.stderr)
    }

    func testUnreadableContentOrThemeExitsTwo() throws {
        for command in [["build"], ["check"], ["policy", "t"], ["build", "-c", "nowhere"], ["check", "-c", "nowhere"]] {
            let outcome = try assertStatus(2, command)
            XCTAssertTrue(outcome.stderr.contains("no content folder here"), outcome.stderr)
        }
        try write("Content/site.yml", "title: [unclosed\n")
        try write("Content/tools/t.md", "# T\n")
        for command in [["build"], ["check"], ["policy", "t"]] {
            let outcome = try assertStatus(2, command)
            XCTAssertTrue(outcome.stderr.contains("Content/site.yml:"), outcome.stderr)
        }
        try write("Content/site.yml", "title: Fine\n")
        let missingTheme = try assertStatus(2, ["build", "--theme", "no-theme"])
        XCTAssertTrue(missingTheme.stderr.contains("no-theme: error: the theme folder does not exist"), missingTheme.stderr)
        XCTAssertTrue(missingTheme.stderr.contains("nothing was written"), missingTheme.stderr)
        _ = try assertStatus(0, ["theme", "export", "broken"])
        try write("broken/templates/index.mustache", "{{#unclosed}}\n")
        let brokenTheme = try assertStatus(2, ["build", "-t", "broken"])
        XCTAssertTrue(brokenTheme.stderr.contains("broken/templates/index.mustache:"), brokenTheme.stderr)
    }

    func testUsageErrorsExitSixtyFour() throws {
        _ = try assertStatus(0, ["init"])
        let cases: [(arguments: [String], message: String)] = [
            (["build", "--quiet", "--verbose"], "--quiet and --verbose cannot be used together"),
            (["build", "--jobs", "-3"], "--jobs must be 1 or more (how many pages are analyzed at once), not -3"),
            (["build", "--jobs", "0"], "--jobs must be 1 or more"),
            (["build", "--jobs", "many"], "The value 'many' is invalid for '--jobs <n>'"),
            (["policy", "--optional", "--grantee", "user", "example-tool"], "--optional and --grantee cannot be used together"),
            (["policy", "no-such-tool"], "no tool 'no-such-tool'"),
            (["check", "--format", "xml"], "xml"),
            (["build", "--no-such-option"], "--no-such-option"),
            (["init", "a", "b"], "b"),
        ]
        for (arguments, message) in cases {
            let outcome = try assertStatus(64, arguments)
            XCTAssertTrue(outcome.stderr.contains(message), "permdocs \(arguments.joined(separator: " ")): \(outcome.stderr)")
        }
    }
}
