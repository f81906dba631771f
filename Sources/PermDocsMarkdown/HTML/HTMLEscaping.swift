// Hand-written: Foundation on Linux has no HTML escaping function and no
// package on this machine provides one; five characters do not need a library.

/// The one escaping helper of the renderer: text that comes from content
/// always goes through here before it reaches HTML.
public enum HTMLEscaping {
    /// Escapes `& < > " '` (as `&amp; &lt; &gt; &quot; &#39;`) so the text can
    /// stand in element content or in a double- or single-quoted attribute value.
    public static func text(_ s: String) -> String {
        var needsWork = false
        for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 {
            needsWork = true
            break
        }
        guard needsWork else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 { appendEscaped(b, to: &out) }
        return String(decoding: out, as: UTF8.self)
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
