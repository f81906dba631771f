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
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [".public.lock", "public"], "no staging folder left")
    }

    func testAFailedWriteLeavesThePreviousSite() throws {
        let out = dir.appendingPathComponent("public")
        try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "old")])
        // A file and a folder of the same name cannot both be written: the write fails midway.
        XCTAssertThrowsError(try OutputWriter(output: out).write([OutputFile(path: "a", text: "1"), OutputFile(path: "a/b", text: "2")]))
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [".public.lock", "public"])
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

/// The swap: one step, and what killed builds leave behind.
extension OutputWriterTests {
    func testJustBeforeTheSwapBothSitesAreWholeAndAfterItNothingIsLeft() throws {
        let out = dir.appendingPathComponent("public")
        try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "old"), OutputFile(path: "gone.html", text: "x")])
        var writer = OutputWriter(output: out)
        var seen: [String] = []
        writer.beforeSwap = {
            // What a build killed here leaves: the old site in place, the new one staged whole.
            seen = (try? FileManager.default.contentsOfDirectory(atPath: self.dir.path).sorted()) ?? []
            XCTAssertEqual(try? String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "old")
            let staged = self.dir.appendingPathComponent(".public.staging-\(getpid())")
            XCTAssertEqual(try? String(contentsOf: staged.appendingPathComponent("index.html"), encoding: .utf8), "new")
            XCTAssertFalse(FileManager.default.fileExists(atPath: staged.appendingPathComponent("gone.html").path))
        }
        try writer.write([OutputFile(path: "index.html", text: "new")])
        XCTAssertEqual(seen, [".public.lock", ".public.staging-\(getpid())", "public"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [".public.lock", "public"], "no staging or old folder left")
    }

    func testFoldersOfDeadBuildsAreRemovedAndALiveBuildsAreNot() throws {
        let out = dir.appendingPathComponent("public")
        // A pid no process can have (the kernel's pid_max is never given out), and a live one.
        let pidMax = Int32((try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 4_194_304
        let dead = [".public.staging-\(pidMax)", ".public.old-\(pidMax)"], live = ".public.staging-\(getppid())"
        for name in dead + [live, ".other.staging-\(pidMax)"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(name + "/tools"), withIntermediateDirectories: true)
        }
        let summary = try OutputWriter(output: out).write([OutputFile(path: "index.html", text: "new")])
        XCTAssertEqual(summary.removedStale, dead.sorted().map { dir.appendingPathComponent($0).path })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [".other.staging-\(pidMax)", ".public.lock", live, "public"],
                       "a running build's staging folder and other outputs' folders stay")
    }
}

extension OutputWriterTests {
    /// The swap is one system call where Linux offers it (the writer falls back to two renames elsewhere).
    func testFolderExchangeSwapsTwoFolders() throws {
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try Data("in a".utf8).write(to: a.appendingPathComponent("mark"))
        try Data("in b".utf8).write(to: b.appendingPathComponent("mark"))
        XCTAssertTrue(FolderExchange.exchange(a.path, b.path), "renameat2(RENAME_EXCHANGE) is available on Linux")
        XCTAssertEqual(try String(contentsOf: a.appendingPathComponent("mark"), encoding: .utf8), "in b")
        XCTAssertEqual(try String(contentsOf: b.appendingPathComponent("mark"), encoding: .utf8), "in a")
        XCTAssertFalse(FolderExchange.exchange(a.path, dir.appendingPathComponent("missing").path))
    }
}

extension OutputWriterTests {
    /// An output that is a symlink is written where it points; the link stays.
    func testASymlinkedOutputIsWrittenWhereItPoints() throws {
        let real = dir.appendingPathComponent("www/site"), link = dir.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try OutputWriter(output: link).write([OutputFile(path: "index.html", text: "one")])
        try OutputWriter(output: link).write([OutputFile(path: "index.html", text: "two")])
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), real.path, "the link is kept")
        XCTAssertEqual(try String(contentsOf: real.appendingPathComponent("index.html"), encoding: .utf8), "two")
    }

    /// Two writers of one output take turns: the second waits for the first's lock.
    func testWritersOfOneOutputTakeTurns() throws {
        let out = dir.appendingPathComponent("public")
        var first = OutputWriter(output: out)
        var inside = false, overlapped = false
        let lock = NSLock()
        // The second write starts once the first holds the output (it is
        // about to swap): a fixed delay let a loaded machine start them in
        // either order.
        let firstInside = DispatchSemaphore(value: 0)
        first.beforeSwap = {
            lock.lock(); inside = true; lock.unlock()
            firstInside.signal()
            usleep(300_000)
            lock.lock(); inside = false; lock.unlock()
        }
        var second = OutputWriter(output: out)
        second.beforeSwap = { lock.lock(); if inside { overlapped = true }; lock.unlock() }
        let group = DispatchGroup()
        let (firstWriter, secondWriter) = (first, second)
        DispatchQueue.global().async(group: group) { _ = try? firstWriter.write([OutputFile(path: "a.html", text: "1")]) }
        XCTAssertEqual(firstInside.wait(timeout: .now() + 10), .success)
        DispatchQueue.global().async(group: group) { _ = try? secondWriter.write([OutputFile(path: "a.html", text: "2")]) }
        XCTAssertEqual(group.wait(timeout: .now() + 10), .success)
        XCTAssertFalse(overlapped, "the second write waited for the first")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8), "2")
    }
}

