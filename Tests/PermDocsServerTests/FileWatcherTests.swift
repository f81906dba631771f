import Foundation
import XCTest
@testable import PermDocsServer

final class FileWatcherTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testReportsChangesInFoldersCreatedAfterStarting() throws {
        let calls = Calls()
        let watcher = FileWatcher(folders: [dir], onChange: calls.record)
        try watcher.start()
        defer { watcher.stop() }

        let sub = dir.appendingPathComponent("tools/new")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        XCTAssertTrue(calls.wait { !$0.isEmpty }, "creating a folder is a change")
        let before = calls.count
        // The watch on the new folder was added before that report: this write is seen only through it.
        try Data("# New\n".utf8).write(to: sub.appendingPathComponent("page.md"))
        XCTAssertTrue(calls.wait { $0.dropFirst(before).contains { $0.contains(sub.path + "/page.md") } }, "\(calls.all)")
    }

    func testABurstOfChangesIsReportedOnce() throws {
        let calls = Calls()
        let watcher = FileWatcher(folders: [dir], debounce: .milliseconds(300), onChange: calls.record)
        try watcher.start()
        defer { watcher.stop() }

        for i in 0..<5 {
            try Data("\(i)".utf8).write(to: dir.appendingPathComponent("f\(i).md"))
        }
        XCTAssertTrue(calls.wait { !$0.isEmpty })
        Thread.sleep(forTimeInterval: 0.6)
        XCTAssertEqual(calls.count, 1, "\(calls.all)")
        XCTAssertEqual(calls.all.first?.filter { $0.hasSuffix(".md") }.count, 5)
    }

    func testEditorSwapFilesAreIgnored() throws {
        let calls = Calls()
        let watcher = FileWatcher(folders: [dir], onChange: calls.record)
        try watcher.start()
        defer { watcher.stop() }
        try Data("x".utf8).write(to: dir.appendingPathComponent(".page.md.swp"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("page.md~"))
        XCTAssertFalse(calls.wait(seconds: 0.5) { !$0.isEmpty }, "\(calls.all)")
    }

    func testStopsPromptlyAndReportsNothingAfterwards() throws {
        let calls = Calls()
        let watcher = FileWatcher(folders: [dir], onChange: calls.record)
        try watcher.start()
        let start = Date()
        watcher.stop()
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        watcher.stop()
        try Data("x".utf8).write(to: dir.appendingPathComponent("late.md"))
        XCTAssertFalse(calls.wait(seconds: 0.3) { !$0.isEmpty })
    }

    func testAMissingFolderIsAnError() {
        let watcher = FileWatcher(folders: [dir.appendingPathComponent("absent")]) { _ in }
        XCTAssertThrowsError(try watcher.start()) { XCTAssertTrue("\($0)".contains("absent"), "\($0)") }
    }
}

/// The calls a watcher made, recorded from its thread.
final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [Set<String>] = []

    var all: [Set<String>] { lock.withLock { calls } }
    var count: Int { all.count }

    func record(_ paths: Set<String>) {
        lock.withLock { calls.append(paths) }
    }

    /// Whether `condition` held within `seconds`.
    func wait(seconds: TimeInterval = 5, _ condition: ([Set<String>]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(all) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition(all)
    }
}
