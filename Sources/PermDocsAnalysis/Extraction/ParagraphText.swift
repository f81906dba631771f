/// The prose of a page's paragraphs, read only when a policy block needs it
/// as context.
///
/// A block's context is the paragraphs around it, so extraction keeps every
/// paragraph of the open sections; but most pages hold no block, and reading
/// each paragraph's plain text (a walk of its inline nodes) as it went by
/// was a third of finding a page's candidates. A paragraph is read once, when
/// first asked, and gives what the eager reading gave.
import PermDocsCore
import PermDocsMarkdown

final class ParagraphText {
    private let node: MarkdownNode
    private var plainRead: String?
    private var trimmedRead: String?

    init(_ node: MarkdownNode) {
        self.node = node
    }

    /// The paragraph's plain text, as the lead-in of a block after it.
    var plain: String {
        if let plainRead { return plainRead }
        let text = node.plainText
        plainRead = text
        return text
    }

    /// The plain text without spaces at its ends; empty for a paragraph that
    /// says nothing (an image alone), which no context counts.
    var trimmed: String {
        if let trimmedRead { return trimmedRead }
        let text = plain.trimmedSpaces()
        trimmedRead = text
        return text
    }

    /// The texts of the paragraphs that say something, from the first, at most `limit`.
    static func first(_ limit: Int, of paragraphs: [ParagraphText]) -> [String] {
        var texts: [String] = []
        for paragraph in paragraphs where texts.count < limit {
            let text = paragraph.trimmed
            if !text.isEmpty { texts.append(text) }
        }
        return texts
    }

    /// The texts of the paragraphs that say something, the last `limit` of them, in order.
    static func last(_ limit: Int, of paragraphs: [ParagraphText]) -> [String] {
        var texts: [String] = []
        for paragraph in paragraphs.reversed() where texts.count < limit {
            let text = paragraph.trimmed
            if !text.isEmpty { texts.append(text) }
        }
        return texts.reversed()
    }
}
