/// A JSON value for the data exports, written byte-deterministically:
/// object keys sorted, two-space indent, and every string escaped so the
/// text can also be inlined in an HTML `<script>` element (`/`, `<`, `>`,
/// `&`, U+2028 and U+2029 as escapes).
public indirect enum ExportJSON: Hashable, Sendable {
    case object([String: ExportJSON])
    case array([ExportJSON])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    /// A string, or null when nil.
    public static func optional(_ s: String?) -> ExportJSON { s.map(ExportJSON.string) ?? .null }
    /// An array of strings.
    public static func strings(_ list: [String]) -> ExportJSON { .array(list.map(ExportJSON.string)) }

    /// The value pretty-printed, ending with a newline.
    public var text: String {
        var out = ""
        write(indent: 0, into: &out)
        return out + "\n"
    }

    private func write(indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted()
            for (i, key) in keys.enumerated() {
                out += pad + Self.quoted(key) + ": "
                members[key]!.write(indent: indent + 1, into: &out)
                out += i < keys.count - 1 ? ",\n" : "\n"
            }
            out += close + "}"
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += pad
                e.write(indent: indent + 1, into: &out)
                out += i < elements.count - 1 ? ",\n" : "\n"
            }
            out += close + "]"
        case .string(let s): out += Self.quoted(s)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal, safe to inline in HTML.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += "\\/"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += hexEscape(c.value)
            default:
                if c.value < 0x20 || c.value == 0x7F { out += hexEscape(c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    private static func hexEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
