/// The one escaping helper of the renderer: text that comes from content
/// always goes through here before it reaches HTML.
public enum HTMLEscaping {
    /// Escapes `& < > " '` so the text can stand in an element or an attribute value.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Same as `text`: attribute values are always written in double quotes.
    public static func attribute(_ s: String) -> String { text(s) }
}
