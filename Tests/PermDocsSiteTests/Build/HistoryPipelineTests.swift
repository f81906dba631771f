import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// The history step of the pipeline, over an in-memory repository: the pages
/// it adds, what it leaves alone without `history:`, the note without a
/// repository, and the cache in the output folder.
final class HistoryPipelineTests: XCTestCase {
    private var dir: URL!
    private let start: Int64 = 1_767_225_600  // 2026-01-01

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// A source that fails the test when asked anything: a site without `history:` must not read history.
    private struct Untouchable: RevisionSource {
        func commits(touching folder: String, window: HistoryWindow) throws -> [RevisionCommit] { XCTFail("history read"); return [] }
        func files(under folder: String, at commit: String) throws -> [String: String] { XCTFail("history read"); return [:] }
        func contents(of ids: [String]) throws -> [String: Data] { XCTFail("history read"); return [:] }
    }

    private func repository() -> InMemoryRevisions {
        let repo = InMemoryRevisions()
        repo.commit("Add the tool", time: start + 3_600, author: "Ann", files: ["tools/backup.md": HistoryGuides.guide(actions: ["s3:GetObject"])])
        repo.commit("<script>alert(1)</script> PutObject", time: start + 86_400, author: "O'Brien & <Co>",
                    files: ["tools/backup.md": HistoryGuides.guide(actions: ["s3:GetObject", "s3:PutObject"])])
        repo.commit("Reword", time: start + 2 * 86_400, author: nil,
                    files: ["tools/backup.md": HistoryGuides.guide(actions: ["s3:GetObject", "s3:PutObject"], preface: "Read this first.\n\n")])
        return repo
    }

    private func content(history: String?) -> InMemoryContentReader {
        let guide = HistoryGuides.guide(actions: ["s3:GetObject", "s3:PutObject"], preface: "Read this first.\n\n")
        return InMemoryContentReader(["site.yml": "title: Guides\n" + (history.map { "history: \($0)\n" } ?? ""), "tools/backup.md": guide])
    }

    private func pipeline(history: String?, revisions: (any RevisionSource)?, theme: (any ContentReader)? = TestSupport.defaultTheme) throws -> Pipeline {
        var pipeline = try TestSupport.pipeline(content(history: history), theme: theme)
        pipeline.revisions = revisions
        return pipeline
    }

