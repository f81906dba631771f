import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

/// Draws a policy block as an anchored figure: its kind, grantee and origin in
/// the caption, the JSON highlighted, its findings below.
public struct PolicyFigure {
    /// Extra HTML placed inside a figure's caption (syntax error, "repeats …"); by block anchor.
    var captionExtras: [String: String] = [:]
    /// Extra HTML placed inside a figure after its code (its findings); by block anchor.
    var afterCode: [String: String] = [:]

    public init(captionExtras: [String: String] = [:], afterCode: [String: String] = [:]) {
        self.captionExtras = captionExtras
        self.afterCode = afterCode
    }

    /// The guide's HTML with every figure drawn. Anchors are permdocs' own
    /// (`policy-3`), one per block of the page.
    public func guideHTML(_ guide: RenderedGuide, blocks: [PolicyBlock]) -> String {
        let byAnchor = Dictionary(blocks.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        return guide.html { anchor in
            byAnchor[anchor].map { html($0, code: $0.displayCode ?? $0.text) }
        }
    }

    /// One block's figure; `code` is the code block's literal as written.
    func html(_ block: PolicyBlock, code: String) -> String {
        let anchor = HTMLEscaping.attribute(block.anchor)
        var html = "<figure class=\"policy policy-\(block.kind.rawValue)\" id=\"\(anchor)\">"
        html += "<figcaption><a class=\"policy-link\" href=\"#\(anchor)\">\(HTMLEscaping.text(block.anchor))</a>"
        html += " <span class=\"badge kind-\(block.kind.rawValue)\">\(HTMLEscaping.text(block.kind.label))</span>"
        if block.grantee == .serviceRole {
            html += " <span class=\"badge grantee-role\">service role</span>"
        }
        if block.origin != .codeBlock {
            html += " <span class=\"badge origin\">from \(HTMLEscaping.text(block.origin.rawValue))</span>"
        }
        html += " <span class=\"where\">line \(block.location.line)</span>"
        if let extra = captionExtras[block.anchor] { html += extra }
        html += "</figcaption>"
        var text = block.origin == .codeBlock ? code : block.text
        // A policy pasted on one line (a table cell) is shown indented, as a policy reads.
        if block.origin != .codeBlock, !text.contains("\n"), let policy = block.policy {
            text = JSONWriter.pretty(policy.node)
        }
        html += "<pre><code class=\"language-json\">" + JSONHighlighter.html(text) + "</code></pre>"
        html += (afterCode[block.anchor] ?? "") + "</figure>\n"
        return html
    }
}
