import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

/// What the theme's `figure` partial shows of a policy block: its anchor,
/// kind, grantee and origin for the caption, its syntax error or the fuller
/// policy it repeats, the JSON highlighted, and its findings below. The theme
/// draws it (`templates/figure.mustache`), so a theme author restyles figures
/// without recompiling.
public struct PolicyFigure {
    /// The findings of each block, by anchor, as the page lists them.
    var findings: [String: [Diagnostic]] = [:]
    /// The link to the fuller policy an excerpt repeats, from the page; by anchor.
    var excerptLinks: [String: String] = [:]

    public init(findings: [Diagnostic] = [], excerptLinks: [String: String] = [:]) {
        self.findings = Dictionary(grouping: findings.filter { $0.block != nil }, by: { $0.block!.anchor }).mapValues { $0.sortedForOutput() }
        self.excerptLinks = excerptLinks
    }

    /// The guide as the `tool` and `page` templates iterate it: HTML
    /// fragments and figures, in page order.
    func guide(_ guide: RenderedGuide, blocks: [PolicyBlock]) -> [GuidePart] {
        let byAnchor = Dictionary(blocks.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        return guide.fragments.compactMap { fragment -> GuidePart? in
            switch fragment {
            case .html(let html):
                return GuidePart(html: html, figure: nil)
            case .figure(let anchor):
                guard let block = byAnchor[anchor] else { return nil }
                return GuidePart(html: "", figure: figure(block))
            }
        }
    }

    /// One block's figure.
    func figure(_ block: PolicyBlock) -> Figure {
        var text = block.origin == .codeBlock ? (block.displayCode ?? block.text) : block.text
        // A policy pasted on one line (a table cell) is shown indented, as a policy reads.
        if block.origin != .codeBlock, !text.contains("\n"), let policy = block.policy {
            text = JSONWriter.pretty(policy.node)
        }
        let list = findings[block.anchor] ?? []
        var figure = Figure(
            anchor: block.anchor, kind: block.kind.rawValue, kindLabel: block.kind.label,
            serviceRole: block.grantee == .serviceRole,
            origin: block.origin == .codeBlock ? nil : block.origin.rawValue,
            line: block.location.line,
            // Highlighted only when the page is rendered, not when it is reused.
            code: DerivedHTML(.highlightedJSON, source: text),
            hasFindings: !list.isEmpty,
            findings: list.map { d in
                Figure.BlockFinding(severity: d.severity.rawValue, severityLabel: d.severity.label, line: d.location.line,
                                    column: d.location.column, message: d.message, id: d.id,
                                    fix: d.fix?.isEmpty == false ? d.fix : nil)
            })
        if let err = block.syntaxError {
            figure.syntaxError = .init(location: err.location.description, message: err.message)
        } else if let of = block.excerptOf, let url = excerptLinks[block.anchor] {
            figure.excerptOf = .init(anchor: of.anchor, url: url)
        }
        return figure
    }
}
