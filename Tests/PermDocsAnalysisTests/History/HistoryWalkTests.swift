import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsSite
import PermDocsTestSupport

/// The walk over an in-memory repository: which commits become entries, in
/// what order, and what a second walk with the same cache reads again.
final class HistoryWalkTests: XCTestCase {
    private let day: Int64 = 86_400
    private let start: Int64 = 1_767_225_600  // 2026-01-01

    /// The sequence: add an action, widen a resource to `*`, add a
    /// wildcard, introduce then fix a finding, move text without change.
    private func repository() -> InMemoryRevisions {
        let repo = InMemoryRevisions()
        let site = ["site.yml": "title: T\nhistory: 20\n"]
        var actions = ["s3:GetObject"]
        var resource = "arn:aws:s3:::backups/*"
        func commit(_ subject: String, _ n: Int64, preface: String = "", extra: [String: String] = [:]) {
            repo.commit(subject, time: start + n * day, files: site.merging(extra) { a, _ in a }
                .merging(["tools/backup.md": HistoryGuides.guide(actions: actions, resource: resource, preface: preface)]) { a, _ in a })
        }
        commit("Add the backup tool", 0)
        repo.commit("Edit the site title only", time: start + day / 2, files: ["site.yml": "title: U\n", "tools/backup.md": HistoryGuides.guide(actions: actions)])
        actions.append("s3:PutObject"); commit("Add PutObject", 1)
        resource = "*"; commit("Widen to every bucket", 2)
        actions.append("ec2:Describe*"); commit("Describe instances", 3)
        actions[0] = "s3:Getobject"; commit("Respell", 4)
        actions[0] = "s3:GetObject"; commit("Fix the spelling", 5)
        commit("Explain the tool first", 6, preface: "Backup Tool copies snapshots to S3.\n\n")
        return repo
    }

    private func walk(_ repo: InMemoryRevisions, window: HistoryWindow = HistoryWindow(commits: 20), cache: HistoryCache = HistoryCache()) throws -> SiteHistory {
        try HistoryWalk(source: repo, window: window, config: SiteConfig(), checker: try Pipeline.bundledChecker(),
                        cache: cache, salt: "test", concurrency: 2).run()
    }

    func testEachPermissionChangeIsAnEntryNewestFirst() throws {
        let history = try walk(repository())
        XCTAssertEqual(history.entries.map(\.commit.subject),
                       ["Fix the spelling", "Respell", "Describe instances", "Widen to every bucket", "Add PutObject", "Add the backup tool"],
                       "the text move and the site.yml edit are not entries")
        XCTAssertEqual(history.commitCount, 7, "seven commits touched tools/")
        XCTAssertEqual(history.entries.map(\.commit.time), history.entries.map(\.commit.time).sorted(by: >))
        let byName = Dictionary(uniqueKeysWithValues: history.entries.map { ($0.commit.subject, $0) })
        XCTAssertEqual(byName["Add the backup tool"]?.diff.status, .added)
        XCTAssertEqual(byName["Add PutObject"]?.diff.added.map(\.name), ["s3:PutObject"])
        XCTAssertEqual(byName["Widen to every bucket"]?.diff.resources.map(\.direction), [.broadened, .broadened])
        XCTAssertTrue(byName["Widen to every bucket"]?.diff.newFindings.isEmpty == false, "a read on every resource is a finding")
        XCTAssertEqual(byName["Describe instances"]?.diff.added.map(\.name), ["ec2:Describe*"])
        XCTAssertEqual(byName["Respell"]?.diff.newFindings.map(\.id).contains("action-case"), true)
        XCTAssertEqual(byName["Fix the spelling"]?.diff.resolvedFindings.map(\.id).contains("action-case"), true)
        XCTAssertEqual(byName["Add PutObject"]?.summary, "actions: 1 added")
        XCTAssertEqual(byName["Add PutObject"]?.lines.map(\.mark), ["+"])
        XCTAssertEqual(history.entries(of: "backup").count, 6)
        XCTAssertEqual(history.entries(of: "other").count, 0)
    }

