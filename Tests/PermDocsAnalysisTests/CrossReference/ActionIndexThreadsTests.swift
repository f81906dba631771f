import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsPolicy
import PermDocsCore

/// The index is made from per-tool parts on several threads and merged in
/// site order: it must be the index of one thread, whatever the timing, and
/// keep the spellings, grant order and repeats the serial index kept.
final class ActionIndexThreadsTests: XCTestCase {
    typealias S = CrossReferenceSupport

    /// Tools that write one action in several spellings, patterns in two
    /// cases, a statement twice, a NotAction list and a Deny.
    private func trickySite() throws -> AnalyzedSite {
        try S.site([
            "a": S.guide(S.allow("S3:GetObject", "s3:Get*", "s3:*", "S3:*"), S.allow("S3:GetObject", "s3:Get*", "s3:*", "S3:*"),
                         "{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\", \"Resource\": \"*\"}"),
            "b": S.guide(S.allow("s3:getobject", "ec2:RunInstances", "s3:DeleteBucket"),
                         "{\"Effect\": \"Allow\", \"NotAction\": [\"ec2:*\", \"EC2:*\"], \"Resource\": \"*\"}"),
            "c": S.guide(S.allow("ec2:Describe*", "madeup:Thing", "s3:GETOBJECT")),
        ])
    }

    private func assertSame(_ one: ActionIndex, _ other: ActionIndex, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(one.rows, other.rows, file: file, line: line)
        XCTAssertEqual(one.needs, other.needs, file: file, line: line)
        XCTAssertEqual(one.uses, other.uses, file: file, line: line)
        XCTAssertEqual(one.actions.map(\.written), other.actions.map(\.written), file: file, line: line)
        for slug in one.toolOrder { XCTAssertEqual(one.actions(of: slug).map(\.written), other.actions(of: slug).map(\.written), file: file, line: line) }
    }

    func testIndexOnSeveralThreadsIsTheIndexOfOne() throws {
        let catalog = try S.catalog()
        for site in [try S.seedSite(), try trickySite()] {
            let serial = ActionIndex(tools: site.tools, catalog: catalog, concurrency: 1)
            XCTAssertFalse(serial.rows.isEmpty)
            for _ in 0..<5 { assertSame(serial, ActionIndex(tools: site.tools, catalog: catalog, concurrency: 4)) }
        }
    }

    func testActionKeepsItsLastSpellingAndEachToolsSpellings() throws {
        let index = try trickySite().index
        let getObject = try XCTUnwrap(index.actions.first { $0.key == "s3:getobject" })
        XCTAssertEqual(getObject.written, "s3:GETOBJECT", "the key is the action as last written, in site order")
        XCTAssertEqual(index.need(Action("s3:GetObject"), by: "b")?.spellings, ["s3:getobject"])
        XCTAssertEqual(try XCTUnwrap(index.row(named: "s3:getobject")).spellings, ["S3:GetObject", "s3:GETOBJECT", "s3:getobject"])
        XCTAssertEqual(try XCTUnwrap(index.row(named: "s3:*")).name, "s3:*", "a pattern row is named as first written")
    }

    func testGrantsOfOneBlockAreNamedFirstThenPatternsAsFirstWrittenEachOnce() throws {
        let need = try XCTUnwrap(try trickySite().index.row(named: "s3:GetObject")?.needs["a"])
        // The statement is written twice: each grant once.
        XCTAssertEqual(need.grants.map(\.via), [.name("S3:GetObject"), .wildcard("s3:Get*"), .wildcard("s3:*"), .wildcard("S3:*")])
        XCTAssertEqual(Set(need.grants.map(\.block.anchor)), ["policy-1"])
    }

    func testNotActionAndDenyReachRowsAsBefore() throws {
        let index = try trickySite().index
        let b = "b"
        // b's NotAction of ec2:* covers its s3 rows and not its ec2 ones; the pattern key is written once.
        XCTAssertTrue(try XCTUnwrap(index.row(named: "s3:DeleteBucket")?.needs[b]).grants.contains { $0.via == .notAction(["ec2:*"]) })
        XCTAssertFalse(try XCTUnwrap(index.row(named: "ec2:RunInstances")?.needs[b]).grants.contains { $0.via == .notAction(["ec2:*"]) })
        XCTAssertEqual(index.rows.filter { $0.kind == .notAction }.map(\.key), ["ec2:*"])
        // a denies s3:DeleteBucket by name and its s3:* Allow covers it.
        let a = try XCTUnwrap(index.row(named: "s3:DeleteBucket")?.needs["a"])
        XCTAssertTrue(a.isDenied)
        XCTAssertEqual(a.how, .wildcard)
        // An action the catalog does not know is never covered by a wildcard.
        XCTAssertEqual(try XCTUnwrap(index.row(named: "madeup:thing")).needs.keys.sorted(), ["c"])
    }

    func testBlockRanksFollowReferenceOrder() {
        var refs: [BlockReference] = ["policy-10", "policy-2", "policy-1", "intro", "policy-2"].map { BlockReference(toolSlug: "t", pageID: "p", anchor: $0) }
        refs.append(BlockReference(toolSlug: "a", pageID: "z", anchor: "policy-3"))
        let rank: [BlockReference: Int] = ActionRows.ranks(of: refs)
        let unique: [BlockReference] = Array(Set(refs))
        let byRank: [BlockReference] = unique.sorted { (rank[$0] ?? -1) < (rank[$1] ?? -1) }
        XCTAssertEqual(byRank, unique.sorted())
        XCTAssertEqual(byRank.map(\.anchor), ["policy-3", "intro", "policy-1", "policy-2", "policy-10"])
    }
}
