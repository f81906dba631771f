import Foundation
import XCTest
@testable import PermDocsCore

/// Symbolic links, unreadable folders and bad bytes: each stops with an error
/// naming the file, never an endless listing, phantom pages or a silent skip.
final class DiskContentReaderLinkTests: XCTestCase {
    private var root: URL!
    private var outside: URL!

    override func setUpWithError() throws {
        let temp = FileManager.default.temporaryDirectory
        root = temp.appendingPathComponent("permdocs-links-\(UUID().uuidString)")
        outside = temp.appendingPathComponent("permdocs-outside-\(UUID().uuidString)")
        try write("tools/x/index.md", "# X\n")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("title: Outside\n".utf8).write(to: outside.appendingPathComponent("site.yml"))
        try Data("# Secret\n".utf8).write(to: outside.appendingPathComponent("secret.md"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: outside)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    private func listingError(_ directory: String = "tools", reader: DiskContentReader? = nil) -> PermDocsError? {
        do {
            let files = try (reader ?? DiskContentReader(root: root)).files(under: directory)
            XCTFail("listed \(files.count) files, expected an error")
            return nil
        } catch {
            return error as? PermDocsError
        }
    }

    func testLinkToItsOwnFolderIsAnErrorNotPhantomPages() throws {
        try link("tools/x/again", to: ".")
        let error = listingError()
        XCTAssertEqual(error?.file, "tools/x/again")
        XCTAssertTrue(error?.message.contains("loops") == true, "\(String(describing: error))")
    }

    func testTwoLinksToTheirOwnFolderEndAtOnce() throws {
        // Two such links doubled the listing at every level: it never finished.
        try link("tools/x/a", to: ".")
        try link("tools/x/b", to: "..")
        let started = Date()
        XCTAssertEqual(listingError()?.file, "tools/x/a")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testLinksBetweenTwoFoldersThatLoopAreAnError() throws {
        try write("tools/y/index.md", "# Y\n")
        try link("tools/x/to-y", to: "../y")
        try link("tools/y/to-x", to: "../x")
        XCTAssertEqual(listingError()?.file, "tools/x/to-y/to-x")
    }

    func testLinkLeavingTheFolderIsAnErrorNamingIt() throws {
        try link("tools/x/secret.md", to: outside.appendingPathComponent("secret.md").path)
        let error = listingError()
        XCTAssertEqual(error?.file, "tools/x/secret.md")
        XCTAssertTrue(error?.message.contains("outside tools/") == true, "\(String(describing: error))")
    }

    func testLinkToNothingIsAnError() throws {
        try link("tools/x/gone.md", to: "missing.md")
        XCTAssertEqual(listingError()?.file, "tools/x/gone.md")
    }

    func testLinksThatStayInsideAreFollowed() throws {
        try link("tools/copy", to: "x")
        try link("tools/x/page.md", to: "index.md")
        XCTAssertEqual(try DiskContentReader(root: root).files(under: "tools"),
                       ["tools/copy/index.md", "tools/copy/page.md", "tools/x/index.md", "tools/x/page.md"])
    }

    func testSiteFileLinkedFromOutsideIsRefusedLikeLinksInTools() throws {
        try link("site.yml", to: outside.appendingPathComponent("site.yml").path)
        let reader = DiskContentReader(root: root)
        XCTAssertTrue(reader.fileExists("site.yml"))
        XCTAssertThrowsError(try reader.readText("site.yml")) { error in
            let e = error as? PermDocsError
            XCTAssertEqual(e?.file, "site.yml")
            XCTAssertTrue(e?.message.contains("outside the content folder") == true, "\(String(describing: e))")
        }
    }

    func testToolsFolderLinkedInFromOutsideIsRead() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("tools"))
        try link("tools", to: outside.path)
        let reader = DiskContentReader(root: root)
        XCTAssertEqual(try reader.files(under: "tools"), ["tools/secret.md", "tools/site.yml"])
        XCTAssertEqual(try reader.readText("tools/secret.md"), "# Secret\n")
    }

    func testUnreadableFolderIsAnErrorNamingIt() throws {
        try write("tools/locked/index.md", "# Locked\n")
        // The tests run as root, whom `chmod 000` does not stop: fail opendir
        // the way an unreadable folder does.
        var reader = DiskContentReader(root: root)
        reader.openDirectory = { path in
            if path.hasSuffix("/locked") { errno = EACCES; return nil }
            return opendir(path)
        }
        let error = listingError(reader: reader)
        XCTAssertEqual(error?.file, "tools/locked")
        XCTAssertTrue(error?.message.contains("cannot read folder") == true, "\(String(describing: error))")
    }

    func testInvalidUTF8IsReportedAtTheFirstBadByte() {
        var reader = InMemoryContentReader([:])
        reader.contents["tools/a.md"] = Data("ok\ncdé".utf8) + Data([0xFF]) + Data("\nmore \u{FF}".utf8)
        XCTAssertThrowsError(try reader.readText("tools/a.md")) { error in
            XCTAssertEqual((error as? PermDocsError)?.location, SourceLocation(file: "tools/a.md", line: 2, column: 4))
        }
        XCTAssertNil(InvalidUTF8.firstBadByte(in: Data("fine é\n".utf8)))
    }

    func testInvalidUTF8PositionCountsCRAndCRLFLineEnds() {
        // Line 3, column 3 in each: lines end at "\r\n" in one file and at a lone "\r" in the other.
        XCTAssertEqual(InvalidUTF8.firstBadByte(in: Data("a\r\nb\r\ncd".utf8) + Data([0xFF])), SourcePosition(line: 3, column: 3))
        XCTAssertEqual(InvalidUTF8.firstBadByte(in: Data("a\rb\rcd".utf8) + Data([0xFF])), SourcePosition(line: 3, column: 3))
        XCTAssertEqual(InvalidUTF8.firstBadByte(in: Data("a\n\r\rcd".utf8) + Data([0xFF])), SourcePosition(line: 4, column: 3))
    }
}
