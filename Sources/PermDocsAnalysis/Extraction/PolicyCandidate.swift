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
        let s = text.string
        return s.contains("\"Effect\"") || s.contains("\"Statement\"") || s.contains("\"Action\"") && s.contains("\"Resource\"")
    }
}
