/// Writes a JSON node back out, indented two spaces, keys in the order written.
/// Used to show a policy that a guide pasted on one line (into a table cell)
/// the way readers expect to see a policy, for combined policies, and (with
/// `.htmlSafe` escaping) for the site's data exports.
///
/// Writes UTF-8 bytes into one buffer: building the text with `String`
/// appends, token by token, was a seventh of a build of the guides corpus
/// (the exports are megabytes of JSON).
import PermDocsCore

public enum JSONWriter {
    /// How string literals are escaped.
    public enum Escaping: Sendable {
        /// `"`, `\`, and control characters: what JSON requires.
        case standard
        /// Also `/`, `<`, `>`, `&`, DEL, U+2028 and U+2029, so the text can be
        /// inlined in an HTML `<script>` element or a JavaScript literal.
        case htmlSafe
    }

    public static func pretty(_ node: JSONNode, escaping: Escaping = .standard) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(node, indent: 0, escaping: escaping, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * indent) { out.append(UInt8(ascii: " ")) }
    }

    private static func write(_ node: JSONNode, indent: Int, escaping: Escaping, into out: inout [UInt8]) {
        switch node.value {
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, m) in members.enumerated() {
                newline(indent + 1, &out)
                appendQuoted(m.key, escaping: escaping, to: &out)
                out += ": ".utf8
                write(m.value, indent: indent + 1, escaping: escaping, into: &out)
                if i < members.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            if elements.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, e) in elements.enumerated() {
                newline(indent + 1, &out)
                write(e, indent: indent + 1, escaping: escaping, into: &out)
                if i < elements.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .string(let s): appendQuoted(s, escaping: escaping, to: &out)
        case .number(let n): out += n.utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        }
    }

    /// A JSON string literal.
    public static func quoted(_ s: String, escaping: Escaping = .standard) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, escaping: escaping, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal. Works on UTF-8 bytes: every byte
    /// that needs an escape is ASCII, except U+2028/U+2029 (`E2 80 A8/A9`).
    /// Runs of bytes that need none (nearly all of an export's text) are
    /// copied whole: byte by byte appends were the exports' top self-time.
    public static func appendQuoted(_ s: String, escaping: Escaping, to out: inout [UInt8]) {
        let special = escaping == .htmlSafe ? htmlSpecial : standardSpecial
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                guard special[Int(b)] else { i += 1; continue }
                // Only U+2028/2029 are escaped among the bytes from 0xE2.
                if b == 0xE2 && !(i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)) {
                    i += 1
                    continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                switch b {
                case UInt8(ascii: "\""): backslashEscape(UInt8(ascii: "\""), &out)
                case UInt8(ascii: "\\"): backslashEscape(UInt8(ascii: "\\"), &out)
                case UInt8(ascii: "\n"): backslashEscape(UInt8(ascii: "n"), &out)
                case UInt8(ascii: "\r"): backslashEscape(UInt8(ascii: "r"), &out)
                case UInt8(ascii: "\t"): backslashEscape(UInt8(ascii: "t"), &out)
                case UInt8(ascii: "/"): backslashEscape(UInt8(ascii: "/"), &out)
                case 0xE2:
                    hexEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, &out)
                    i += 2
                default: hexEscape(UInt32(b), &out)
                }
                i += 1
                runStart = i
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Per byte: whether `.standard` escaping writes something else for it
    /// (`"`, `\`, control characters).
    private static let standardSpecial: [Bool] = (0..<256).map { b in
        b < 0x20 || b == Int(UInt8(ascii: "\"")) || b == Int(UInt8(ascii: "\\"))
    }

    /// Per byte: whether `.htmlSafe` escaping may write something else for
    /// it: also `/`, `<`, `>`, `&`, DEL, and 0xE2, the first byte of U+2028/2029.
    private static let htmlSpecial: [Bool] = (0..<256).map { b in
        standardSpecial[b] || [UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x7F, 0xE2].contains(UInt8(b))
    }

    /// `\` and `letter`.
    private static func backslashEscape(_ letter: UInt8, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(letter)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `\u` and four lower-case hex digits.
    private static func hexEscape(_ v: UInt32, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((v >> UInt32(shift)) & 0xF)]) }
    }
}
