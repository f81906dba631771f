#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the text. Foundation's
    /// `contains(_: String)` goes through NSString and UTF-16 and was a tenth
    /// of a corpus build's time; this stays on the UTF-8 bytes, in place when
    /// the string is stored contiguously (native Swift strings are), with
    /// `memmem` (a guide was searched whole three times per page for template
    /// tags, byte by byte, before).
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard !n.isEmpty else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ Self.search($0, for: n) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { Self.search($0, for: n) }
        }
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

    /// How many non-empty parts the UTF-8 of the text has between `separator`
    /// bytes, as `utf8.split(separator:).count` counts them, without making
    /// the array: paths' folder levels are counted for every link of every page.
    public func utf8PartCount(separatedBy separator: UInt8) -> Int {
        var parts = 0
        var inPart = false
        for byte in utf8 {
            if byte == separator {
                inPart = false
            } else if !inPart {
                inPart = true
                parts += 1
            }
        }
        return parts
    }

    /// True when every byte of the text is ASCII: then each byte is a scalar
    /// and (but for "\r\n") a Character, so Character-wise rules can be
    /// followed byte by byte.
    public var isASCIIBytes: Bool {
        if let all = utf8.withContiguousStorageIfAvailable({ b -> Bool in
            // Eight bytes at a time: links and ids are short, but a guide's text is not.
            var i = 0
            let count = b.count
            if let base = b.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= count {
                    if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                    i += 8
                }
            }
            while i < count {
                if b[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }) { return all }
        return utf8.allSatisfy { $0 < 0x80 }
    }

    /// True when the bytes `n` occur in `hay` (`n` not empty).
    public static func search(_ hay: UnsafeBufferPointer<UInt8>, for n: [UInt8]) -> Bool {
        n.withUnsafeBufferPointer { search(hay, for: $0) }
    }

    /// True when the bytes `n` occur in `hay` (`n` not empty).
    public static func search(_ hay: UnsafeBufferPointer<UInt8>, for n: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: n, in: hay, from: 0) != nil
    }

    /// Where the bytes `n` (not empty) first occur in `hay` at or after
    /// `start`: `memchr` to each place its first byte stands, then `memcmp`
    /// (`memmem` is a GNU extension that Glibc's Swift module does not show).
    public static func firstOffset(of n: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let h = hay.baseAddress, let needle = n.baseAddress, start >= 0 else { return nil }
        let first = Int32(needle[0])
        var i = start
        while hay.count - i >= n.count {
            guard let found = memchr(h + i, first, hay.count - n.count + 1 - i) else { return nil }
            let at = h.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(h + at, needle, n.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}
