/// The guide as the `guide` partial iterates it: HTML fragments and policy
/// figures, in page order. Each part has both fields, so neither is looked
/// up in an enclosing context.
struct GuidePart: Encodable {
    var html: String
    var figure: Figure?
}

/// What the theme's `figure` partial shows of a policy block.
struct Figure: Encodable {
    var anchor: String
    /// `PolicyKind` raw value (CSS class) and label.
    var kind: String
    var kindLabel: String
    var serviceRole: Bool
    /// Where the policy was found when not in a code block (a table, a callout…).
    var origin: String?
    var line: Int
    /// The JSON highlighted, made only when the page is rendered.
    var code: DerivedHTML
    var hasFindings: Bool
    var findings: [BlockFinding]
    var syntaxError: SyntaxError?
    var excerptOf: Excerpt?

    struct BlockFinding: Encodable {
        var severity: String
        var severityLabel: String
        var line: Int
        var column: Int
        var message: String
        var id: String
        var fix: String?
    }

    struct SyntaxError: Encodable {
        var location: String
        var message: String
    }

    /// The fuller policy this block repeats.
    struct Excerpt: Encodable {
        var anchor: String
        var url: String
    }
}
