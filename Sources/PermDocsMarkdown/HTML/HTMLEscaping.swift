// Hand-written: Foundation on Linux has no HTML escaping function and no
// package on this machine provides one; five characters do not need a library.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The one escaping helper of the renderer: text that comes from content
/// always goes through here before it reaches HTML.
public enum HTMLEscaping {
    /// Escapes `& < > " '` (as `&amp; &lt; &gt; &quot; &#39;`) so the text can
    /// stand in element content or in a double- or single-quoted attribute value.
    public static func text(_ s: String) -> String {
        // On the contiguous UTF-8 bytes, sized once: every text node of every
        // guide comes through here, most with nothing to escape.
        var s = s
        let extra = s.withUTF8 { bytes in
            var extra = 0
            for b in bytes {
                switch b {
                case 0x26: extra += 4  // &amp;
                case 0x3C, 0x3E: extra += 3  // &lt; &gt;
                case 0x22: extra += 5  // &quot;
                case 0x27: extra += 4  // &#39;
                default: break
                }
            }
            return extra
        }
        guard extra > 0 else { return s }
        return s.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + extra) { out in
                var j = 0
                func put(_ escape: StaticString) {
                    escape.withUTF8Buffer { for e in $0 { out[j] = e; j += 1 } }
                }
                for b in bytes {
                    switch b {
                    case 0x26: put("&amp;")
                    case 0x3C: put("&lt;")
                    case 0x3E: put("&gt;")
                    case 0x22: put("&quot;")
                    case 0x27: put("&#39;")
                    default: out[j] = b; j += 1
                    }
                }
                return j
            }
        }
    }

    /// Escapes an attribute value; the same as `text`, since values are always
    /// written between double quotes and `'` is escaped as well.
    public static func attribute(_ s: String) -> String { text(s) }

    /// The reverse of `text` for the five escapes it writes (to read back ids permdocs wrote).
    public static func unescapeBasic(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Appends `text(s)`'s bytes to `out`, without making the escaped String.
    public static func appendText(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendText(bytes: $0, to: &out) }
    }

    /// Appends `text`'s escaping of a NUL-terminated C string (cmark's
    /// literals) to `out`, read in place: no String made of it, its length
    /// found by `strlen` (word-wide, where a loop here went byte by byte).
    static func appendText(cString: UnsafePointer<CChar>, to out: inout [UInt8]) {
        let n = strlen(cString)
        cString.withMemoryRebound(to: UInt8.self, capacity: n) { p in
            appendText(bytes: UnsafeBufferPointer(start: p, count: n), to: &out)
        }
    }

    /// The escaping loop on bytes: runs of bytes with nothing to escape are
    /// copied whole. Eight bytes are looked at once while none of them is
    /// one of the five (`mayNeedEscape`): guide text is mostly letters and
    /// spaces, and the byte-by-byte loop was most of rendering a guide's text.
    static func appendText(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var i = 0
        let count = bytes.count
        while i < count {
            if i + 8 <= count, !mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            // One of the next eight bytes may need escaping (or fewer than
            // eight are left): look at them one by one.
            let end = min(i + 8, count)
            while i < end {
                let b = bytes[i]
                // `& < > " '` are 0x26 0x3C 0x3E 0x22 0x27; anything above '>' needs nothing.
                if b > 0x3E || (b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0x27) {
                    i += 1
                    continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                appendEscaped(b, to: &out)
                i += 1
                runStart = i
            }
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// False when none of the eight bytes of `word` is `& < > " '`. Each
    /// test is the classic "has a zero byte" one on `word` XOR the byte
    /// repeated: exact when it says no, and a yes is checked byte by byte.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func has(_ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x & highs
        }
        return has(0x26) | has(0x3C) | has(0x3E) | has(0x22) | has(0x27) != 0
    }

    /// Appends one UTF-8 byte, escaped if it is one of `& < > " '`.
    static func appendEscaped(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case 0x26: out.append(contentsOf: amp)
        case 0x3C: out.append(contentsOf: lt)
        case 0x3E: out.append(contentsOf: gt)
        case 0x22: out.append(contentsOf: quot)
        case 0x27: out.append(contentsOf: apos)
        default: out.append(b)
        }
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)
}
