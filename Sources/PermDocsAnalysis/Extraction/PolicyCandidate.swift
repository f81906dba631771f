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
    /// True when the text may be code around a brace rather than a policy (a
    /// `{…}` in a shell command or program): read when it parses, never reported.
    public var embedded: Bool = false
    /// A code block's literal as written, which its figure shows.
    public var literal: String?

    /// True when the text reads like a JSON policy: it starts with `{` or `[`
    /// (or with the comma of a fragment cut out of a longer policy) and names
    /// a policy element. Such text that does not parse is reported.
    public static func looksLikePolicyJSON(_ text: MappedText) -> Bool {
        guard let first = text.scalars.first(where: { !$0.properties.isWhitespace }), first == "{" || first == "[" || first == "," else { return false }
        // Searched in place first: no other scalars stand for these ASCII
        // characters, so a key missing from the scalars is missing from the
        // string. One found there is found in the string too unless a scalar
        // that joins a neighbour into one character (a combining mark, a
        // prepended sign, a joiner; all at U+0300 or above) is in the text:
        // only then is the string made and searched as before.
        let scalars = text.scalars
        let inPlace = ScalarSearch.contains(scalars, "\"Effect\"") || ScalarSearch.contains(scalars, "\"Statement\"")
            || ScalarSearch.contains(scalars, "\"Action\"") && ScalarSearch.contains(scalars, "\"Resource\"")
        guard inPlace, scalars.contains(where: { $0.value >= 0x300 }) else { return inPlace }
        let s = text.string
        return s.contains("\"Effect\"") || s.contains("\"Statement\"") || s.contains("\"Action\"") && s.contains("\"Resource\"")
    }
}
