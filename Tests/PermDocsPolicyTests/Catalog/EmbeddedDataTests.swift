import Foundation
import XCTest
@testable import PermDocsPolicy
import PermDocsCore

/// The catalog snapshot and risk data compiled into permdocs are the
/// committed files, byte for byte, and the built-in catalog reads only the
/// services a build names.
final class EmbeddedDataTests: XCTestCase {
    /// `Sources/PermDocsPolicy`, found from this file's path.
    static let sourceFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/PermDocsPolicy")
    static let snapshotFolder = sourceFolder.appendingPathComponent("Catalog/Snapshot")
    static let riskDataFolder = sourceFolder.appendingPathComponent("Findings/RiskData")

    /// Every file below `folder`, relative and sorted, hidden ones left out (as the plugin embeds them).
    private func files(below folder: URL) throws -> [String] {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]))
        var paths: [String] = []
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return paths.sorted()
    }

    private func assertEmbedded(_ embedded: EmbeddedFiles, equals folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let paths = try files(below: folder)
        XCTAssertEqual(embedded.files.map(\.path), paths, "the same files", file: file, line: line)
        for path in paths {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(path))
            XCTAssertEqual(try embedded.read(path), onDisk, "\(path) differs from the committed file", file: file, line: line)
        }
    }

    func testTheBuiltInSnapshotIsTheCommittedFolder() throws {
        let embedded = ActionCatalog.builtInSnapshot
        XCTAssertGreaterThan(embedded.files.count, 400, "every service file")
        XCTAssertEqual(embedded.name, "Sources/PermDocsPolicy/Catalog/Snapshot")
        try assertEmbedded(embedded, equals: Self.snapshotFolder)
    }

    func testTheBuiltInRiskDataIsTheCommittedFolder() throws {
        try assertEmbedded(RiskRules.builtInFiles, equals: Self.riskDataFolder)
        XCTAssertEqual(try RiskRules.bundled().privilegeEscalation, try RiskRules(directory: Self.riskDataFolder).privilegeEscalation)
    }

    func testBinaryFilesRoundTripThroughBase64() throws {
        let bytes = Data([0x89, 0x50, 0x4E, 0x47, 0xFF, 0x00, 0xFE])
        let files = EmbeddedFiles(name: "test", files: [EmbeddedFile("a.png", "iVBOR/8A/g==", encoding: .base64), EmbeddedFile("b/c.txt", "caf\u{e9}\n")])
        XCTAssertEqual(try files.read("a.png"), bytes)
        XCTAssertEqual(try files.read("b/c.txt"), Data("café\n".utf8))
        XCTAssertEqual(try files.files(under: "b"), ["b/c.txt"])
        XCTAssertFalse(files.fileExists("b"))
        XCTAssertThrowsError(try files.read("nope"))
    }

    /// A fresh catalog over the built-in snapshot parses only the services asked for.
    func testLookingUpFiveServicesLoadsFiveServiceFiles() throws {
        let counting = CountingReader(inner: ActionCatalog.builtInSnapshot)
        let catalog = try ActionCatalog(source: SnapshotSource(reader: counting, location: "counted"))
        XCTAssertEqual(counting.paths.filter { $0.hasPrefix("services/") }, [], "creating the catalog reads no service file")
        for name in ["ec2:RunInstances", "s3:GetObject", "iam:PassRole", "dms:CreateEndpoint", "kms:Decrypt", "ec2:DescribeImages"] {
            XCTAssertNotNil(catalog.action(named: name), name)
        }
        XCTAssertEqual(counting.paths.filter { $0.hasPrefix("services/") }.sorted(),
                       ["services/dms.tsv", "services/ec2.tsv", "services/iam.tsv", "services/kms.tsv", "services/s3.tsv"])
    }
}

/// A reader that records which files were read.
private final class CountingReader: ContentReader, @unchecked Sendable {
    let inner: EmbeddedFiles
    private let lock = NSLock()
    private var read: [String] = []

    init(inner: EmbeddedFiles) { self.inner = inner }

    var paths: [String] { lock.withLock { read } }

    func files(under directory: String) throws -> [String] { try inner.files(under: directory) }
    func fileExists(_ path: String) -> Bool { inner.fileExists(path) }
    func read(_ path: String) throws -> Data {
        lock.withLock { read.append(path) }
        return try inner.read(path)
    }
}
