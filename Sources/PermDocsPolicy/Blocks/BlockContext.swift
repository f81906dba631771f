/// The prose around a policy block, as a reader of the guide sees it: what
/// decides who the block is granted to and what kind it is when its JSON
/// alone cannot (an identity policy for a user and one for a Lambda execution
/// role look the same).
///
/// Texts are plain (Markdown marks and escapes removed), in document order.
public struct BlockContext: Hashable, Sendable {
    /// The page's title: its front matter `title`, else its first H1.
    public var pageTitle: String?
    /// The page's first paragraph, which often says what the whole page is
    /// about ("Each user is assigned an IAM role … called a service role").
    public var pageIntro: String?
    /// The headings the block stands under, outermost first, nearest last.
    public var headings: [String]
    /// The first paragraphs of each enclosing section above the nearest one,
    /// outermost first: what a page says once for all its subsections ("attach
    /// these policies to the controller's role").
    public var outerParagraphs: [String]
    /// The paragraphs between the nearest heading and the block, nearest last:
    /// bold labels, list items and steps before it. The last is the lead-in.
    public var before: [String]
    /// The paragraph right after the block in the same section (the next step,
    /// "Attach the policy to the role"), if any.
    public var after: String?

    public init(pageTitle: String? = nil, pageIntro: String? = nil, headings: [String] = [], outerParagraphs: [String] = [], before: [String] = [], after: String? = nil) {
        self.pageTitle = pageTitle
        self.pageIntro = pageIntro
        self.headings = headings
        self.outerParagraphs = outerParagraphs
        self.before = before
        self.after = after
    }

    /// The paragraph that introduces the block.
    public var leadIn: String? { before.last }
    /// The heading the block stands under.
    public var heading: String? { headings.last }
}