    func testChangesPageAndToolTimelineNewestFirstAndEscaped() throws {
        let result = try pipeline(history: "20", revisions: repository()).render()
        XCTAssertNil(result.historyProblem)
        XCTAssertEqual(result.timings.map(\.step), [.theme, .analyze, .history, .render])
        let changes = try TestSupport.text(result, "changes.html")
        let add = try XCTUnwrap(changes.range(of: "Add the tool")), put = try XCTUnwrap(changes.range(of: "PutObject</span>"))
        XCTAssertLessThan(put.lowerBound, add.lowerBound, "newest first")
        XCTAssertFalse(changes.contains("Reword"), "a commit that only moved text is not listed")
        XCTAssertTrue(changes.contains("&lt;script&gt;alert(1)&lt;/script&gt; PutObject"))
        XCTAssertFalse(changes.contains("<script>alert"))
        XCTAssertTrue(changes.contains("O&#39;Brien &amp; &lt;Co&gt;") || changes.contains("O&#x27;Brien &amp; &lt;Co&gt;"), "the author, escaped")
        XCTAssertTrue(changes.contains(#"<time datetime="2026-01-02T00:00:00Z">2026-01-02</time>"#))
        XCTAssertTrue(changes.contains(#"<time datetime="2026-01-01T01:00:00Z">2026-01-01</time>"#))
        XCTAssertTrue(changes.contains(#"title="0000000000000000000000000000000000000002">0000000</code>"#))
        XCTAssertTrue(changes.contains(#"<code>s3:PutObject</code> added (explicit)"#))
        XCTAssertTrue(changes.contains(#"<a href="tools/backup/index.html">Backup Tool</a> <span class="badge status-added">added</span>"#))
        XCTAssertTrue(changes.contains("over the last 20 commits"))

        let tool = try TestSupport.text(result, "tools/backup/index.html")
        XCTAssertTrue(tool.contains(#"<h2 id="permission-history">Permission history</h2>"#))
        XCTAssertTrue(tool.contains(#"<a href="../../changes.html">All tools' changes</a>"#))
        XCTAssertEqual(tool.components(separatedBy: #"<li class="change "#).count - 1, 2)
        XCTAssertTrue(tool.contains(#"<a href="../../changes.html">Changes</a>"#), "the header links the page")
        XCTAssertTrue(try TestSupport.text(result, "index.html").contains(#"<a href="changes.html">Changes</a>"#))
    }

    func testWithoutHistoryTheSiteIsTheSameAndNothingIsRead() throws {
        let plain = try pipeline(history: nil, revisions: nil).render()
        let offered = try pipeline(history: nil, revisions: Untouchable()).render()
        XCTAssertEqual(offered.files.map(\.path), plain.files.map(\.path))
        XCTAssertEqual(offered.files.map(\.data), plain.files.map(\.data))
        XCTAssertEqual(offered.timings.map(\.step), [.theme, .analyze, .render])
        XCTAssertFalse(plain.files.contains { $0.path == SitePaths.changes })
        XCTAssertFalse(try TestSupport.text(plain, "index.html").contains("changes.html"))

        // A build without `history:` writes no history cache.
        let out = dir.appendingPathComponent("out")
        try pipeline(history: nil, revisions: Untouchable()).build(writingTo: OutputWriter(output: out))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent(HistoryCacheFile.fileName).path))
    }

    func testWithoutARepositoryTheSiteIsBuiltWithoutHistoryAndSaysWhy() throws {
        let plain = try pipeline(history: nil, revisions: nil).render()
        for revisions in [nil, NoRevisions()] as [(any RevisionSource)?] {
            let result = try pipeline(history: "20", revisions: revisions).render()
            let problem = try XCTUnwrap(result.historyProblem)
            XCTAssertTrue(problem.contains("site.yml asks for 'history'") && problem.contains("without history"), problem)
            XCTAssertNil(result.site.history)
            XCTAssertEqual(result.files.map(\.data), plain.files.map(\.data), "the same site as without history:")
        }
        XCTAssertTrue(try pipeline(history: "20", revisions: NoRevisions()).render().historyProblem!.contains("not in a git repository"))
    }

    func testTheOutputFoldersCacheMakesAWarmBuildAnalyzeNothing() throws {
        let repo = repository()
        let out = dir.appendingPathComponent("out")
        let cold = try pipeline(history: "20", revisions: repo).build(writingTo: OutputWriter(output: out))
        XCTAssertEqual(cold.site.history?.versionsAnalyzed, 3, "three versions: the commits change the file each time")
        XCTAssertNil(cold.historyProblem)
        let cacheURL = out.appendingPathComponent(HistoryCacheFile.fileName)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheURL.path))

        let warm = try pipeline(history: "20", revisions: repo).build(writingTo: OutputWriter(output: out))
        XCTAssertEqual(warm.site.history?.versionsAnalyzed, 0)
        XCTAssertEqual(warm.site.history?.versionsReused, 3)
        XCTAssertEqual(warm.files.map(\.data), cold.files.map(\.data))
        XCTAssertEqual(warm.written?.written, 0)

        // A damaged cache is said once and ignored; the next build has a good one.
        var text = try String(contentsOf: cacheURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "s3:GetObject", with: "s3:GetObjekt")
        try text.write(to: cacheURL, atomically: true, encoding: .utf8)
        let damaged = try pipeline(history: "20", revisions: repo).build(writingTo: OutputWriter(output: out))
        XCTAssertTrue(damaged.historyProblem?.contains("damaged") ?? false, damaged.historyProblem ?? "no problem reported")
        XCTAssertEqual(damaged.site.history?.versionsAnalyzed, 3, "three versions: the commits change the file each time")
        XCTAssertEqual(damaged.files.map(\.data), cold.files.map(\.data))
        let again = try pipeline(history: "20", revisions: repo).build(writingTo: OutputWriter(output: out))
        XCTAssertNil(again.historyProblem)
        XCTAssertEqual(again.site.history?.versionsAnalyzed, 0)

        // --clean analyzes every version again.
        let clean = try pipeline(history: "20", revisions: repo).build(writingTo: OutputWriter(output: out, clean: true))
        XCTAssertEqual(clean.site.history?.versionsAnalyzed, 3, "three versions: the commits change the file each time")
    }

    func testAThemeWithoutTheChangesTemplateGetsNoPageAndNoLink() throws {
        let theme = dir.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: TestSupport.defaultTheme.root, to: theme)
        try FileManager.default.removeItem(at: theme.appendingPathComponent("templates/changes.mustache"))
        let result = try pipeline(history: "20", revisions: repository(), theme: DiskContentReader(root: theme)).render()
        XCTAssertFalse(result.files.contains { $0.path == SitePaths.changes })
        let tool = try TestSupport.text(result, "tools/backup/index.html")
        XCTAssertFalse(tool.contains("changes.html"))
        XCTAssertTrue(tool.contains("Permission history"), "the tool page still shows its own history")
    }
}
