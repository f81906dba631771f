#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

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
        var lines: [Line] = []
        Self.forEachLine(of: text) { start, end, next in
            lines.append(Line(text: text[start..<end], ending: text[end..<next]))
        }
        self.lines = lines
    }

    /// The lines' texts alone (what `SourceLines(text).lines.map(\.text)`
    /// gives), for a reader that needs no endings: half the substrings made.
    public static func texts(of text: String) -> [Substring] {
        var texts: [Substring] = []
        forEachLine(of: text) { start, end, _ in texts.append(text[start..<end]) }
        return texts
    }

    /// Calls `line` for each line, in order, with where its text starts, where
    /// it ends (where its ending starts) and where its ending ends. Lines are
    /// found with `memchr`-like scans of the contiguous UTF-8 bytes, and the
    /// indices made from byte offsets (O(1) on a native string): walking
    /// `String.UTF8View` index by index was 2.7% of a 7,825-page build.
    private static func forEachLine(of text: String, _ line: (String.Index, String.Index, String.Index) -> Void) {
        var text = text
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var ends: [(end: Int, next: Int)] = []
        let count = text.withUTF8 { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            // Files are read with their line ends made "\n": hop from one to the next.
            if memchr(base, 0x0D, bytes.count) == nil {
                var i = 0
                while i < bytes.count, let found = memchr(base + i, 0x0A, bytes.count - i) {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    ends.append((at, at + 1))
                    i = at + 1
                }
                return bytes.count
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                guard byte == 0x0A || byte == 0x0D else {
                    i += 1
                    continue
                }
                var next = i + 1
                if byte == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                ends.append((i, next))
                i = next
            }
            return bytes.count
        }
        var start = 0
        for (end, next) in ends {
            line(index(start), index(end), index(next))
            start = next
        }
        line(index(start), index(count), index(count))
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
