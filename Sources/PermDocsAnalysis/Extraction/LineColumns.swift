#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where a line of a code or HTML block's literal stands in its source line,
/// in scalar columns, found on UTF-8 bytes.
///
/// cmark gives a block's lines without the container's indentation (a list
/// item's, a block quote's `>`); the indentation is what the source line has
/// in front of the literal's line. `MappedText.appendLine` finds it by
/// comparing the two lines scalar by scalar from their ends and counting the
/// scalars of both: that was most of extracting a page's candidates. The same
/// answer comes from the bytes: a line ends with another's scalars exactly
/// when it ends with its bytes (UTF-8 starts every scalar with a byte no other
/// scalar's bytes can be mistaken for), and a run of bytes holds as many
/// scalars as bytes that do not continue one.
enum LineColumns {
    /// The number of scalars before `content` in `source` when `source` ends
    /// with `content`, else 0 (content mapped from the first column); and the
    /// number of scalars in `source`.
    static func place(of content: Substring, in source: Substring) -> (prefix: Int, sourceScalars: Int) {
        var content = content
        return content.withUTF8 { place(of: $0, in: source) }
    }

    /// `place(of:in:)` for a line given as its UTF-8 bytes.
    static func place(of c: UnsafeBufferPointer<UInt8>, in source: Substring) -> (prefix: Int, sourceScalars: Int) {
        var source = source
        return source.withUTF8 { s in
            let sourceScalars = scalarCount(s[...])
            guard s.count >= c.count, endsWith(s, c) else { return (0, sourceScalars) }
            return (scalarCount(s[..<(s.count - c.count)]), sourceScalars)
        }
    }

    /// True when `s` ends with the bytes of `c` (`c` no longer than `s`),
    /// compared with `memcmp` (the generic `elementsEqual` went byte by byte).
    private static func endsWith(_ s: UnsafeBufferPointer<UInt8>, _ c: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let cBase = c.baseAddress, !c.isEmpty else { return true }
        guard let sBase = s.baseAddress else { return false }
        return memcmp(sBase + (s.count - c.count), cBase, c.count) == 0
    }

    /// How many scalars the bytes hold: the bytes that start one (not 10xxxxxx).
    private static func scalarCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
