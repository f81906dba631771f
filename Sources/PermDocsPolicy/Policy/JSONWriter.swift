/// Writes a JSON node back out, indented two spaces, keys in the order written.
/// Used to show a policy that a guide pasted on one line (into a table cell)
/// the way readers expect to see a policy.
import PermDocsCore

public enum JSONWriter {
    /// `quote` writes string literals (the exports escape more, to be safe in HTML).
    public static func pretty(_ node: JSONNode, quote: (String) -> String = quoted) -> String {
        var out = ""
        write(node, indent: 0, quote: quote, into: &out)
        return out
    }

    private static func write(_ node: JSONNode, indent: Int, quote: (String) -> String, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch node.value {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, m) in members.enumerated() {
                out += pad + quote(m.key) + ": "
                write(m.value, indent: indent + 1, quote: quote, into: &out)
                out += i < members.count - 1 ? ",\n" : "\n"
            }
            out += close + "}"
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += pad
                write(e, indent: indent + 1, quote: quote, into: &out)
                out += i < elements.count - 1 ? ",\n" : "\n"
            }
            out += close + "]"
        case .string(let s): out += quote(s)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
