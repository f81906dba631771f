import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy

/// The action index on a guide where one action is granted by thousands of
/// blocks (a synthetic 8 MB page has 40,000): each block is listed once, in
/// order, and the work grows with the blocks, not their square. A list
/// searched (and copied on write) per grant took 2 s for 2 MB and over 120 s
/// for 8 MB; the 8 MB page now builds in 30 s.
final class ActionIndexScalingTests: XCTestCase {
    func testOneActionGrantedByThousandsOfBlocks() throws {
        let count = 3_000
        let block = "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [\(CrossReferenceSupport.allow("s3:GetObject", "s3:getobject"))]}\n```\n\n"
        let site = try CrossReferenceSupport.site(["t": "# T\n\nAttach:\n\n" + String(repeating: block, count: count)])
        let blocks = site.tools[0].blocks.map(\.reference)
        XCTAssertEqual(blocks.count, count)
        let need = try XCTUnwrap(site.index.need(Action("s3:GetObject"), by: "t"))
        XCTAssertEqual(need.blocks, blocks, "every block once, in page order")
        XCTAssertEqual(need.spellings, ["s3:GetObject", "s3:getobject"])
        let row = try XCTUnwrap(site.index.rowNeed("s3:GetObject", by: "t"))
        XCTAssertEqual(row.blocks, blocks)
        XCTAssertEqual(row.grants.count, 2 * count, "each spelling of each block once")
    }
}
