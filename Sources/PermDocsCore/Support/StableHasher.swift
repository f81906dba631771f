/// Two FNV-1a 64 lanes (the second over each byte XOR 0x5A): a 128-bit hash
/// that is the same in every process and on every machine, unlike Swift's
/// `Hasher`, which is seeded per run. Content hashes of output files and
/// fingerprints of pages are made with it. It detects change; it need not
/// resist an attacker (whoever writes the content decides the output).
///
/// Hand-written: FNV is a few lines, and no listed package offers a stable
/// streaming hash without adding a dependency for it (swift-crypto's SHA-256
/// would do, at several times the cost per byte).
public struct StableHasher: Sendable {
    public private(set) var high: UInt64 = 0xcbf2_9ce4_8422_2325
    public private(set) var low: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    public init() {}

    @inline(__always)
    public mutating func feed(_ byte: UInt8) {
        high = (high ^ UInt64(byte)) &* Self.prime
        low = (low ^ UInt64(byte ^ 0x5A)) &* Self.prime
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        // The lanes in locals, not stored properties, through the loop: the
        // same arithmetic as `feed(_: UInt8)`, and the hash of a 75 MB site's
        // files in a fraction of the time.
        var (h, l) = (high, low)
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* Self.prime
            l = (l ^ UInt64(byte ^ 0x5A)) &* Self.prime
        }
        (high, low) = (h, l)
    }

    /// A 64-bit value as 16 lower-case hex digits.
    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
