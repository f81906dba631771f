/// A 128-bit hash that is the same in every process and on every machine,
/// unlike Swift's `Hasher`, which is seeded per run. Content hashes of output
/// files and fingerprints of pages are made with it. It detects change; it
/// need not resist an attacker (whoever writes the content decides the output).
///
/// Two lanes take the input 8 bytes at a time (little-endian words; a
/// multiply and a rotate per word and lane), and the length and a final
/// avalanche (MurmurHash3's `fmix64`) close them. It replaced two FNV-1a
/// lanes that took a byte at a time: hashing pages and output files was 6%
/// of a build's CPU, and a word at a time is several times faster. The
/// caches and records that hold these hashes name their format, which
/// changed with it (`OutputCache`, `BuildRecord`, `HistoryCacheFile`, `InputFingerprint`).
///
/// Hand-written: a few lines, and no listed package offers a stable
/// streaming hash without adding a dependency for it (swift-crypto's SHA-256
/// would do, at many times the cost per byte).
public struct StableHasher: Sendable {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    /// Bytes of an unfinished word, the first in the lowest byte.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length: UInt64 = 0

    public init() {}

    /// The first half of the hash of what was fed.
    public var high: UInt64 { digest.high }
    /// The second half.
    public var low: UInt64 { digest.low }

    /// Both halves: the lanes with the unfinished word and the length mixed in.
    public var digest: (high: UInt64, low: UInt64) {
        var (a, b) = (a, b)
        if pendingCount > 0 { Self.mix(&a, &b, pending) }
        return (Self.avalanche(a ^ length), Self.avalanche(b ^ (a >> 32 | a << 32) ^ ~length))
    }

    @inline(__always)
    public mutating func feed(_ byte: UInt8) {
        pending |= UInt64(byte) << (8 * UInt64(pendingCount))
        pendingCount += 1
        length &+= 1
        if pendingCount == 8 { flush() }
    }

    /// The 8 bytes of `word`, lowest first: the same as feeding them one by one.
    @inline(__always)
    public mutating func feed(_ word: UInt64) {
        guard pendingCount == 0 else {
            for shift in stride(from: 0 as UInt64, to: 64, by: 8) { feed(UInt8(truncatingIfNeeded: word >> shift)) }
            return
        }
        Self.mix(&a, &b, word)
        length &+= 8
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while pendingCount != 0, i < n {
            feed(bytes[i])
            i += 1
        }
        // The rest is counted here; whole words go straight to the lanes
        // (held in locals through the loop, not stored properties).
        length &+= UInt64(n - i)
        var (a, b) = (a, b)
        while i + 8 <= n {
            Self.mix(&a, &b, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        (self.a, self.b) = (a, b)
        while i < n {
            pending |= UInt64(bytes[i]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            i += 1
        }
    }

    private mutating func flush() {
        Self.mix(&a, &b, pending)
        pending = 0
        pendingCount = 0
    }

    @inline(__always)
    private static func mix(_ a: inout UInt64, _ b: inout UInt64, _ word: UInt64) {
        a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
        a = a << 29 | a >> 35
        b = (b ^ word) &* 0xC2B2_AE3D_27D4_EB4F
        b = b << 31 | b >> 33
    }

    /// MurmurHash3's finalizer: every input bit reaches every output bit.
    private static func avalanche(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// A 64-bit value as 16 lower-case hex digits.
    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
