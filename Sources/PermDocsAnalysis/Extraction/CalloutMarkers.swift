/// Callout markers inside code: AWS documentation numbers lines of a policy
/// for the explanation below it with a small image after the line, which
/// conversion to Markdown leaves in the code as image syntax
/// (`"Action": "s3:*", ![\[1\]](http://docs.aws.amazon.com/…/callouts/1.png)`).
/// The marker is no part of the JSON; it is stripped before the JSON is read,
/// every other character keeping its place in the file.
import PermDocsCore

enum CalloutMarkers {
    /// Longest alt text and address of a marker; longer is not a marker (and
    /// keeps the scan linear on hostile input).
    static let longestAlt = 300
    static let longestAddress = 2000

    /// `text` without its callout markers, and where each marker stood. A
    /// marker is Markdown image syntax `![alt](address)` on one line, outside
    /// a JSON string.
    static func stripped(_ text: MappedText) -> (text: MappedText, markers: [SourcePosition]) {
        let s = text.scalars
        guard mayHoldMarker(s) else { return (text, []) }
        var out = MappedText(file: text.file)
        var markers: [SourcePosition] = []
        var inString = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                inString = false
            } else if inString {
                if c == "\\" && i + 1 < s.count && s[i + 1] != "\n" {
                    out.append(c, at: text.positions[i])
                    out.append(s[i + 1], at: text.positions[i + 1])
                    i += 2
                    continue
                }
                if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "!", let end = markerEnd(s, from: i) {
                markers.append(text.positions[i])
                i = end + 1
                continue
            }
            out.append(c, at: text.positions[i])
            i += 1
        }
        return (out, markers)
    }

    /// False when no `![` occurs: most code has no image in it.
    static func mayHoldMarker(_ s: [Unicode.Scalar]) -> Bool {
        var previous: Unicode.Scalar = " "
        for c in s {
            if previous == "!" && c == "[" { return true }
            previous = c
        }
        return false
    }

    /// The index of the `)` that ends image syntax starting with the `!` at
    /// `start`, or nil when none does on the same line within the limits.
    static func markerEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < s.count, s[start + 1] == "[" else { return nil }
        var j = start + 2
        var depth = 1
        while j < s.count, j - start <= longestAlt, s[j] != "\n" {
            if s[j] == "\\" { j += 2; continue }
            if s[j] == "[" { depth += 1 }
            if s[j] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j + 1 < s.count, s[j] == "]", s[j + 1] == "(" else { return nil }
        var k = j + 2
        let addressStart = k
        while k < s.count, k - addressStart <= longestAddress, s[k] != "\n", s[k] != ")" { k += 1 }
        guard k < s.count, s[k] == ")", k > addressStart else { return nil }
        return k
    }
}
