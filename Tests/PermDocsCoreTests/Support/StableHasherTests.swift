import Foundation
import XCTest
import PermDocsCore

/// The hash the output manifest, the render cache and the build record are
/// written with: it must not change from one permdocs to the next without
/// their formats changing, however `feed` is written.
final class StableHasherTests: XCTestCase {
    private func hash(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.feed($0) }
        return hasher.digest
    }

    func testTheHashOfKnownInputsStaysAsTheFormatsRecordIt() {
        // Pinned: a change here changes every cache and record format (see StableHasher).
        XCTAssertEqual(StableHasher.hex(hash([]).0) + StableHasher.hex(hash([]).1), Self.pinned[0])
        XCTAssertEqual(StableHasher.hex(hash(Array("a".utf8)).0) + StableHasher.hex(hash(Array("a".utf8)).1), Self.pinned[1])
        let text = Array("permdocs: the same bytes, the same hash, on every machine".utf8)
        XCTAssertEqual(StableHasher.hex(hash(text).0) + StableHasher.hex(hash(text).1), Self.pinned[2])
    }

    private static let pinned = ["7acdbb98b1344213ea2ce3cacfa758a4", "e07adae6d831c58c0eb6cc4f5089622f", "67d5b41b1374d75a8bbefa1d03537122"]

    func testFeedingABufferIsFeedingItsBytesOneByOneOrInAnyPieces() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var single = StableHasher()
        for byte in data { single.feed(byte) }
        XCTAssertTrue(hash(data) == single.digest)
        // Words (lowest byte first) among bytes, at every alignment.
        for offset in 0..<9 {
            var words = StableHasher(), i = 0
            for byte in data.prefix(offset) { words.feed(byte) }
            i = offset
            while i + 8 <= data.count {
                words.feed(data[i..<(i + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
                i += 8
            }
            for byte in data[i...] { words.feed(byte) }
            XCTAssertTrue(hash(data) == words.digest, "words from offset \(offset)")
        }
        for _ in 0..<50 {
            var pieces = StableHasher(), i = 0
            while i < data.count {
                let n = min(data.count - i, Int.random(in: 0...19, using: &generator))
                data[i..<(i + n)].withUnsafeBytes { pieces.feed($0) }
                if Bool.random(using: &generator), i + n < data.count { pieces.feed(data[i + n]); i += 1 }
                i += n
            }
            XCTAssertTrue(hash(data) == pieces.digest)
        }
    }

    func testEveryByteAndTheLengthCount() {
        let base = [UInt8](repeating: 0, count: 40)
        var seen: Set<String> = []
        func key(_ bytes: [UInt8]) -> String { let h = hash(bytes); return "\(h.0)-\(h.1)" }
        // Each position flipped, each length of zeros: all different hashes, both halves.
        for i in base.indices {
            var changed = base
            changed[i] = 1
            XCTAssertTrue(seen.insert(key(changed)).inserted)
            XCTAssertNotEqual(hash(changed).0, hash(base).0)
            XCTAssertNotEqual(hash(changed).1, hash(base).1)
        }
        for n in 0...40 { XCTAssertTrue(seen.insert(key([UInt8](repeating: 0, count: n))).inserted, "\(n) zeros") }
    }
}
