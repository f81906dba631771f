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
    /// fragments (`html`) and figures (`figure`), in page order. Each entry
    /// has both keys, so neither is looked up in an outer context.
    public func guide(_ guide: RenderedGuide, blocks: [PolicyBlock]) -> [[String: Any]] {
        let byAnchor = Dictionary(blocks.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        return guide.fragments.compactMap { fragment -> [String: Any]? in
            switch fragment {
            case .html(let html):
                return ["html": html, "figure": false]
            case .figure(let anchor):
                guard let block = byAnchor[anchor] else { return nil }
                return ["html": "", "figure": context(block)]
            }
        }
    }

    /// One block's figure.
    func context(_ block: PolicyBlock) -> [String: Any] {
        var text = block.origin == .codeBlock ? (block.displayCode ?? block.text) : block.text
        // A policy pasted on one line (a table cell) is shown indented, as a policy reads.
        if block.origin != .codeBlock, !text.contains("\n"), let policy = block.policy {
            text = JSONWriter.pretty(policy.node)
        }
        let list = findings[block.anchor] ?? []
        var ctx: [String: Any] = [
            "anchor": block.anchor, "kind": block.kind.rawValue, "kindLabel": block.kind.label,
            "serviceRole": block.grantee == .serviceRole,
            // Absent values are `false`, not "": an empty string opens a Mustache section.
            "origin": block.origin == .codeBlock ? false : block.origin.rawValue as Any,
            "line": block.location.line,
            // Highlighted only when the page is rendered, not when it is reused.
            "code": DerivedHTML(.highlightedJSON, source: text),
            "hasFindings": !list.isEmpty,
            "findings": list.map { d -> [String: Any] in
                ["severity": d.severity.rawValue, "severityLabel": d.severity.label, "line": d.location.line,
                 "column": d.location.column, "message": d.message, "id": d.id, "fix": d.fix.map { $0 as Any } ?? false]
            },
            "syntaxError": false, "excerptOf": false,
        ]
        if let err = block.syntaxError {
            ctx["syntaxError"] = ["location": err.location.description, "message": err.message]
        } else if let of = block.excerptOf, let url = excerptLinks[block.anchor] {
            ctx["excerptOf"] = ["anchor": of.anchor, "url": url]
        }
        return ctx
    }
}
