import XCTest
@testable import PermDocsPolicy

final class EditDistanceTests: XCTestCase {
    private func distance(_ a: String, _ b: String, limit: Int = 10) -> Int {
        editDistance(Array(a.utf8), Array(b.utf8), limit: limit)
    }

    func testCountsEdits() {
        XCTAssertEqual(distance("cancelimporttasks", "cancelimporttask"), 1)
        XCTAssertEqual(distance("getobjct", "getobject"), 1)
        XCTAssertEqual(distance("kitten", "sitting"), 3)
        XCTAssertEqual(distance("", "abc"), 3)
        XCTAssertEqual(distance("same", "same"), 0)
    }

    func testASwapOfNeighboursIsOneEdit() {
        XCTAssertEqual(distance("getobejct", "getobject"), 1)
        XCTAssertEqual(distance("ab", "ba"), 1)
    }

    func testGivesUpPastTheLimit() {
        XCTAssertEqual(distance("abcdefgh", "zyxwvuts", limit: 2), 3)
        XCTAssertEqual(distance("a", "abcdefgh", limit: 2), 3)
        XCTAssertEqual(distance("abcd", "abxy", limit: 2), 2)
    }
}
