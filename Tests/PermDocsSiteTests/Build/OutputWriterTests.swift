import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

final class OutputWriterTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testReplacesTheWholeFolder() throws {
        let out = dir.appendingPathComponent("public")
        try OutputWriter(output: out).write([OutputFile(path: "a.html", text: "A"), OutputFile(path: "x/b.html", text: "B")])
        try OutputWriter(output: out).write([OutputFile(path: "a.html", text: "A2")])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8), "A2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("x/b.html").path), "no stale file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["public"], "no staging folder left")
    }

    func testAFailedWriteLeavesThePreviousSite() throws {
        let out = dir.appendingPathComponent("public")
        try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "old")])
        // A file and a folder of the same name cannot both be written: the write fails midway.
        XCTAssertThrowsError(try OutputWriter(output: out).write([OutputFile(path: "a", text: "1"), OutputFile(path: "a/b", text: "2")]))
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["public"])
        XCTAssertThrowsError(try OutputWriter(output: out).write([OutputFile(path: "../escape.html", text: "x")]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("escape.html").path))
    }

    func testABrokenThemeFailsBeforeWritingWithItsPosition() throws {
        let theme = InMemoryContentReader([
            "templates/layout.mustache": "{{{body}}}", "templates/index.mustache": "{{#open}}never closed",
            "templates/tool.mustache": "", "templates/page.mustache": "", "templates/matrix.mustache": "",
        ])
        let pipeline = try TestSupport.pipeline(InMemoryContentReader(["tools/a.md": "# A\n"]), theme: theme)
        XCTAssertThrowsError(try pipeline.render()) { error in
            let e = error as? PermDocsError
            XCTAssertEqual(e?.location?.file, "templates/index.mustache", "\(String(describing: e))")
            XCTAssertEqual(e?.location?.line, 1)
        }
        let missing = try TestSupport.pipeline(InMemoryContentReader(["tools/a.md": "# A\n"]), theme: InMemoryContentReader(["templates/layout.mustache": ""]))
        XCTAssertThrowsError(try missing.render()) { error in
            XCTAssertTrue("\(error)".contains("templates/index.mustache"), "\(error)")
        }
    }
}

extension OutputWriterTests {
    func testWritesEmptyFilesAndReportsUnchangedOnes() throws {
        let out = dir.appendingPathComponent("public")
        let files = [OutputFile(path: "empty.txt", data: Data()), OutputFile(path: "a/b.html", text: "B")]
        XCTAssertEqual(try OutputWriter(output: out).write(files), OutputWriter.Summary(written: 2, unchanged: 0))
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("empty.txt")), Data())
        XCTAssertEqual(try OutputWriter(output: out).write(files), OutputWriter.Summary(written: 0, unchanged: 2))
        XCTAssertEqual(try OutputWriter(output: out, clean: true).write(files), OutputWriter.Summary(written: 2, unchanged: 0))
    }
}
