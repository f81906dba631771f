/// Text in a page that may hold a policy, with its context, before it is parsed.
import PermDocsCore
import PermDocsPolicy

public struct PolicyCandidate {
    public var text: MappedText
    public var origin: PolicyBlock.Origin
    /// Identifies the page node the text came from, so the renderer can find the block again.
    public var originKey: SourcePosition
    public var heading: String?
    public var headingID: String?
    public var leadIn: String?
    /// The prose around the text (the page title is filled in by the extractor).
    public var context = BlockContext()
    /// True when the text only holds the policy somewhere inside (a shell heredoc).
    public var embedded: Bool = false
    /// A code block's literal as written, which its figure shows.
    public var literal: String?

    /// True when the text reads like a JSON policy: it starts with `{` or `[`
    /// and names a policy element. Such text that does not parse is reported.
    public static func looksLikePolicyJSON(_ text: MappedText) -> Bool {
        guard let first = text.scalars.first(where: { !$0.properties.isWhitespace }), first == "{" || first == "[" else { return false }
        let s = text.string
        return s.contains("\"Effect\"") || s.contains("\"Statement\"") || s.contains("\"Action\"") && s.contains("\"Resource\"")
    }

    /// The first balanced `{…}` inside `text` that names `"Statement"` or `"Effect"`,
    /// for policies written into shell commands (`cat > p.json <<EOF`, `--policy-document '{…}'`).
    public static func embeddedJSON(in text: MappedText) -> MappedText? {
        let s = text.scalars
        var i = 0
        while i < s.count {
            if s[i] == "{" {
                var depth = 0
                var inString = false
                var j = i
                while j < s.count {
                    let c = s[j]
                    if inString {
                        if c == "\\" { j += 1 } else if c == "\"" { inString = false }
                    } else if c == "\"" {
                        inString = true
                    } else if c == "{" {
                        depth += 1
                    } else if c == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                if j < s.count {
                    let candidate = text.slice(i..<(j + 1))
                    let str = candidate.string
                    if str.contains("\"Statement\"") || str.contains("\"Effect\"") { return candidate }
                    i = j + 1
                    continue
                }
                return nil
            }
            i += 1
        }
        return nil
    }
}
