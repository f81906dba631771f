import Foundation
import XCTest
@testable import PermDocsCLI
import PermDocsTestSupport

/// `permdocs build` with `history:` over a temporary git repository whose
/// commits change a guide step by step (each with its own date and author),
/// and without a repository.
final class HistoryBuildTests: XCTestCase {
    private var root: URL!

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    private static let environment: [String: String?] = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]

    private func git(_ arguments: [String], date: String? = nil, author: String = "Ann Example") throws -> String {
        var environment = Self.environment
        if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        let outcome = try PermDocsProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                              ["git", "-c", "user.name=\(author)", "-c", "user.email=dev@example.com"] + arguments,
                                              in: root, environment: environment)
        if outcome.status != 0 { XCTFail("git \(arguments.joined(separator: " ")): \(outcome.stderr)") }
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The issue's steps, one commit a day from 2026-02-01 (ids by step name).
    private func makeRepository() throws -> [String: String] {
        guard (try? PermDocsProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "--version"], in: FileManager.default.temporaryDirectory).status) == 0 else {
            print("note: skipping: git is not installed (apt-get install git)")
            throw XCTSkip("git is not installed")
        }
        root = try PermDocsProcess.temporaryFolder("history-build")
        _ = try git(["init", "-q", "-b", "main"])
        let tools = root.appendingPathComponent("Content/tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try "title: Backups\nhistory: 20\n".write(to: root.appendingPathComponent("Content/site.yml"), atomically: true, encoding: .utf8)
        var actions = ["s3:GetObject"], resource = "arn:aws:s3:::backups/*", preface = ""
        var ids: [String: String] = [:]
        let steps: [(String, String)] = [("start", "Bea Start"), ("add-action", "Ann Example"), ("widen-resource", "Cy Wide"),
                                         ("add-wildcard", "Ann Example"), ("introduce-finding", "Dee Typo"), ("fix-finding", "Ann Example"),
                                         ("move-text", "Ed Words")]
        for (n, (step, author)) in steps.enumerated() {
            switch step {
            case "add-action": actions.append("s3:PutObject")
            case "widen-resource": resource = "*"
            case "add-wildcard": actions.append("ec2:Describe*")
            case "introduce-finding": actions[0] = "s3:Getobject"
            case "fix-finding": actions[0] = "s3:GetObject"
            case "move-text": preface = "Backup Tool copies snapshots to S3.\n\n"
            default: break
            }
            try HistoryGuides.guide(actions: actions, resource: resource, preface: preface)
                .write(to: tools.appendingPathComponent("backup.md"), atomically: true, encoding: .utf8)
            _ = try git(["add", "-A"])
            _ = try git(["commit", "-q", "-m", step], date: "2026-02-0\(n + 1)T12:00:00Z", author: author)
            ids[step] = try git(["rev-parse", "HEAD"])
        }
        return ids
    }

    func testBuildShowsEachPermissionChangeWithDateCommitAndAuthor() throws {
        let ids = try makeRepository()
        let permdocs = try PermDocsProcess.built()
        let build = try permdocs.run(["build", "-c", "Content", "-o", "public", "--verbose"], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("warning: site.yml asks"), build.stderr)
        // Six versions, not seven: fixing the finding restores the file of add-wildcard, analyzed once.
        XCTAssertTrue(build.stdout.contains("history: 7 commits, 6 changes; 6 past versions analyzed, 0 reused"), build.stdout)

        let changes = try String(contentsOf: root.appendingPathComponent("public/changes.html"), encoding: .utf8)
        let order = ["fix-finding", "introduce-finding", "add-wildcard", "widen-resource", "add-action", "start"]
        let positions = try order.map { step in try XCTUnwrap(changes.range(of: #"title="\#(ids[step]!)""#), step).lowerBound }
        XCTAssertEqual(positions, positions.sorted(), "newest first")
        XCTAssertFalse(changes.contains(String(ids["move-text"]!.prefix(7))), "moving text is no permission change")
        XCTAssertTrue(changes.contains(#"<time datetime="2026-02-03T12:00:00Z">2026-02-03</time> · <code class="commit" title="\#(ids["widen-resource"]!)">\#(ids["widen-resource"]!.prefix(7))</code> · <span class="author">Cy Wide</span>"#))
        XCTAssertTrue(changes.contains(#"<code>s3:PutObject</code> resources broadened: arn:aws:s3:::backups/* → *"#))
        XCTAssertTrue(changes.contains(#"<code>ec2:Describe*</code> added (explicit)"#))
        XCTAssertTrue(changes.contains(#"<code>action-case</code> new"#))
        XCTAssertTrue(changes.contains(#"<code>action-case</code> resolved"#))

        let tool = try String(contentsOf: root.appendingPathComponent("public/tools/backup/index.html"), encoding: .utf8)
        let section = try XCTUnwrap(tool.range(of: #"<section class="history""#)).lowerBound
        XCTAssertEqual(tool[section...].components(separatedBy: #"<li class="change "#).count - 1, 6)
        XCTAssertTrue(tool.contains(#"<span class="author">Dee Typo</span>"#))

        // A warm build analyzes no past version and writes nothing new.
        let warm = try permdocs.run(["build", "-c", "Content", "-o", "public", "--verbose"], in: root)
        XCTAssertTrue(warm.stdout.contains("0 past versions analyzed, 6 reused"), warm.stdout)
        XCTAssertTrue(warm.stdout.contains(" 0 files written"), warm.stdout)

        // The same repository state gives the same site, cache or not.
        let clean = try permdocs.run(["build", "-c", "Content", "-o", "again", "--clean"], in: root)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("again/changes.html")), Data(changes.utf8))
    }

    func testTheGitReaderFindsTheContentFolderInsideTheRepository() throws {
        let ids = try makeRepository()
        let source = GitHistorySource(contentFolder: root.appendingPathComponent("Content").path)
        let commits = try source.commits(touching: "tools", window: .init(commits: 3))
        XCTAssertEqual(commits.map(\.id), [ids["move-text"]!, ids["fix-finding"]!, ids["introduce-finding"]!])
        XCTAssertEqual(commits.first?.author, "Ed Words")
        XCTAssertEqual(commits.first?.subject, "move-text")
        XCTAssertEqual(commits.first?.parents, [ids["fix-finding"]!])
        XCTAssertEqual(try source.commits(touching: "tools", window: .init(since: "2026-02-06")).map(\.id), [ids["move-text"]!, ids["fix-finding"]!])
        let files = try source.files(under: "tools", at: ids["start"]!)
        XCTAssertEqual(Array(files.keys), ["tools/backup.md"])
        let bytes = try source.contents(of: Array(files.values))
        XCTAssertTrue(String(decoding: bytes[files["tools/backup.md"]!]!, as: UTF8.self).contains("s3:GetObject"))
    }

    func testAShallowCloneBeginsItsHistoryAtItsCutInsteadOfAddingEveryGuide() throws {
        let ids = try makeRepository()
        // As CI checks out (actions/checkout's default depth is 1): the three newest commits.
        _ = try git(["clone", "-q", "--depth", "3", "file://" + root.path, "shallow"])
        let clone = root.appendingPathComponent("shallow")
        let permdocs = try PermDocsProcess.built()
        let build = try permdocs.run(["build", "-c", "Content", "-o", "public", "--verbose"], in: clone)
        XCTAssertEqual(build.status, 0, build.stderr)
        let cut = String(ids["introduce-finding"]!.prefix(7))
        XCTAssertTrue(build.stderr.contains("warning: the repository is a shallow clone, so the permission history begins after commit \(cut) of 2026-02-05; fetch the full history"), build.stderr)
        XCTAssertTrue(build.stdout.contains("history: 2 commits, 1 change;"), build.stdout)

        let changes = try String(contentsOf: clone.appendingPathComponent("public/changes.html"), encoding: .utf8)
        XCTAssertTrue(changes.contains(#"title="\#(ids["fix-finding"]!)""#), "the change after the cut is shown")
        XCTAssertFalse(changes.contains(#"title="\#(ids["introduce-finding"]!)""#), "the cut commit is no change: its parent is not in the clone")
        XCTAssertFalse(changes.contains("change-added"), "no tool shows as added by the cut")
        XCTAssertTrue(changes.contains("(2 commits touched the guides; 1 change)"), changes)
        XCTAssertTrue(changes.contains("<p class=\"note\">Note: the repository is a shallow clone, so the permission history begins after commit \(cut)"), changes)

        // The full repository has no such note.
        let full = try permdocs.run(["build", "-c", "Content", "-o", "public"], in: root)
        XCTAssertFalse(full.stderr.contains("shallow"), full.stderr)
        XCTAssertFalse(try String(contentsOf: root.appendingPathComponent("public/changes.html"), encoding: .utf8).contains("shallow clone"))
    }

    func testWithoutARepositoryTheBuildWarnsAndHasNoHistory() throws {
        root = try PermDocsProcess.temporaryFolder("history-no-git")
        let permdocs = try PermDocsProcess.built()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/tools"), withIntermediateDirectories: true)
        try "title: Backups\nhistory: 20\n".write(to: root.appendingPathComponent("Content/site.yml"), atomically: true, encoding: .utf8)
        try HistoryGuides.guide(actions: ["s3:GetObject"]).write(to: root.appendingPathComponent("Content/tools/backup.md"), atomically: true, encoding: .utf8)
        var isolated = permdocs
        // Outside any repository, even if the temporary folder were inside one.
        isolated.environment = ["GIT_CEILING_DIRECTORIES": root.deletingLastPathComponent().path]
        let build = try isolated.run(["build", "-c", "Content", "-o", "public"], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("warning: site.yml asks for 'history', but the content folder 'Content' is not in a git repository; the site is built without history"), build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/changes.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/\(".permdocs-history")").path))

        // Without git on PATH, the same: a warning, and the site.
        var noGit = permdocs
        noGit.environment = ["PATH": root.path]
        let without = try noGit.run(["build", "-c", "Content", "-o", "public"], in: root)
        XCTAssertEqual(without.status, 0, without.stderr)
        XCTAssertTrue(without.stderr.contains("warning: site.yml asks for 'history', but git is not installed"), without.stderr)
    }
}
