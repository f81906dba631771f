/// A JSON value for the data exports, written byte-deterministically:
/// object keys sorted, compact or with a two-space indent, and every string escaped so the
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
        JSONWriter.pretty(node, escaping: .htmlSafe) + "\n"
    }

    /// The text of a data file: the value compact, then a newline. Data files
    /// are read by scripts and `jq`; indentation would double their size.
    public var fileText: String { compactText + "\n" }

    /// The value on one line, without spaces, object keys sorted: for data
    /// that only scripts read, where indentation would double the size.
    public var compactText: String {
        var out: [UInt8] = []
        writeCompact(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact text (see `compactText`) to `out`.
    func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendQuoted(member.key, escaping: .htmlSafe, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, e) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                e.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let s): JSONWriter.appendQuoted(s, escaping: .htmlSafe, to: &out)
        case .int(let n): out += String(n).utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
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
    public static func quoted(_ s: String) -> String { JSONWriter.quoted(s, escaping: .htmlSafe) }
}
