/// Text from guides (action names, ARNs, tool names, messages) made inert in
/// a markdown comment: it can neither format, link, open HTML, end a table
/// cell nor start a line. Control characters are first shown escaped (see
/// `ControlCharacters`).
enum MarkdownEscaping {
    /// Plain markdown text, the characters that start inline markup
    /// backslash-escaped (`\<` opens no tag, `\|` ends no cell, `\[` no link).
    /// The text never starts a line, so line-start markup (`#`, `-`) is left alone.
    static func text(_ s: String) -> String {
        var out = ""
        for c in ControlCharacters.shown(s) {
            if inlineMarkup.contains(c) { out += "\\" }
            out.append(c)
        }
        return out
    }

    private static let inlineMarkup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "!", "&", "~"]

    /// A code span, with a fence longer than any run of backticks inside.
    /// In a table cell (`inTable`) a pipe is escaped, as GFM requires even in code.
    static func code(_ s: String, inTable: Bool = false) -> String {
        var content = ControlCharacters.shown(s)
        if inTable { content = content.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0, run = 0
        for c in content { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") ? " " : ""
        return fence + pad + content + pad + fence
    }

    /// Text inside HTML (`<summary>`): `&`, `<`, `>`, quotes as entities.
    static func html(_ s: String) -> String {
        var out = ""
        for c in ControlCharacters.shown(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A link destination in angle brackets, which may then hold `(` and `)`;
    /// `<`, `>` and spaces are percent-encoded so none can end it early, and
    /// `|`, which would end a table cell even there.
    static func destination(_ url: String) -> String {
        "<" + url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "|", with: "%7C") + ">"
    }
}
