import PermDocsCore
import Yams

/// The YAML block between `---` lines at the top of a page.
public struct FrontMatter: Sendable, Hashable {
    /// Top-level scalar fields as text (`title`, `source_url`, …), lists joined with ", ".
    public var fields: [String: String]
    /// How many lines the block takes, delimiters included (0 when there is none).
    public var lineCount: Int

    public static let empty = FrontMatter(fields: [:], lineCount: 0)

    public subscript(_ keys: String...) -> String? {
        for k in keys { if let v = fields[k], !v.isEmpty { return v } }
        return nil
    }

    /// Splits front matter from `text`. The body keeps its line numbers: the
    /// front matter's lines are replaced by empty lines, so every later position
    /// is the position in the file.
    public static func split(_ text: String, file: String) throws -> (FrontMatter, body: String) {
        // A first line of "---" starts with these bytes (no other text is
        // canonically equivalent to it): most guides have no front matter, and
        // cutting every one into lines to look at its first was a waste.
        guard text.utf8.starts(with: "---".utf8) else { return (.empty, text) }
        // Lines end at "\n", "\r\n" or a lone "\r" (bytes, not Characters: "\r\n" is one Character).
        let lines = SourceLines(text).lines
        guard lines[0].text == "---" else { return (.empty, text) }
        var close: Int?
        for i in 1..<lines.count where lines[i].text == "---" || lines[i].text == "..." {
            close = i
            break
        }
        guard let close else {
            throw PermDocsError("front matter opened with '---' is never closed with a '---' line", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let yaml = lines[1..<close].map(\.text).joined(separator: "\n")
        var fields: [String: String] = [:]
        if let node = try YAMLReading.compose(yaml, file: file, firstLine: 2) {
            guard let mapping = node.mapping else {
                throw PermDocsError("front matter must be a mapping of keys to values", at: YAMLReading.location(of: node, file: file, firstLine: 2))
            }
            for (k, v) in mapping {
                guard let key = k.string else { continue }
                // Guides carry all sorts of keys, read leniently; short_name is permdocs' own and checked.
                if key == "short_name" {
                    let here = YAMLReading.location(of: v, file: file, firstLine: 2)
                    guard let text = YAMLReading.text(v) else {
                        throw PermDocsError("'short_name' must be a single value, such as short_name: DMS", at: here)
                    }
                    try ShortName.check(text, key: "short_name", at: here)
                }
                if let s = YAMLReading.text(v) {
                    fields[key] = s
                } else if let seq = v.sequence {
                    fields[key] = seq.compactMap { YAMLReading.text($0) }.joined(separator: ", ")
                }
            }
        }
        // The front matter's lines emptied, then the rest of the text as it is
        // (joining every line again copied each one). Only the emptied lines can
        // need `join`'s care for a lone "\r": after it, the text has its own endings.
        var body = SourceLines.join(lines[...close].map { (text: "", ending: $0.ending) })
        let rest = text[lines[close].ending.endIndex...]
        if body.utf8.last == 0x0D, rest.utf8.first == 0x0A {
            // The emptied lines end in a lone "\r" (`join` wrote one to keep two
            // lines apart) and the rest starts with an empty "\n" line: glued, they
            // would read as one "\r\n". `join` every line, which keeps them apart.
            let all = lines.enumerated().map { i, line in (text: i <= close ? "" : String(line.text), ending: line.ending) }
            return (FrontMatter(fields: fields, lineCount: close + 1), SourceLines.join(all))
        }
        body.append(contentsOf: rest)
        return (FrontMatter(fields: fields, lineCount: close + 1), body)
    }
}
