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

/// `readText` makes every line end "\n", on the bytes.
final class UnixLineEndsTests: XCTestCase {
    func testEveryCRLFAndLoneCRBecomesALineFeedAndNothingElseChanges() throws {
        let cases: [(String, String)] = [
            ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("\r\r\n\n\r", "\n\n\n\n"), ("é\r\n🙂\r", "é\n🙂\n"),
            ("no returns", "no returns"), ("\r", "\n"), ("a\r\né", "a\né"), ("a\ré", "a\né"),
            // Foundation's rule, kept: a combining mark joins the line end before it, which then does not match "\r\n".
            ("e\u{301}\r\n\u{301}", "e\u{301}\n\n\u{301}"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try InMemoryContentReader(["f.md": text]).readText("f.md"), expected, text.debugDescription)
            // What Foundation's replacing gave before.
            XCTAssertEqual(expected, text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        }
        for text in ["a\r\u{301}b", "\r\n\u{200D}", "\r\u{FE0F}\r\n", "x\r\n🙂\r\u{301}", "é\r\nx\ré"] {
            XCTAssertEqual(try InMemoryContentReader(["f.md": text]).readText("f.md"),
                           text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"), text.debugDescription)
        }
    }
}

/// `DiskContentReader.topFolder(of:)`: the folder a file's links must stay in.
final class TopFolderTests: XCTestCase {
    func testTheFirstNamedFolderWhenAFileNameFollows() {
        for path in ["tools/a.md", "site.yml", "tools/a/b/c.md", "/tools/a.md", "tools//a.md", "tools/", "tools//", "", "/", "é/a.md", "tools/é.md", "e\u{301}/x"] {
            let components = path.split(separator: "/")
            XCTAssertEqual(DiskContentReader.topFolder(of: path), components.count > 1 ? components[0] : nil, path)
        }
        XCTAssertEqual(DiskContentReader.topFolder(of: "tools/a/b.md"), "tools")
        XCTAssertNil(DiskContentReader.topFolder(of: "site.yml"))
    }
}
