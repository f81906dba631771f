import XCTest
import PermDocsCore

final class LockedMemoTests: XCTestCase {
    func testEachKeyIsMadeOnceAndAnAbsentValueIsRememberedToo() {
        let memo = LockedMemo<String, Int?>()
        var made: [String] = []
        func value(_ key: String) -> Int? {
            memo.value(for: key) { made.append(key); return Int(key) }
        }
        XCTAssertEqual(value("7"), 7)
        XCTAssertEqual(value("7"), 7)
        XCTAssertNil(value("x"))
        XCTAssertNil(value("x"))
        XCTAssertEqual(made, ["7", "x"], "each key made once, nil included")
    }

    func testThreadsAskingAtOnceGetTheKeysValue() {
        let memo = LockedMemo<Int, String>()
        let keys = (0..<2_000).map { $0 % 37 }
        let values = ParallelMap.map(keys, concurrency: 4) { key in memo.value(for: key) { "v\(key)" } }
        XCTAssertEqual(values, keys.map { "v\($0)" })
    }
}
