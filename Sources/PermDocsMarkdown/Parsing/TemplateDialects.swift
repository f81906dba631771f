import Foundation
import PermDocsCore

/// Rewrites the template syntax that guides borrow from Jekyll (Liquid) and
/// Hugo before cmark sees the page, keeping every line where it was so that
/// positions still point into the file (lines end at "\n", "\r\n" or a lone
/// "\r", as cmark counts them, and each keeps its own ending):
///
/// - `{% highlight json %}…{% endhighlight %}` and `{{< highlight json >}}…{{< /highlight >}}`
///   become fenced code blocks of that language;
/// - `{% comment %}…{% endcomment %}` is dropped;
/// - any other Liquid tag or Hugo shortcode is removed, its inner content kept,
///   with one warning per tag name so the writer knows it was not rendered.
///
/// Code blocks are left alone: template syntax inside them is an example.
public enum TemplateDialects {
    public struct Result {
        public var markdown: String
        public var diagnostics: [Diagnostic]
    }

    static let highlightOpen = try! NSRegularExpression(pattern: #"^(\s*)(?:\{%-?\s*highlight\s++([A-Za-z0-9_+.#-]++)?[^%]*+%\}|\{\{[<%]\s*highlight\s++"?([A-Za-z0-9_+.#-]++)?"?[^}]*[>%]\}\})\s*$"#)
    static let highlightClose = try! NSRegularExpression(pattern: #"^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*/\s*highlight\s*[>%]\}\})\s*$"#)
    static let commentOpen = try! NSRegularExpression(pattern: #"\{%-?\s*comment\s*-?%\}"#)
    static let commentClose = try! NSRegularExpression(pattern: #"\{%-?\s*endcomment\s*-?%\}"#)
    /// A Liquid tag `{% name … %}` or a Hugo shortcode `{{< name … >}}` / `{{% name … %}}` (also closing `/name`).
    ///
    /// Possessive quantifiers (`*+`): a long tag that never closes (`{% x-0-0-0…`
    /// over 8 KB of one line) made the lazy `[^%]*?` backtrack into the name,
    /// quadratically (2 s for 8 KB, found by the fuzzer). `[^%]*+` takes the
    /// `-` of `-%}` too, so the name and the match are as before.
    static let anyTag = try! NSRegularExpression(pattern: #"\{%-?\s*+(/?[A-Za-z_][\w-]*+)[^%]*+%\}|\{\{<\s*+(/?[A-Za-z_][\w./-]*+)[^>]*+>\}\}|\{\{%\s*+(/?[A-Za-z_][\w./-]*+)[^%]*+%\}\}"#)

    public static func rewrite(_ markdown: String, file: String) -> Result {
        guard mayHoldTag(markdown) else {
            return Result(markdown: markdown, diagnostics: [])
        }
        let source = SourceLines(markdown).lines
        var lines = source.map { String($0.text) }
        var diagnostics: [Diagnostic] = []
        var warned: Set<String> = []
        var fence: (char: Character, count: Int)?
        var inComment = false
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if let open = fence {
                if isFenceClose(line, open) { fence = nil }
                i += 1
                continue
            }
            if let f = fenceOpen(line) {
                fence = f
                i += 1
                continue
            }
            if inComment {
                if let m = firstMatch(commentClose, line) {
                    lines[i] = String(line[Range(m.range, in: line)!.upperBound...])
                    inComment = false
                    continue  // the rest of the line is ordinary text
                }
                lines[i] = ""
                i += 1
                continue
            }
            if let m = firstMatch(highlightOpen, line) {
                // Find the close, then fence with more backticks than the code holds.
                var end = i + 1
                while end < lines.count && firstMatch(highlightClose, lines[end]) == nil { end += 1 }
                let indent = group(m, 1, line) ?? ""
                let language = group(m, 2, line) ?? group(m, 3, line) ?? ""
                let longestRun = lines[(i + 1)..<min(end, lines.count)].map(longestBacktickRun).max() ?? 0
                let ticks = String(repeating: "`", count: max(3, longestRun + 1))
                lines[i] = indent + ticks + language
                if end < lines.count { lines[end] = indent + ticks }
                i = end + 1
                continue
            }
            if let m = firstMatch(commentOpen, line) {
                let before = String(line[..<Range(m.range, in: line)!.lowerBound])
                let after = String(line[Range(m.range, in: line)!.upperBound...])
                if let close = firstMatch(commentClose, after) {
                    lines[i] = before + String(after[Range(close.range, in: after)!.upperBound...])
                    continue
                }
                lines[i] = before
                inComment = true
                i += 1
                continue
            }
            if mayHoldTag(line) {
                let ns = line as NSString
                let matches = anyTag.matches(in: line, range: NSRange(location: 0, length: ns.length))
                if !matches.isEmpty {
                    for m in matches {
                        var name = (group(m, 1, line) ?? group(m, 2, line) ?? group(m, 3, line) ?? "").lowercased()
                        if name.hasPrefix("/") { name.removeFirst() }
                        if name.hasPrefix("end") && name.count > 3 { name = String(name.dropFirst(3)) }
                        if warned.insert(name).inserted {
                            let column = String(line[..<Range(m.range, in: line)!.lowerBound]).unicodeScalars.count + 1
                            let kind = ns.substring(with: m.range).hasPrefix("{%") ? "Liquid tag" : "Hugo shortcode"
                            diagnostics.append(FindingRules.templateTag.finding(
                                "\(kind) '\(name)' is not rendered; its inner content is shown as plain Markdown",
                                at: SourceLocation(file: file, line: i + 1, column: column),
                                fix: "replace the tag with Markdown, or ignore this if the plain content reads well",
                                subject: name))
                        }
                    }
                    let stripped = anyTag.stringByReplacingMatches(in: line, range: NSRange(location: 0, length: ns.length), withTemplate: "")
                    lines[i] = stripped.trimmingCharacters(in: .whitespaces).isEmpty ? "" : stripped
                }
            }
            i += 1
        }
        return Result(markdown: SourceLines.join(zip(lines, source.map(\.ending)).map { (text: $0, ending: $1) }), diagnostics: diagnostics)
    }

    /// Every pattern of this file needs `{%`, `{{<` or `{{%` in the line, so
    /// a line without any is no match: checked on its bytes first, since the
    /// regexes (through NSString and UTF-16) ran on every line of a page that
    /// had one tag anywhere and showed in profiles.
    private static func firstMatch(_ re: NSRegularExpression, _ s: String) -> NSTextCheckingResult? {
        guard mayHoldTag(s) else { return nil }
        return re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s))
    }

    /// True when the text holds `{%`, `{{<` or `{{%`: the bytes every template tag starts with.
    static func mayHoldTag(_ s: String) -> Bool {
        s.containsBytes("{%") || s.containsBytes("{{<") || s.containsBytes("{{%")
    }

    private static func group(_ m: NSTextCheckingResult, _ n: Int, _ s: String) -> String? {
        guard n < m.numberOfRanges, let r = Range(m.range(at: n), in: s) else { return nil }
        return String(s[r])
    }

    private static func longestBacktickRun(_ s: String) -> Int {
        var best = 0, run = 0
        for c in s { if c == "`" { run += 1; best = max(best, run) } else { run = 0 } }
        return best
    }

    /// A line that opens a fenced code block (up to 3 spaces, or more inside lists: we accept any indent).
    static func fenceOpen(_ line: String) -> (char: Character, count: Int)? {
        let t = line.drop { $0 == " " || $0 == "\t" }
        guard let c = t.first, c == "`" || c == "~" else { return nil }
        let count = t.prefix { $0 == c }.count
        guard count >= 3 else { return nil }
        if c == "`" && t.dropFirst(count).contains("`") { return nil }
        return (c, count)
    }

    static func isFenceClose(_ line: String, _ open: (char: Character, count: Int)) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        let count = t.prefix { $0 == open.char }.count
        return count >= open.count && t.dropFirst(count).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
