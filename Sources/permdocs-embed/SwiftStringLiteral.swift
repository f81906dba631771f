/// A Swift string literal whose value is exactly a given text: one line,
/// ASCII only, every other character escaped. ASCII only so that no
/// character can change how the compiler or an editor reads the generated
/// file (line separators, bidirectional marks), and no Unicode normalisation
/// can touch the bytes.
enum SwiftStringLiteral {
    static func make(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return out + "\""
    }
}
