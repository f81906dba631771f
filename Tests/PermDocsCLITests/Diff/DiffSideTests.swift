import Foundation
import XCTest
@testable import PermDocsCLI

/// What a BASE or TARGET argument names: a published site (its folder or its
/// `data/`), another folder as content, anything else a git revision.
final class DiffSideTests: XCTestCase {
    func testFoldersAreSitesOrContentAndAnythingElseARevision() throws {
        let root = try PermDocsProcess.temporaryFolder("diff-sides")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("site/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for file in ["tools.json", "actions.json"] { try Data("{}".utf8).write(to: data.appendingPathComponent(file)) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/tools"), withIntermediateDirectories: true)

        let site = root.appendingPathComponent("site").path
        XCTAssertEqual(DiffSide.named(site), .exports(site + "/data"))
        XCTAssertEqual(DiffSide.named(site + "/"), .exports(site + "/data"))
        XCTAssertEqual(DiffSide.named(data.path), .exports(data.path))
        XCTAssertEqual(DiffSide.named(root.appendingPathComponent("Content").path), .contentFolder(root.appendingPathComponent("Content").path))
        XCTAssertEqual(DiffSide.named("origin/main"), .revision("origin/main"))
        XCTAssertEqual(DiffSide.named("HEAD~1"), .revision("HEAD~1"))
        // permissions.json alone is no site: it holds only what tools.json and actions.json lack.
        let lean = root.appendingPathComponent("lean/data")
        try FileManager.default.createDirectory(at: lean, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: lean.appendingPathComponent("permissions.json"))
        XCTAssertEqual(DiffSide.named(root.appendingPathComponent("lean").path), .contentFolder(root.appendingPathComponent("lean").path))
        // A file is no folder: the name is taken for a revision (git then says whether it is one).
        XCTAssertEqual(DiffSide.named(data.appendingPathComponent("tools.json").path), .revision(data.appendingPathComponent("tools.json").path))
    }
}
