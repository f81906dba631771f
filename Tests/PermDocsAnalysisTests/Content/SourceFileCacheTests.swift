import Foundation
import XCTest
import PermDocsAnalysis
import PermDocsCore

/// `SourceFileCache` spares reading files whose identity did not change, and
/// never hands back stale text: what the loader gives with it is what it
/// gives without.
final class SourceFileCacheTests: XCTestCase {
    private let fm = FileManager.default
    private var dir: URL!

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("permdocs-sources-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("tools/b"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    private func put(_ path: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(path), atomically: false, encoding: .utf8)
    }

    private func load(_ cache: SourceFileCache?) throws -> [Tool] {
        try ContentLoader(reader: DiskContentReader(root: dir), sources: cache).load().1
    }

    func testOnlyChangedFilesAreReadAgainAndTheResultIsAlwaysAFreshRead() throws {
        try put("tools/a.md", "---\ntool: Alpha\n---\n# A\n")
        try put("tools/b/index.md", "# B\n")
        try put("tools/b/setup.md", "# Setup\n")
        let cache = SourceFileCache(settleMargin: 0)
        XCTAssertEqual(try load(cache), try load(nil))
        XCTAssertEqual(cache.lastRead, 3)
        XCTAssertEqual(try load(cache), try load(nil))
        XCTAssertEqual(cache.lastRead, 0, "nothing changed, nothing read")

        let edits: [(String, () throws -> Void, Int)] = [
            ("the same size", { try self.put("tools/b/setup.md", "# Setul\n") }, 1),
            ("front matter", { try self.put("tools/a.md", "---\ntool: Alpha 2\n---\n# A\n") }, 1),
            ("a replaced file", {
                try self.put("tools/b/new.md", "# Replaced\n")
                try self.fm.removeItem(at: self.dir.appendingPathComponent("tools/b/setup.md"))
                try self.fm.moveItem(at: self.dir.appendingPathComponent("tools/b/new.md"), to: self.dir.appendingPathComponent("tools/b/setup.md"))
            }, 1),
            ("a deleted file", { try self.fm.removeItem(at: self.dir.appendingPathComponent("tools/b/setup.md")) }, 0),
            ("a file back under a deleted name", { try self.put("tools/b/setup.md", "# Setup\n") }, 1),
        ]
        for (what, edit, reads) in edits {
            try edit()
            XCTAssertEqual(try load(cache), try load(nil), "after \(what)")
            XCTAssertEqual(cache.lastRead, reads, "after \(what)")
        }
    }

    func testAFileJustWrittenIsReadAgainUntilItSettles() throws {
        try put("tools/a.md", "# A\n")
        let cache = SourceFileCache()
        _ = try load(cache)
        _ = try load(cache)
        XCTAssertEqual(cache.lastRead, 1, "changed less than two seconds ago: its times could still be shared by another write")
    }

    func testFilesInMemoryAreAlwaysRead() throws {
        let cache = SourceFileCache(settleMargin: 0)
        let reader = InMemoryContentReader(["tools/a.md": "# A\n"])
        _ = try ContentLoader(reader: reader, sources: cache).load()
        _ = try ContentLoader(reader: reader, sources: cache).load()
        XCTAssertEqual(cache.lastRead, 1)
    }
}
