/// A JSON value for the data exports, written byte-deterministically:
/// object keys sorted, two-space indent, and every string escaped so the
/// text can also be inlined in an HTML `<script>` element (`/`, `<`, `>`,
/// `&`, U+2028 and U+2029 as escapes).
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

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

    /// The value pretty-printed, ending with a newline (by the project's one
    /// JSON writer, with object keys sorted and HTML-safe string escapes).
    public var text: String {
        JSONWriter.pretty(node, quote: Self.quoted) + "\n"
    }

    /// The value on one line, without spaces, object keys sorted: for data
    /// that only scripts read, where indentation would double the size.
    public var compactText: String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                out += Self.quoted(key) + ":"
                members[key]!.writeCompact(into: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (i, e) in elements.enumerated() {
                if i > 0 { out += "," }
                e.writeCompact(into: &out)
            }
            out += "]"
        case .string(let s): out += Self.quoted(s)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// The value as a JSON node, object members in key order.
    private var node: JSONNode {
        switch self {
        case .object(let members):
            return JSONNode(.object(members.keys.sorted().map { JSONMember(key: $0, keyOffset: 0, value: members[$0]!.node) }), offset: 0)
        case .array(let elements): return JSONNode(.array(elements.map(\.node)), offset: 0)
        case .string(let s): return JSONNode(.string(s), offset: 0)
        case .int(let n): return JSONNode(.number(String(n)), offset: 0)
        case .bool(let b): return JSONNode(.bool(b), offset: 0)
        case .null: return JSONNode(.null, offset: 0)
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
