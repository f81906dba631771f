import ArgumentParser
import Foundation
import XCTest
@testable import PermDocsCLI
import PermDocsTestSupport

/// `permdocs diff` over the commits of a temporary git repository
/// (`GuideHistory`): each step's report, the three formats in full,
/// `--fail-on-new`'s exit codes, and the errors for a missing revision or repository.
final class DiffCommandTests: XCTestCase {
    private static var made: Result<GuideHistory, Error>?

    /// The repository, made once for the class.
    private func history() throws -> GuideHistory {
        if Self.made == nil { Self.made = Result { try GuideHistory.make() } }
        return try Self.made!.get()
    }

    override class func tearDown() {
        if case .success(let history)? = made { try? FileManager.default.removeItem(at: history.root) }
        made = nil
        super.tearDown()
    }

    /// The report `permdocs diff arguments… -c <repository>/Content` prints, run in process.
    private func report(_ arguments: [String]) async throws -> String {
        let history = try history()
        let command = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["diff"] + arguments + ["-c", history.content.path, "--no-color"]) as? Diff)
        return try await command.report().0
    }

    /// The last line of a text report: its summary.
    private func summary(_ before: String, _ after: String) async throws -> String {
        try await report([before, after]).split(separator: "\n").last.map(String.init) ?? ""
    }

    func testEachStepReportsWhatItChanged() async throws {
        let expected: [(String, String, [String])] = [
            ("start", "add-action", ["  + ec2:CreateSnapshot (explicit)", "tools: 1 changed; actions: 1 added"]),
            ("add-action", "widen-resource", [
                "  ~ s3:GetObject: resources broadened: arn:aws:s3:::backup-bucket/* → *",
                "  ! new security warning: \"s3:GetObject\" reads data (s3:GetObject) on every resource: every bucket, table, secret or parameter in the account [data-access-any-resource] (tools/backup-tool.md:15)",
                "tools: 1 changed; resources: 1 broadened; findings: 1 (1 security warning) new",
            ]),
            // One pattern added, not an addition per action it covers; the named actions it now covers change how they are needed.
            ("widen-resource", "add-wildcard", [
                "  + ec2:Describe* (explicit)",
                "  ~ ec2:DescribeImages: coverage explicit → wildcard ec2:Describe*",
                "  ~ ec2:DescribeInstances: coverage explicit → wildcard ec2:Describe*",
                "tools: 1 changed; actions: 1 added, 2 needed differently",
            ]),
            ("add-wildcard", "move-to-optional", ["  ~ kms:Decrypt: requirement required → optional", "tools: 1 changed; actions: 1 needed differently"]),
            ("move-to-optional", "rename-file", ["Backup Tool (backup): renamed from backup-tool", "tools: 1 renamed"]),
            // The mis-cased name's own finding is new; its other finding, on the same action, is not.
            ("rename-file", "introduce-finding", [
                "  ! new suggestion: \"s3:Getobject\" is spelt \"s3:GetObject\" in the catalog; IAM ignores case, but readers and tools compare names [action-case] (tools/backup.md:15)",
                "tools: 1 changed; findings: 1 (1 suggestion) new",
            ]),
            ("introduce-finding", "fix-finding", [
                "  ✓ resolved suggestion: \"s3:Getobject\" is spelt \"s3:GetObject\" in the catalog; IAM ignores case, but readers and tools compare names [action-case] (tools/backup.md:15)",
                "tools: 1 changed; findings: 1 (1 suggestion) resolved",
            ]),
            // The policy moved down the page: its finding's line changed, nothing else.
            ("fix-finding", "move-text", ["no permission or finding changed"]),
        ]
        for (before, after, lines) in expected {
            let text = try await report([before, after])
            let printed = text.split(separator: "\n").map(String.init)
            for line in lines { XCTAssertTrue(printed.contains(line), "\(before) → \(after) lacks\n\(line)\nin\n\(text)") }
            // Nothing else changed: every line of a tool's section is one of the expected.
            let changes = printed.filter { $0.hasPrefix("  ") }
            XCTAssertEqual(changes.count, lines.filter { $0.hasPrefix("  ") }.count, "\(before) → \(after):\n\(text)")
        }
    }

    func testTextReportInFull() async throws {
        let text = try await report(["start", "move-text"])
        XCTAssertEqual(text, try TestSupport.fixture("diff/start-to-move-text.txt"))
    }

    func testMarkdownReportInFull() async throws {
        let markdown = try await report(["start", "move-text", "--format", "markdown"])
        XCTAssertEqual(markdown, try TestSupport.fixture("diff/start-to-move-text.md"))
    }

    func testJSONReportInFull() async throws {
        let json = try await report(["start", "move-text", "--format", "json"])
        XCTAssertEqual(json, try TestSupport.fixture("diff/start-to-move-text.json"))
    }

    func testTheWorkingTreeIsTheDefaultTarget() async throws {
        let history = try history()
        let againstFolder = try await summary("move-text", history.content.path)
        XCTAssertEqual(againstFolder, "no permission or finding changed")
        let againstWorkingTree = try await report(["move-text"])
        XCTAssertEqual(againstWorkingTree.split(separator: "\n").last, "no permission or finding changed")
        let (head, tagged) = (try await summary("start", "HEAD"), try await summary("start", "move-text"))
        XCTAssertEqual(head, tagged)
    }

    /// `--fail-on-new` exits 1 only for findings the change adds at or above
    /// the severity; the built executable is run as CI runs it.
    func testFailOnNewExitCodes() throws {
        let history = try history()
        let permdocs = try PermDocsProcess.built()
        func status(_ arguments: [String]) throws -> Int32 {
            try permdocs.run(["diff"] + arguments + ["-c", "Content", "--no-color"], in: history.root).status
        }
        // Widening s3:GetObject to * adds a security warning.
        XCTAssertEqual(try status(["add-action", "widen-resource"]), 0, "no --fail-on-new: reports only")
        XCTAssertEqual(try status(["add-action", "widen-resource", "--fail-on-new", "warning"]), 1)
        XCTAssertEqual(try status(["add-action", "widen-resource", "--fail-on-new", "security"]), 1)
        XCTAssertEqual(try status(["add-action", "widen-resource", "--fail-on-new", "error"]), 0)
        // A new suggestion is below every threshold the option takes.
        XCTAssertEqual(try status(["rename-file", "introduce-finding", "--fail-on-new", "warning"]), 0)
        // The old security warning is still there after the fix, but it is not new: old debt does not fail.
        XCTAssertEqual(try status(["introduce-finding", "fix-finding", "--fail-on-new", "security"]), 0)
        XCTAssertEqual(try status(["widen-resource", "move-text", "--fail-on-new", "security"]), 0)
        XCTAssertEqual(try status(["start", "move-text", "--fail-on-new", "security"]), 1)
        XCTAssertEqual(try status(["start", "move-text", "--format", "markdown", "--fail-on-new", "security"]), 1)
        XCTAssertEqual(try status(["start", "move-text", "--format", "json", "--fail-on-new", "error"]), 0)
        XCTAssertEqual(try status(["start", "--fail-on-new", "fatal"]), 64, "an unknown severity is a usage error")
    }

    func testMissingRevisionOrRepositoryIsAClearError() throws {
        let history = try history()
        let permdocs = try PermDocsProcess.built()
        let missing = try permdocs.run(["diff", "no-such-tag", "-c", "Content"], in: history.root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "error: no revision 'no-such-tag' in the git repository \(history.root.resolvingSymlinksInPath().path)\n")
        XCTAssertEqual(missing.stdout, "")

        let option = try permdocs.run(["diff", "-c", "Content", "--", "--output=x"], in: history.root)
        XCTAssertEqual(option.status, 2)
        XCTAssertEqual(option.stderr, "error: '--output=x' is not a revision (it starts with '-')\n")

        let outside = try PermDocsProcess.temporaryFolder("diff-no-repository")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("Content/tools"), withIntermediateDirectories: true)
        let noRepository = try permdocs.run(["diff", "main", "-c", "Content"], in: outside)
        XCTAssertEqual(noRepository.status, 2)
        XCTAssertTrue(noRepository.stderr.hasPrefix("error: could not find the git repository holding 'Content': git said: fatal: not a git repository"), noRepository.stderr)

        // No git on PATH.
        var withoutGit = permdocs
        withoutGit.environment["PATH"] = outside.path
        let noGit = try withoutGit.run(["diff", "main", "-c", "Content"], in: history.root)
        XCTAssertEqual(noGit.status, 2)
        XCTAssertEqual(noGit.stderr, "error: git is not installed; it is needed to find the git repository holding 'Content' (Debian: apt-get install git)\n")

        // A commit of an empty tree, made without touching the working tree: no content folder there.
        let emptyTree = try GuideHistory.git(["hash-object", "-t", "tree", "/dev/null"], in: history.root).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try GuideHistory.git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit-tree", emptyTree, "-m", "empty"], in: history.root)
        try history.run(["tag", "-f", "empty-tree", commit.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        let empty = try permdocs.run(["diff", "empty-tree", "-c", "Content"], in: history.root)
        XCTAssertEqual(empty.status, 2)
        XCTAssertEqual(empty.stderr, "error: revision 'empty-tree' has no content folder 'Content/' in \(history.root.resolvingSymlinksInPath().path)\n")
    }
}
