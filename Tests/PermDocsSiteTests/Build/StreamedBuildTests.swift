import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// A build that hands each page to the output as it is rendered
/// (`Pipeline.keepsFiles` false, what `permdocs build` runs) writes the same
/// bytes as one that writes everything at the end, whatever the threads, and
/// a build that stops leaves the previous site as it was.
final class StreamedBuildTests: XCTestCase {
    private var dir: URL!
    private let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("permdocs-streamed-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    private func guide(_ title: String, _ action: String) -> String {
        "# \(title)\n\nSee [the other](other.md).\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"\(action)\", \"Resource\": \"*\"}]}\n```\n"
    }

    /// Two tools of several pages each, so that renders run on many threads.
    private func content(title: String = "Guide") -> InMemoryContentReader {
        var files: [String: String] = ["site.yml": "title: Streamed\nbaseURL: https://example.com/docs/\n"]
        for tool in ["alpha", "beta"] {
            for page in 0..<12 {
                files["tools/\(tool)/p\(page).md"] = guide("\(title) \(tool) \(page)", page % 3 == 0 ? "s3:*" : "ec2:DescribeInstances")
            }
        }
        return InMemoryContentReader(files)
    }

    private func pipeline(_ content: InMemoryContentReader, keepsFiles: Bool, concurrency: Int) throws -> Pipeline {
        var pipeline = try TestSupport.pipeline(content)
        pipeline.keepsFiles = keepsFiles
        pipeline.concurrency = concurrency
        return pipeline
    }

