import Foundation
import XCTest
import PermDocsCore

/// The hash the output manifest, the render cache and the build record are
/// written with: it must not change from one permdocs to the next without
/// their formats changing, however `feed` is written.
final class StableHasherTests: XCTestCase {
    func testTheFirstLaneIsFNV1a64() {
        var hasher = StableHasher()
        Data("a".utf8).withUnsafeBytes { hasher.feed($0) }
        XCTAssertEqual(hasher.high, 0xaf63_dc4c_8601_ec8c, "FNV-1a 64 of \"a\"")
        var empty = StableHasher()
        Data().withUnsafeBytes { empty.feed($0) }
        XCTAssertEqual(empty.high, 0xcbf2_9ce4_8422_2325, "the offset basis")
    }

    func testFeedingABufferIsFeedingItsBytesOneByOne() {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        var bulk = StableHasher(), single = StableHasher()
        data.withUnsafeBytes { bulk.feed($0) }
        for byte in data { single.feed(byte) }
        XCTAssertEqual(bulk.high, single.high)
        XCTAssertEqual(bulk.low, single.low)
    }
}
