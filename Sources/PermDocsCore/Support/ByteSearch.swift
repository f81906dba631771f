#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the text. Foundation's
    /// `contains(_: String)` goes through NSString and UTF-16 and was a tenth
    /// of a corpus build's time; this stays on the UTF-8 bytes, in place when
    /// the string is stored contiguously (native Swift strings are).
    public func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        if let found = utf8.withContiguousStorageIfAvailable({ Self.search($0, for: n) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { Self.search($0, for: n) }
    }

    /// True when `byte` occurs in the UTF-8 of the text: `memchr` over the
    /// bytes in place (the generic `utf8.contains` stepped a 52 MB site's
    /// guides a byte at a time, twice: for NUL and for carriage returns).
    public func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ b in
            guard let base = b.baseAddress, !b.isEmpty else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }) { return found }
        return utf8.contains(byte)
    }

    /// True when the bytes `n` occur in `hay` (`n` not empty).
    public static func search(_ hay: UnsafeBufferPointer<UInt8>, for n: [UInt8]) -> Bool {
        guard hay.count >= n.count else { return false }
        let first = n[0]
        var i = 0
        let last = hay.count - n.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n.count && hay[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
