/// A section heading of a guide (`##` or `###`), as the page's table of
/// contents lists it: its words as a reader sees them and the id it links to.
public struct GuideHeading: Hashable, Sendable {
    /// 2 or 3: deeper headings would make the contents as long as the page.
    public var level: Int
    /// Plain text (no markup), escaped where it is drawn.
    public var text: String
    /// The heading's element id (`#id` lands on it).
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
