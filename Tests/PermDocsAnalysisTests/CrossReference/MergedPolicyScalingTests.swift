import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy

/// `MergedPolicyDocument` on large guides: the work grows with the number of
/// statements and actions, not with its square (25,000 statements with
/// distinct resources took 95 s, spent making Sids unique and looking up
/// actions already merged), and the bytes stay those of the small cases.
final class MergedPolicyScalingTests: XCTestCase {
    /// Statements parsed from JSON objects, the first `blocks` of them each from its own block.
    static func sources(_ statements: [String], blocks: Int = 1) throws -> [SourceStatement] {
        let text = "{\"Version\": \"2012-10-17\", \"Statement\": [\(statements.joined(separator: ",\n"))]}"
        let node = try JSONReader.parse(text)
        let policy = try XCTUnwrap(PolicyParser(locate: { _ in SourceLocation(file: "t.md", line: 1, column: 1) }).policy(from: node))
        return policy.statements.enumerated().map { i, st in
            SourceStatement(statement: st, block: BlockReference(toolSlug: "t", pageID: "index", anchor: "policy-\(i % blocks + 1)"))
        }
    }

    private func timed<T>(_ body: () throws -> T) rethrows -> (T, TimeInterval) {
        let start = Date()
        let value = try body()
        return (value, Date().timeIntervalSince(start))
    }

    /// Each statement its own resource: as many merged statements, all with
    /// the base Sid `PermDocsS3`, numbered in order.
    func testManyStatementsWithDistinctResources() throws {
        let count = 10_000
        let input = try Self.sources((0..<count).map { CrossReferenceSupport.allow("s3:GetObject", resource: "arn:aws:s3:::bucket-\($0)/*") })
        let (doc, elapsed) = timed { MergedPolicyDocument(merging: input, catalog: nil) }
        XCTAssertEqual(doc.statements.count, count)
        XCTAssertEqual(doc.statements.prefix(3).map(\.sid), ["PermDocsS3", "PermDocsS3Stmt2", "PermDocsS3Stmt3"])
        XCTAssertEqual(doc.statements.last?.sid, "PermDocsS3Stmt\(count)")
        XCTAssertEqual(Set(doc.statements.map(\.sid)).count, count)
        XCTAssertEqual(doc.statements.last?.resources, ["arn:aws:s3:::bucket-\(count - 1)/*"])
        XCTAssertLessThan(elapsed, 5, "\(count) statements took \(elapsed) s")
    }

    /// One Resource for all: one statement gathering every action once, from every block once.
    func testManyStatementsMergingIntoOne() throws {
        let count = 10_000
        let input = try Self.sources((0..<count).map { CrossReferenceSupport.allow("svc:Action\($0)", "SVC:action\($0)") }, blocks: count)
        let (doc, elapsed) = timed { MergedPolicyDocument(merging: input, catalog: nil) }
        XCTAssertEqual(doc.statements.count, 1)
        XCTAssertEqual(doc.statements[0].actions.count, count, "each action once, whatever its case")
        XCTAssertEqual(doc.statements[0].actions.prefix(3), ["svc:Action0", "svc:Action1", "svc:Action10"], "first spelling kept, sorted")
        XCTAssertEqual(doc.statements[0].sources.count, count)
        XCTAssertEqual(doc.statements[0].sources.last?.anchor, "policy-\(count)")
        XCTAssertEqual(doc.statements[0].sid, "PermDocsSvc")
        XCTAssertLessThan(elapsed, 5, "\(count) actions took \(elapsed) s")
    }

    /// Many services in one statement: the Sid says `Mixed` past three.
    func testManyServicesInOneStatement() throws {
        let count = 10_000
        let input = try Self.sources([CrossReferenceSupport.allow("s3:GetObject")] + (0..<count).map { CrossReferenceSupport.allow("svc\($0):Get") })
        let (doc, elapsed) = timed { MergedPolicyDocument(merging: input, catalog: nil) }
        XCTAssertEqual(doc.statements.map(\.sid), ["PermDocsMixed"])
        XCTAssertEqual(doc.statements[0].actions.count, count + 1)
        XCTAssertLessThan(elapsed, 5, "\(count) services took \(elapsed) s")
    }

    /// Wildcards drop the names they cover, service by service.
    func testWildcardsOfManyServicesDropWhatTheyCover() throws {
        let count = 5_000
        var statements: [String] = []
        for i in 0..<count { statements.append(CrossReferenceSupport.allow("svc\(i):Get*", "svc\(i):GetThing", "SVC\(i):getother", "svc\(i):PutThing")) }
        statements.append(CrossReferenceSupport.allow("other:Get*", "s?c1:PutThing"))
        let input = try Self.sources(statements)
        let (doc, elapsed) = timed { MergedPolicyDocument(merging: input, catalog: nil) }
        let actions = try XCTUnwrap(doc.statements.first?.actions)
        XCTAssertEqual(doc.statements.count, 1)
        XCTAssertEqual(actions.count, 2 * count + 1, "each service keeps its Get* and its PutThing but svc1's")
        XCTAssertTrue(actions.contains("svc0:Get*"))
        XCTAssertTrue(actions.contains("svc0:PutThing"))
        XCTAssertFalse(actions.contains("svc0:GetThing"))
        XCTAssertFalse(actions.contains("SVC0:getother"), "matched case-insensitively")
        XCTAssertFalse(actions.contains("svc1:PutThing"), "covered by s?c1:PutThing")
        XCTAssertTrue(actions.contains("s?c1:PutThing"))
        XCTAssertLessThan(elapsed, 5, "\(count) services with wildcards took \(elapsed) s")
    }

    /// Sids a service name can spell (`PermDocsS3` + `Stmt2`, the base of a
    /// statement naming `s3` and `stmt2`) stay unique, and stay the Sids
    /// permdocs has always given these statements.
    func testSidsThatCollideWithNumberedSidsStayAsBefore() throws {
        let statements = [
            CrossReferenceSupport.allow("s3:GetObject", resource: "r1"),
            CrossReferenceSupport.allow("s3:GetObject", "stmt2:Get", resource: "r2"),
            CrossReferenceSupport.allow("s3:GetObject", resource: "r3"),
            CrossReferenceSupport.allow("s3:GetObject", resource: "r4"),
            CrossReferenceSupport.allow("s3:GetObject", "stmt2:Get", resource: "r5"),
            CrossReferenceSupport.allow("s3:GetObject", "stmt3:Get", resource: "r6"),
            CrossReferenceSupport.allow("s3:GetObject", "stmt2:Get", resource: "r7"),
            CrossReferenceSupport.allow("s3:GetObject", resource: "r8"),
            CrossReferenceSupport.allow("s3:GetObject", "stmt2:Get", "stmt2x:Get", resource: "r9"),
            CrossReferenceSupport.allow("s3:GetObject", "stmt2:Get", resource: "r10"),
        ]
        let doc = MergedPolicyDocument(merging: try Self.sources(statements), catalog: nil)
        XCTAssertEqual(doc.statements.map(\.sid), [
            "PermDocsS3", "PermDocsS3Stmt2", "PermDocsS3Stmt3", "PermDocsS3Stmt4", "PermDocsS3Stmt2Stmt2",
            "PermDocsS3Stmt3Stmt2", "PermDocsS3Stmt2Stmt3", "PermDocsS3Stmt5", "PermDocsS3Stmt2Stmt2x", "PermDocsS3Stmt2Stmt4",
        ], "as permdocs gave them before Sids were numbered per base")
    }
}
