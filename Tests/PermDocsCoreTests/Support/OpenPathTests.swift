import Foundation
import XCTest
@testable import PermDocsCore

/// A file's resolved path read from its open descriptor must be what
/// `realpath` gives, links and all, and its bytes read whole.
final class OpenPathTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-openpath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("real/deep"), withIntermediateDirectories: true)
        try Data("# Page\n".utf8).write(to: root.appendingPathComponent("real/deep/page.md"))
        try Data().write(to: root.appendingPathComponent("real/empty.md"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: "real")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("real/page-link.md").path, withDestinationPath: "deep/page.md")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testResolvedPathIsRealPathThroughLinks() throws {
        for path in ["real/deep/page.md", "linked/deep/page.md", "linked/page-link.md", "linked/./deep/../deep/page.md"] {
            let full = root.path + "/" + path
            let opened = try XCTUnwrap(OpenPath(full), path)
            defer { opened.closeDescriptor() }
            XCTAssertEqual(opened.resolvedPath, DiskContentReader.realPath(full), path)
        }
        XCTAssertEqual(OpenPath.resolved(root.path + "/linked", directory: true), DiskContentReader.realPath(root.path + "/linked"))
        XCTAssertNil(OpenPath(root.path + "/missing.md"))
        XCTAssertNil(OpenPath(root.path + "/real/deep/page.md", directory: true), "a file is not opened as a folder")
    }

    func testReadsWholeFilesAndRefusesAFolder() throws {
        let page = try XCTUnwrap(OpenPath(root.path + "/linked/page-link.md"))
        defer { page.closeDescriptor() }
        XCTAssertEqual(page.readAll(), Data("# Page\n".utf8))
        let empty = try XCTUnwrap(OpenPath(root.path + "/real/empty.md"))
        defer { empty.closeDescriptor() }
        XCTAssertEqual(empty.readAll(), Data())
        // A file bigger than one read buffer and than its first guess.
        let big = Data((0..<300_000).map { UInt8($0 % 251) })
        try big.write(to: root.appendingPathComponent("real/big.md"))
        let opened = try XCTUnwrap(OpenPath(root.path + "/real/big.md"))
        defer { opened.closeDescriptor() }
        XCTAssertEqual(opened.readAll(), big)
        let reader = DiskContentReader(root: root)
        XCTAssertEqual(try reader.read("linked/deep/page.md"), Data("# Page\n".utf8))
        XCTAssertThrowsError(try reader.read("real/deep")) { XCTAssertEqual(($0 as? PermDocsError)?.message, "cannot read file") }
        XCTAssertThrowsError(try reader.read("real/missing.md")) { XCTAssertEqual(($0 as? PermDocsError)?.message, "cannot read file") }
    }
}
