import XCTest
import PermDocsCore

final class ByteSearchTests: XCTestCase {
    func testContainsByteFindsItAnywhereAndOnlyWhereItIs() {
        XCTAssertTrue("a\r\nb".containsByte(13))
        XCTAssertTrue("\rab".containsByte(13), "at the start")
        XCTAssertTrue("ab\u{0}".containsByte(0), "at the end")
        XCTAssertFalse("ab\ncd é".containsByte(13))
        XCTAssertFalse("".containsByte(0))
        XCTAssertTrue("xy\u{0}z".dropFirst().containsByte(0), "in a substring")
        XCTAssertFalse("\u{0}xyz".dropFirst().containsByte(0), "not before the substring")
        let long = String(repeating: "policy ", count: 10_000) + "\r"
        XCTAssertTrue(long.containsByte(13))
        XCTAssertFalse(String(long.dropLast()).containsByte(13))
    }
}
