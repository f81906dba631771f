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
    public static func appendQuoted(_ s: String, escaping: Escaping, to out: inout [UInt8]) {
        let html = escaping == .htmlSafe
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case UInt8(ascii: "\n"): out += "\\n".utf8
                case UInt8(ascii: "\r"): out += "\\r".utf8
                case UInt8(ascii: "\t"): out += "\\t".utf8
                case UInt8(ascii: "/") where html: out += "\\/".utf8
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x7F:
                    if html { hexEscape(UInt32(b), &out) } else { out.append(b) }
                case 0xE2 where html && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    hexEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, &out)
                    i += 2
                default:
                    if b < 0x20 { hexEscape(UInt32(b), &out) } else { out.append(b) }
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lower-case hex digits.
    private static func hexEscape(_ v: UInt32, _ out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        out += "\\u".utf8
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
    }
}
