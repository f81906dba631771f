import Foundation

/// Turns an analysed site into its files: the index, one page per tool (and
/// per further page of a tool), the comparison matrix, and the theme's assets.
/// Pure: it reads nothing and writes nothing.
public struct SiteRenderer {
    public var theme: Theme
    public var site: AnalyzedSite
    /// Shown in the footer.
    public var generator: String

    public init(theme: Theme, site: AnalyzedSite, generator: String = "permdocs") {
        self.theme = theme
        self.site = site
        self.generator = generator
    }

    public func render() -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(OutputFile(path: SitePaths.index, text: indexPage()))
        for tool in site.tools {
            for page in tool.pages {
                let path = SitePaths.page(tool: tool.slug, pageID: page.source.pageID)
                files.append(OutputFile(path: path, text: toolPage(tool, page: page, path: path)))
            }
        }
        files.append(OutputFile(path: SitePaths.matrix, text: matrixPage()))
        for asset in theme.assets {
            files.append(OutputFile(path: "assets/" + asset.path, data: asset.data))
        }
        return files.sorted { $0.path < $1.path }
    }

    // MARK: Shared context

    private func base(path: String, title: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        var ctx: [String: Any] = [
            "root": root,
            "title": title,
            "siteTitle": site.config.title,
            "siteDescription": site.config.description,
            "stylesheet": root + SitePaths.stylesheet,
            "indexURL": root + SitePaths.index,
            "matrixURL": root + SitePaths.matrix,
            "generator": generator,
            "tools": site.tools.map { ["name": $0.tool.metadata.name, "url": root + SitePaths.page(tool: $0.slug, pageID: $0.pages[0].source.pageID)] },
        ]
        if !site.config.baseURL.isEmpty {
            let base = site.config.baseURL.hasSuffix("/") ? site.config.baseURL : site.config.baseURL + "/"
            ctx["canonicalURL"] = base + path
        }
        return ctx
    }

    private func stats(_ tool: AnalyzedTool) -> [String: Any] {
        let actions = site.index.actions(of: tool.slug)
        return [
            "pageCount": tool.pages.count,
            "blockCount": tool.blocks.count,
            "actionCount": actions.count,
            "serviceCount": Set(actions.map(\.service)).count,
            "diagnosticCount": tool.diagnostics.count,
        ]
    }

    // MARK: Index

    private func indexPage() -> String {
        var ctx = base(path: SitePaths.index, title: site.config.title)
        ctx["toolRows"] = site.tools.map { tool -> [String: Any] in
            var row = stats(tool)
            row["name"] = tool.tool.metadata.name
            row["vendor"] = tool.tool.metadata.vendor ?? ""
            row["url"] = SitePaths.page(tool: tool.slug, pageID: tool.pages[0].source.pageID)
            return row
        }
        ctx["toolCount"] = site.tools.count
        ctx["actionTotal"] = site.index.actions.count
        ctx["diagnosticTotal"] = site.diagnostics.count
        return theme.page("index", context: ctx)
    }

    // MARK: Tool pages

    private func toolPage(_ tool: AnalyzedTool, page: AnalyzedPage, path: String) -> String {
        let meta = tool.tool.metadata
        let isIntro = page.source.pageID == tool.pages[0].source.pageID
        var ctx = base(path: path, title: isIntro ? meta.name : "\(page.title) – \(meta.name)")
        ctx["toolName"] = meta.name
        ctx["pageTitle"] = page.title
        ctx["isIntro"] = isIntro
        ctx["toolURL"] = SitePaths.link(from: path, to: SitePaths.page(tool: tool.slug, pageID: tool.pages[0].source.pageID))
        ctx["sourceFile"] = page.source.path
        var metadata: [[String: Any]] = []
        if let v = meta.vendor { metadata.append(["label": "Vendor", "value": v]) }
        if let v = meta.productVersion { metadata.append(["label": "Product version", "value": v]) }
        if let v = meta.lastUpdated { metadata.append(["label": "Last updated", "value": v]) }
        ctx["metadata"] = metadata
        if let url = meta.sourceURL, SafeURL.isAllowed(url) { ctx["sourceURL"] = url }
        if let d = meta.description { ctx["description"] = d }
        ctx["stats"] = stats(tool)
        if tool.pages.count > 1 {
            ctx["hasPages"] = true
            ctx["pages"] = tool.pages.map { p -> [String: Any] in
                ["title": p.title, "url": SitePaths.link(from: path, to: SitePaths.page(tool: tool.slug, pageID: p.source.pageID)),
                 "current": p.source.pageID == page.source.pageID, "blockCount": p.blocks.count]
            }
        }
        ctx["diagnostics"] = page.diagnostics.sortedForOutput().map(diagnosticContext)
        ctx["hasDiagnostics"] = !page.diagnostics.isEmpty
        var extras: [String: String] = [:]
        for block in page.blocks {
            if let err = block.syntaxError {
                extras[block.anchor] = " <span class=\"finding severity-error\">\(HTMLEscaping.text(err.location.description)): \(HTMLEscaping.text(err.message))</span>"
            } else if let of = block.excerptOf {
                let target = SitePaths.block(of, from: path)
                extras[block.anchor] = " <span class=\"excerpt-of\">repeats <a href=\"\(HTMLEscaping.attribute(target))\">\(HTMLEscaping.text(of.anchor))</a></span>"
            }
        }
        let pageIDs = Set(tool.pages.map(\.source.pageID))
        let renderer = GuideRenderer(blocks: page.blocks, resolveLink: { url in
            Self.resolveMarkdownLink(url, from: page.source.pageID, pages: pageIDs)
        }, captionExtras: extras)
        ctx["guideHTML"] = renderer.render(page.structure)
        if isIntro { ctx["needs"] = needsContext(tool, path: path) }
        return theme.page(isIntro ? "tool" : "page", context: ctx)
    }

    /// `other.md#x` → `other.html#x` when `other` is a page of the same tool.
    static func resolveMarkdownLink(_ url: String, from pageID: String, pages: Set<String>) -> String? {
        guard !url.contains(":"), !url.hasPrefix("/") else { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let file = parts.first, file.hasSuffix(".md") else { return nil }
        let dir = pageID.split(separator: "/").dropLast().joined(separator: "/")
        let target = (dir.isEmpty ? "" : dir + "/") + file.dropLast(3)
        guard pages.contains(target) else { return nil }
        let depth = pageID.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + target + ".html" + (parts.count > 1 ? "#" + parts[1] : "")
    }

    private func diagnosticContext(_ d: Diagnostic) -> [String: Any] {
        ["location": d.location.description, "severity": d.severity.rawValue, "severityLabel": d.severity.label,
         "message": d.message, "id": d.id, "fix": d.fix ?? ""]
    }

    /// "What this tool needs": actions by service, each linking to its blocks;
    /// optional add-ons and trust policies apart.
    private func needsContext(_ tool: AnalyzedTool, path: String) -> [String: Any] {
        let index = site.index
        let actions = index.actions(of: tool.slug)
        func blockLinks(_ refs: [BlockReference]) -> [[String: Any]] {
            refs.map { ref in
                ["anchor": ref.anchor, "url": SitePaths.block(ref, from: path)]
            }
        }
        func groups(_ list: [Action]) -> [[String: Any]] {
            Dictionary(grouping: list, by: \.service).sorted { $0.key < $1.key }.map { service, acts in
                ["service": service.isEmpty ? "(no service prefix)" : service, "count": acts.count,
                 "actions": acts.map { a -> [String: Any] in
                    let need = index.need(a, by: tool.slug)!
                    return ["name": need.spellings.first ?? a.written, "serviceRole": need.viaServiceRole,
                            "blocks": blockLinks(need.blocks)]
                 }]
            }
        }
        let required = actions.filter { index.need($0, by: tool.slug)!.required }
        let optional = actions.filter { !index.need($0, by: tool.slug)!.required }
        let trust = tool.blocks.filter { $0.kind == .trust }.map { block -> [String: Any] in
            let principals = block.policy!.statements.compactMap(\.principal).flatMap { p in
                p.value.isEveryone ? ["*"] : p.value.entries.flatMap { e in e.values.map { "\(e.kind.value): \($0.value)" } }
            }
            return ["anchor": block.anchor, "url": SitePaths.block(block.reference, from: path),
                    "principals": principals.joined(separator: ", "), "heading": block.heading ?? ""]
        }
        let denied = (index.uses[tool.slug] ?? []).filter { !$0.isAllow }
        return [
            "requiredGroups": groups(required), "requiredCount": required.count,
            "optionalGroups": groups(optional), "optionalCount": optional.count, "hasOptional": !optional.isEmpty,
            "trust": trust, "hasTrust": !trust.isEmpty,
            "denied": denied.map { ["name": $0.action.written, "url": SitePaths.block($0.block, from: path), "anchor": $0.block.anchor] },
            "hasDenied": !denied.isEmpty,
        ]
    }

    // MARK: Matrix

    private func matrixPage() -> String {
        var ctx = base(path: SitePaths.matrix, title: "Comparison matrix – \(site.config.title)")
        let index = site.index
        let tools = site.tools
        ctx["columns"] = tools.map { t -> [String: Any] in
            ["name": t.tool.metadata.name, "url": SitePaths.page(tool: t.slug, pageID: t.pages[0].source.pageID),
             "total": index.actions(of: t.slug).count]
        }
        ctx["columnCount"] = tools.count
        ctx["groups"] = Dictionary(grouping: index.actions, by: \.service).sorted { $0.key < $1.key }.map { service, actions -> [String: Any] in
            [
                "service": service.isEmpty ? "(no service prefix)" : service,
                "count": actions.count,
                "rows": actions.map { action -> [String: Any] in
                    let cells = tools.map { t -> [String: Any] in
                        guard let need = index.need(action, by: t.slug) else { return ["mark": "", "label": "not needed", "empty": true] }
                        let first = need.blocks[0]
                        let url = SitePaths.block(first, from: SitePaths.matrix)
                        if !need.required { return ["mark": "○", "label": "optional", "kind": "optional", "url": url] }
                        if need.viaServiceRole { return ["mark": "◆", "label": "needed by its service role", "kind": "role", "url": url] }
                        return ["mark": "●", "label": "needed", "kind": "explicit", "url": url]
                    }
                    return ["name": index.displayName(action), "cells": cells, "total": index.needs[action]?.count ?? 0]
                },
            ]
        }
        ctx["actionTotal"] = index.actions.count
        return theme.page("matrix", context: ctx)
    }
}
