import Foundation
import PermDocsCore

/// A 128-bit content fingerprint (`StableHasher`, the length mixed into the
/// second lane), written as 32 hex digits. It decides whether an output file changed,
/// so it must not collide in practice; it need not resist an attacker, since
/// whoever controls the content controls the output anyway.
public enum ContentHash {
    public static func hex(_ data: Data) -> String {
        var hasher = StableHasher()
        data.withUnsafeBytes { hasher.feed($0) }
        return StableHasher.hex(hasher.high) + StableHasher.hex(hasher.low ^ UInt64(data.count))
    }
}
