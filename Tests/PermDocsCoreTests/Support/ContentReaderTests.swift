import Foundation
import XCTest
@testable import PermDocsCore

final class ContentReaderTests: XCTestCase {
    func testDiskAndMemoryReadersListTheSameFilesInTheSameOrder() throws {
        let files = ["tools/b.md": "b", "tools/a/index.md": "a", "tools/a/z/deep.md": "z", "site.yml": "title: x"]
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-core-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let disk = DiskContentReader(root: root)
        let memory = InMemoryContentReader(files)
        XCTAssertEqual(try disk.files(under: "tools"), try memory.files(under: "tools"))
        XCTAssertEqual(try disk.readText("tools/a/z/deep.md"), "z")
        XCTAssertEqual(try memory.readText("site.yml"), "title: x")
        XCTAssertFalse(disk.fileExists("tools/missing.md"))
    }
}
