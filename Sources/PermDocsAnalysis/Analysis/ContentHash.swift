import Foundation

/// A 128-bit content fingerprint (two FNV-1a 64 passes with different offset
/// bases), written as 32 hex digits. It decides whether an output file changed,
/// so it must not collide in practice; it need not resist an attacker, since
/// whoever controls the content controls the output anyway.
public enum ContentHash {
    public static func hex(_ data: Data) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        let prime: UInt64 = 0x0000_0100_0000_01B3
        data.withUnsafeBytes { raw in
            for byte in raw.bindMemory(to: UInt8.self) {
                a = (a ^ UInt64(byte)) &* prime
                b = (b ^ UInt64(byte ^ 0x5A)) &* prime
            }
        }
        b ^= UInt64(data.count)
        return hex64(a) + hex64(b)
    }

    private static func hex64(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