    func testAWarmWalkAnalyzesNothingAndReadsNoFile() throws {
        let repo = repository()
        let cache = HistoryCache()
        let cold = try walk(repo, cache: cache)
        XCTAssertGreaterThan(cold.versionsAnalyzed, 0)
        let read = repo.contentsRead
        let warm = try walk(repo, cache: cache)
        XCTAssertEqual(warm.versionsAnalyzed, 0)
        XCTAssertEqual(warm.versionsReused, cold.versionsAnalyzed + cold.versionsReused)
        XCTAssertEqual(repo.contentsRead, read, "a warm walk reads no file's contents")
        XCTAssertEqual(warm.entries, cold.entries, "the same repository state gives the same history")

        // One more commit: only its new version is analyzed.
        repo.commit("Drop PutObject", time: start + 10 * day, files: ["tools/backup.md": HistoryGuides.guide(actions: ["s3:GetObject", "ec2:Describe*"], resource: "*")])
        let next = try walk(repo, cache: cache)
        XCTAssertEqual(next.versionsAnalyzed, 1)
        XCTAssertEqual(next.entries.first?.diff.removed.map(\.name), ["s3:PutObject"])
    }

    func testTheWindowLimitsCommitsByCountAndDate() throws {
        let repo = repository()
        XCTAssertEqual(try walk(repo, window: HistoryWindow(commits: 2)).entries.map(\.commit.subject), ["Fix the spelling"],
                       "the last two commits touching tools/ are the text move and the fix")
        XCTAssertEqual(try walk(repo, window: HistoryWindow(since: "2026-01-05")).entries.map(\.commit.subject), ["Fix the spelling", "Respell"])
    }

    func testAVersionThatDoesNotLoadIsSkippedNotFatal() throws {
        let repo = InMemoryRevisions()
        repo.commit("Add", time: start, files: ["tools/a.md": HistoryGuides.guide(actions: ["s3:GetObject"])])
        repo.commit("Break the front matter", time: start + day, files: ["tools/a.md": "---\ntool: [unclosed\n---\n# A\n"])
        repo.commit("Mend it", time: start + 2 * day, files: ["tools/a.md": HistoryGuides.guide(actions: ["s3:GetObject", "s3:PutObject"])])
        let history = try walk(repo)
        XCTAssertEqual(history.entries.map(\.commit.subject), ["Add"])
        XCTAssertEqual(history.skippedChanges, 2)
    }

    func testFolderToolsAndRemovedTools() throws {
        let repo = InMemoryRevisions()
        repo.commit("Two tools", time: start, files: [
            "tools/a/index.md": HistoryGuides.guide(name: "A", actions: ["s3:GetObject"]),
            "tools/a/setup.md": "# Setup\n\nNothing to grant here.\n",
            "tools/b.md": HistoryGuides.guide(name: "B", actions: ["sqs:SendMessage"]),
        ])
        repo.commit("A's setup page grants more", time: start + day, files: [
            "tools/a/index.md": HistoryGuides.guide(name: "A", actions: ["s3:GetObject"]),
            "tools/a/setup.md": HistoryGuides.guide(name: "Setup", actions: ["kms:Decrypt"], resource: "arn:aws:kms:us-east-1:123456789012:key/1"),
            "tools/b.md": HistoryGuides.guide(name: "B", actions: ["sqs:SendMessage"]),
        ])
        repo.commit("Retire B", time: start + 2 * day, files: [
            "tools/a/index.md": HistoryGuides.guide(name: "A", actions: ["s3:GetObject"]),
            "tools/a/setup.md": HistoryGuides.guide(name: "Setup", actions: ["kms:Decrypt"], resource: "arn:aws:kms:us-east-1:123456789012:key/1"),
        ])
        let history = try walk(repo)
        XCTAssertEqual(history.entries.map { "\($0.commit.subject) \($0.toolSlug) \($0.diff.status.rawValue)" },
                       ["Retire B b removed", "A's setup page grants more a kept", "Two tools a added", "Two tools b added"])
        XCTAssertEqual(history.entries[1].diff.added.map(\.name), ["kms:Decrypt"])
    }
}
