import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsAnalysis

/// Rebuilding after edits gives exactly what a clean build gives, and leaves
/// files that did not change untouched.
final class IncrementalBuildTests: XCTestCase {
    private var dir: URL!
    private let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("permdocs-incremental-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("content/tools"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    private func put(_ path: String, _ text: String) throws {
        let url = dir.appendingPathComponent("content").appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func policy(_ actions: [String]) -> String {
        "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(actions.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": \"*\"}]}\n```\n"
    }

    private func build(into name: String, cache: PageAnalysisCache?, clean: Bool) throws -> OutputWriter.Summary {
        var pipeline = try TestSupport.pipeline(DiskContentReader(root: dir.appendingPathComponent("content")))
        pipeline.cache = cache
        let result = try pipeline.build(writingTo: OutputWriter(output: dir.appendingPathComponent(name), clean: clean))
        return try XCTUnwrap(result.written)
    }

    /// Every file under `root` with its bytes.
    private func tree(_ name: String) throws -> [String: Data] {
        let root = dir.appendingPathComponent(name)
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

    private func inode(_ path: String) throws -> UInt64 {
        try XCTUnwrap(fm.attributesOfItem(atPath: dir.appendingPathComponent(path).path)[.systemFileNumber] as? UInt64)
    }

    func testIncrementalEqualsCleanAfterEditsAdditionsRenamesAndDeletions() throws {
        try put("site.yml", "title: Tools\n")
        try put("tools/alpha.md", "# Alpha\n\n" + policy(["ec2:DescribeInstances", "s3:GetObject"]))
        try put("tools/beta/index.md", "# Beta\n\n" + policy(["ec2:CreateTags"]))
        try put("tools/beta/setup.md", "# Setup\n\nSee [intro](index.md).\n\n" + policy(["ec2:RunInstances"]))
        try put("tools/gamma.md", "# Gamma\n\nNo policy yet.\n")

        let cache = PageAnalysisCache()
        let first = try build(into: "incremental", cache: cache, clean: false)
        XCTAssertEqual(first.unchanged, 0)
        let gammaInode = try inode("incremental/tools/gamma/index.html")

        let steps: [(String, () throws -> Void)] = [
            ("edit a page", { try self.put("tools/alpha.md", "# Alpha\n\nNow also tags.\n\n" + self.policy(["ec2:DescribeInstances", "ec2:CreateTags"])) }),
            ("add a tool", { try self.put("tools/delta.md", "# Delta\n\n" + self.policy(["iam:PassRole"])) }),
            ("rename a tool", { try self.fm.moveItem(at: self.dir.appendingPathComponent("content/tools/delta.md"), to: self.dir.appendingPathComponent("content/tools/epsilon.md")) }),
            ("delete a page", { try self.fm.removeItem(at: self.dir.appendingPathComponent("content/tools/beta/setup.md")) }),
            ("change the config", { try self.put("site.yml", "title: Renamed\nsilence:\n  - id: action-case\n") }),
            ("no change", {}),
        ]
        for (k, (what, change)) in steps.enumerated() {
            try change()
            let summary = try build(into: "incremental", cache: cache, clean: false)
            _ = try build(into: "clean-\(k)", cache: nil, clean: true)
            XCTAssertEqual(try tree("incremental"), try tree("clean-\(k)"), "after '\(what)' the incremental build differs from a clean one")
            if what == "no change" {
                XCTAssertEqual(summary.written, 0, "nothing rewritten when nothing changed")
                XCTAssertEqual(cache.lastAnalyzed, 0, "no page analyzed again")
            }
            if what == "rename a tool" {
                XCTAssertFalse(fm.fileExists(atPath: dir.appendingPathComponent("incremental/tools/delta/index.html").path), "renamed tool leaves no stale page")
            }
            if what == "edit a page" {
                XCTAssertEqual(cache.lastAnalyzed, 1, "only the edited page is analyzed again")
                XCTAssertEqual(try inode("incremental/tools/gamma/index.html"), gammaInode, "an unaffected page is not rewritten")
                XCTAssertGreaterThan(summary.unchanged, 0)
            }
        }
        XCTAssertFalse(fm.fileExists(atPath: dir.appendingPathComponent("incremental/tools/beta/setup.html").path), "deleted page leaves no stale output")
    }

    func testHandEditedOutputIsRewritten() throws {
        try put("tools/alpha.md", "# Alpha\n")
        _ = try build(into: "out", cache: nil, clean: false)
        let page = dir.appendingPathComponent("out/tools/alpha/index.html")
        try "tampered".write(to: page, atomically: false, encoding: .utf8)
        let summary = try build(into: "out", cache: nil, clean: false)
        XCTAssertGreaterThanOrEqual(summary.written, 1)
        XCTAssertTrue(try String(contentsOf: page, encoding: .utf8).contains("<h1"))
    }

    func testHandEditOfTheSameSizeIsRewritten() throws {
        try put("tools/alpha.md", "# Alpha\n")
        _ = try build(into: "out", cache: nil, clean: false)
        let page = dir.appendingPathComponent("out/tools/alpha/index.html")
        let original = try Data(contentsOf: page)
        var edited = original
        edited[edited.count / 2] = edited[edited.count / 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try edited.write(to: page)
        let summary = try build(into: "out", cache: nil, clean: false)
        XCTAssertEqual(summary.written, 1, "the edited page, and only it, is written again")
        XCTAssertEqual(try Data(contentsOf: page), original)
    }

    /// The same content gives the same bytes whatever the thread count.
    func testOutputDoesNotDependOnThreadCount() throws {
        let files = try TestSupport.seedContentFiles()
        var outputs: [[OutputFile]] = []
        for threads in [1, 2, 8] {
            let pipeline = try TestSupport.pipeline(InMemoryContentReader(files), concurrency: threads)
            outputs.append(try pipeline.render().files)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
    }
}
