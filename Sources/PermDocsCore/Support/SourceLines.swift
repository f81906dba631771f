/// A text cut into lines the way CommonMark (and cmark) counts them: a line
/// ends at "\n", at "\r\n" or at a lone "\r".
///
/// Swift's `split(separator: "\n")` on a `String` compares Characters, and
/// "\r\n" is one Character equal to neither "\r" nor "\n": a CRLF file would
/// come out as one line, and a file with lone "\r" ends as one line too. This
/// cuts on the UTF-8 bytes instead, and keeps each line's ending so that the
/// text can be put back together byte for byte.
public struct SourceLines: Sendable {
    /// One line: its text without the ending, and the ending ("\n", "\r\n",
    /// "\r", or "" for the last line when the text does not end with one).
    public struct Line: Sendable, Equatable {
        public var text: Substring
        public var ending: Substring

        public init(text: Substring, ending: Substring) {
            self.text = text
            self.ending = ending
        }
    }

    /// The lines in order; a text of n line endings has n + 1 lines (the last
    /// one empty when the text ends with an ending), as cmark numbers them.
    public let lines: [Line]

    public init(_ text: String) {
        let utf8 = text.utf8
        var lines: [Line] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            guard byte == 0x0A || byte == 0x0D else {
                i = utf8.index(after: i)
                continue
            }
            var end = utf8.index(after: i)
            if byte == 0x0D, end != utf8.endIndex, utf8[end] == 0x0A { end = utf8.index(after: end) }
            lines.append(Line(text: text[start..<i], ending: text[i..<end]))
            start = end
            i = end
        }
        lines.append(Line(text: text[start..<utf8.endIndex], ending: ""))
        self.lines = lines
    }

    /// The text put back together: each line followed by its ending, so that it
    /// has as many lines as were given. An emptied line ending in "\n" right after a
    /// lone "\r" is ended with "\r" instead: the two would otherwise read as one
    /// "\r\n" and a line would be lost.
    public static func join<S: Sequence>(_ lines: S) -> String where S.Element == (text: String, ending: Substring) {
        var out = ""
        for line in lines {
            out += line.text
            if line.text.isEmpty, line.ending == "\n", out.utf8.last == 0x0D {
                out += "\r"
            } else {
                out += line.ending
            }
        }
        return out
    }
}