    /// Every file under `root` (bookkeeping included) with its bytes.
    private func tree(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = try XCTUnwrap(fm.enumerator(atPath: root.path))
        for case let path as String in walker {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: root.appendingPathComponent(path))
            }
        }
        return out
    }

    /// What is beside the output folder besides it and its lock: staging or old folders.
    private func leftovers(beside output: URL) throws -> [String] {
        try fm.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(output.lastPathComponent).") && !$0.hasSuffix(".lock") }
    }

    func testAStreamedBuildWritesTheSameBytesAsOneWrittenAtTheEnd() throws {
        let whole = dir.appendingPathComponent("whole")
        let kept = try pipeline(content(), keepsFiles: true, concurrency: 1).build(writingTo: OutputWriter(output: whole, concurrency: 1))
        XCTAssertFalse(kept.files.isEmpty)
        for threads in [1, 2, 4] {
            let out = dir.appendingPathComponent("streamed-\(threads)")
            let streamed = try pipeline(content(), keepsFiles: false, concurrency: threads)
                .build(writingTo: OutputWriter(output: out, concurrency: threads))
            XCTAssertEqual(try tree(out), try tree(whole), "\(threads) threads")
            XCTAssertEqual(streamed.written, kept.written)
            XCTAssertTrue(streamed.files.isEmpty, "the pages went to the output, not into the result")
            XCTAssertEqual(streamed.fingerprints, kept.fingerprints)
            XCTAssertEqual(try leftovers(beside: out), [])
        }
    }

    func testAStreamedRebuildReusesTheOutputCacheAndLinksUnchangedFiles() throws {
        let out = dir.appendingPathComponent("out")
        let first = try pipeline(content(), keepsFiles: false, concurrency: 4).build(writingTo: OutputWriter(output: out))
        let again = try pipeline(content(), keepsFiles: false, concurrency: 4).build(writingTo: OutputWriter(output: out))
        XCTAssertGreaterThan(again.reusedPages, 0, "pages are taken from the output folder's cache")
        XCTAssertEqual(again.written?.written, 0)
        XCTAssertEqual(again.written?.unchanged, first.written?.written)
    }

    func testAStreamedBuildStoppedAtTheGateLeavesThePreviousSiteAndNoStagingFolder() throws {
        let out = dir.appendingPathComponent("out")
        _ = try pipeline(content(), keepsFiles: false, concurrency: 2).build(writingTo: OutputWriter(output: out))
        let before = try tree(out)
        // `s3:*` on `*` is a security warning: the gate at `security` stops the edited build.
        XCTAssertThrowsError(try pipeline(content(title: "Edited"), keepsFiles: false, concurrency: 2)
            .build(writingTo: OutputWriter(output: out), failOn: .securityWarning)) { error in
            XCTAssertNotNil(error as? Pipeline.GateFailure)
        }
        XCTAssertEqual(try tree(out), before, "the previous site is left as it was")
        XCTAssertEqual(try leftovers(beside: out), [])
        // The lock was released: the next build of the same output goes through.
        let passed = try pipeline(content(title: "Edited"), keepsFiles: false, concurrency: 2).build(writingTo: OutputWriter(output: out))
        XCTAssertNotNil(passed.written)
        XCTAssertNotEqual(try tree(out), before)
    }

    func testFilesStagedInAnyOrderFromManyThreadsGiveTheManifestOfOneWrite() throws {
        // Nested folders, made by whichever thread comes first (outside the staging's lock).
        let files = (0..<200).map { OutputFile(path: "d\($0 % 7)/e\($0 % 3)/f\($0).html", text: "page \($0)") }
        let whole = dir.appendingPathComponent("whole")
        try OutputWriter(output: whole, concurrency: 1).write(files)
        let out = dir.appendingPathComponent("out")
        let staging = try OutputWriter(output: out).begin()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for file in files.reversed() where file.path.hashValue & 3 == worker { staging.stage(file) }
        }
        // Files already staged are passed again without their bytes, as a render hands them back.
        let summary = try staging.finish(files.map { OutputFile(path: $0.path, data: Data()) } + [OutputFile(path: "late.html", text: "late")])
        XCTAssertEqual(summary.written, 201)
        var expected = try tree(whole)
        expected["late.html"] = Data("late".utf8)
        expected[OutputWriter.manifestName] = nil
        var written = try tree(out)
        let manifest = try XCTUnwrap(written.removeValue(forKey: OutputWriter.manifestName))
        XCTAssertEqual(written, expected)
        let paths = String(decoding: manifest, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t")[1] }
        XCTAssertEqual(paths.map(String.init), expected.keys.sorted(), "one line per file, in path order")
    }

    /// Stages `files` over a site holding `a.html` = "old": the write must
    /// fail (`check` sees the error) and leave that site, and nothing beside it.
    private func assertFailedWrite(staging files: [OutputFile], _ check: (Error) -> Void) throws {
        let out = dir.appendingPathComponent("out")
        try OutputWriter(output: out).write([OutputFile(path: "a.html", text: "old")])
        let staging = try OutputWriter(output: out).begin()
        for file in files { staging.stage(file) }
        XCTAssertThrowsError(try staging.finish([]), "", check)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8), "old")
        XCTAssertEqual(try leftovers(beside: out), [])
    }

    func testAPathStagedTwiceFailsTheWriteAndLeavesThePreviousSite() throws {
        try assertFailedWrite(staging: [OutputFile(path: "a.html", text: "old"), OutputFile(path: "a.html", text: "new")]) { error in
            XCTAssertTrue("\(error)".contains("a.html"), "\(error)")
            XCTAssertTrue("\(error)".contains("two files"), "\(error)")
        }
    }

    func testAFileWhereAFolderMustBeFailsTheWriteAndLeavesThePreviousSite() throws {
        try assertFailedWrite(staging: [OutputFile(path: "x", text: "a file"), OutputFile(path: "x/y.html", text: "needs x to be a folder")]) { error in
            let file = (error as? PermDocsError)?.file ?? ""
            XCTAssertTrue(file.hasSuffix("x/y.html") || file.hasSuffix("/x"), "\(error)")
        }
    }

    func testTheFirstBadPathByNameIsTheOneReportedWhateverTheOrder() throws {
        for order in [["../b", "../a"], ["../a", "../b"]] {
            let staging = try OutputWriter(output: dir.appendingPathComponent("out")).begin()
            for path in order { staging.stage(OutputFile(path: path, text: "x")) }
            XCTAssertThrowsError(try staging.finish([])) { error in
                XCTAssertEqual((error as? PermDocsError)?.file, "../a")
            }
        }
    }

    func testADiscardedWriteLeavesTheOutputAndReleasesTheLock() throws {
        let out = dir.appendingPathComponent("out")
        try OutputWriter(output: out).write([OutputFile(path: "a.html", text: "old")])
        let staging = try OutputWriter(output: out).begin()
        staging.stage(OutputFile(path: "a.html", text: "new"))
        staging.discard()
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8), "old")
        XCTAssertEqual(try leftovers(beside: out), [])
        XCTAssertThrowsError(try staging.finish([OutputFile(path: "b.html", text: "b")]), "a discarded write cannot be finished")
        try OutputWriter(output: out).write([OutputFile(path: "a.html", text: "next")])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8), "next")
    }
}
