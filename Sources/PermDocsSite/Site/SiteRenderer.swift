import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

/// Turns an analyzed site into its files: the index, one page per tool (and
/// per further page of a tool), the comparison matrix, and the theme's assets.
/// Pure: it reads nothing and writes nothing.
public struct SiteRenderer {
    public var theme: Theme
    public var site: AnalyzedSite
    /// Shown in the footer.
    public var generator: String
    /// How many pages render at once.
    public var concurrency = ProcessInfoConcurrency.default
    /// Called on the worker thread with each page and export as soon as it is
    /// made (the pipeline stages it on disk); what it returns is kept in the
    /// render's files instead (the same path without the bytes, so the site's
    /// HTML is not all held at once). Theme assets and the sitemap are not
    /// handed over, nor anything in a render of changed pages only. Nil keeps every file.
    public var handOver: ((OutputFile) -> OutputFile)?

    /// Each tool's actions, computed once: every page of a tool shows its counts.
    private let toolActions: [String: [Action]]
    /// Each tool's counts, computed once: a tool with thousands of
    /// pages must not recount them for every page.
    private let toolStats: [String: ToolStats]
    /// Paths of the action, service and set pages.
    var siteMap: SiteMap { lazySiteMap.value }
    /// The overlap of every pair of tools, computed once for the overlap pages and the heat map.
    var overlap: ToolOverlap { lazyOverlap.value }
    /// The catalog for service pages and exports: the one the site was checked against, else the bundled one.
    let catalog: ActionCatalog?
    /// Each tool's merged policy, computed once: shown on its page and written to `policies/`.
    var combined: [String: CombinedPolicy] { lazyCombined.value }
    // Made on first use: rendering one edited page (`renderChanges`) needs none of them.
    private let lazySiteMap: SharedLazy<SiteMap>
    private let lazyOverlap: SharedLazy<ToolOverlap>
    private let lazyCombined: SharedLazy<[String: CombinedPolicy]>
    /// Each tool's actions by access level, for its bar (on its page and on the index).
    /// `data/rows.js`, whose version the matrix, comparison and search data name.
    var rowsTable: RowsData.Table { lazyRowsTable.value }
    private let lazyRowsTable: SharedLazy<RowsData.Table>
    var accessBars: [String: String] { lazyAccessBars.value }
    private let lazyAccessBars: SharedLazy<[String: String]>
    /// Every page's context lists the tools with links from its root: made once
    /// per folder depth, not once per page (thousands of pages × dozens of tools).
    private let toolLinks: [String: [ToolLink]]
    /// Tools by slug, for the pages that list a row's tools.
    let toolsBySlug: [String: AnalyzedTool]

    /// A tool with more pages than this lists them on its first page only; up
    /// to it, the sidebar lists them on each page (beside the previous and next links every page has).
    static let fullPageListLimit = 40

    public init(theme: Theme, site: AnalyzedSite, generator: String = "permdocs") {
        self.theme = theme
        self.site = site
        self.generator = generator
        let actions = Dictionary(uniqueKeysWithValues: site.tools.map { ($0.slug, site.index.actions(of: $0.slug)) })
        toolActions = actions
        toolStats = Dictionary(uniqueKeysWithValues: site.tools.map { tool in
            let list = actions[tool.slug] ?? []
            return (tool.slug, ToolStats(
                pageCount: tool.pages.count,
                blockCount: tool.pages.reduce(0) { $0 + $1.blocks.count },
                actionCount: list.count,
                serviceCount: Set(list.map(\.service)).count,
                diagnosticCount: tool.pages.reduce(0) { $0 + $1.diagnostics.count }))
        })
        lazySiteMap = SharedLazy { SiteMap(index: site.index, toolSets: site.config.toolSets, isKnownService: site.catalog.map { catalog in { catalog.serviceExists($0) } }) }
        lazyOverlap = SharedLazy { ToolOverlap(index: site.index) }
        let siteMap = lazySiteMap
        lazyRowsTable = SharedLazy { RowsData.table(site: site, siteMap: siteMap.value) }
        let catalog = site.catalog
        self.catalog = catalog
        lazyCombined = SharedLazy { Dictionary(uniqueKeysWithValues: site.tools.map { ($0.slug, CombinedPolicy(tool: $0, catalog: catalog)) }) }
        toolsBySlug = Dictionary(site.tools.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        toolLinks = Dictionary(uniqueKeysWithValues: (0...8).map { depth in
            let root = String(repeating: "../", count: depth)
            return (root, Self.toolLinks(site.tools, root: root))
        })
        lazyAccessBars = SharedLazy {
            // One pass over the rows for all tools, not one per tool.
            var levels: [String: [AccessLevel: Int]] = [:]
            for row in site.index.rows {
                guard let level = row.accessLevel else { continue }
                for (slug, need) in row.needs where need.isRequired { levels[slug, default: [:]][level, default: 0] += 1 }
            }
            return Dictionary(uniqueKeysWithValues: site.tools.map { tool in
                (tool.slug, AccessLevelBar.svg(AccessLevel.allCases.map { ($0, levels[tool.slug]?[$0] ?? 0) }))
            })
        }
    }

    /// Every file of the site, in path order.
    public func render() -> [OutputFile] {
        render(reusing: nil).files
    }

    /// Every file of the site, in path order; a page whose request has the
    /// fingerprint `cache` holds for its path is taken from the cache instead
    /// of rendered. The output is the same bytes either way.
    public func render(reusing cache: (any RenderCache)?) -> RenderedSite {
        if let previous = cache?.previousRender, let changed = renderChanges(since: previous, cache: cache) {
            return changed
        }
        // Every page is a job; jobs run in parallel and each result lands in
        // its job's slot, so the output does not depend on thread timing.
        var jobs: [RenderJob] = [
            .page(path: SitePaths.index, request: indexPage),
            .page(path: SitePaths.findings, request: findingsPage),
            .files(policyFiles),
        ]
        // Each export is its own job, so the big ones run beside pages, not one after another.
        jobs += SiteExports(site: site).makers.map { export in .files { [OutputFile(path: export.path, text: export.make())] } }
        let salt = fingerprintSalt
        let siteInputs = siteInputs(salt: salt)
        // What each job costs, to start the costliest first (`ParallelMap`):
        // the exports, then pages by the size of their guide; the rest are small.
        var costs: [String: Int] = [:]
        for tool in site.tools {
            let toolInputs = toolInputs(tool)
            for (index, page) in tool.pages.enumerated() {
                let path = SitePaths.page(tool: tool.slug, pageID: page.source.pageID)
                costs[path] = page.guide.byteCount
                let request = { toolPage(tool, page: page, at: index, path: path) }
                // Further pages can be reused by their inputs, without building their context.
                if let inputs = toolPageInputs(site: siteInputs, tool: toolInputs, tool, at: index, path: path) {
                    jobs.append(.keyedPage(path: path, inputs: inputs, request: request))
                } else {
                    jobs.append(.page(path: path, request: request))
                }
            }
        }
        jobs += searchJobs()
        jobs += matrixJobs()
        jobs += overlapJobs()
        jobs += serviceJobs()
        if theme.hasTemplate("404") {
            jobs.append(.page(path: SitePaths.notFound, request: notFoundPage))
        }
        if hasChangesPage {
            jobs.append(.page(path: SitePaths.changes, request: changesPage))
        }
        let results = ParallelMap.map(jobs, concurrency: concurrency, costliestFirst: { job in
            switch job {
            case .files: return Int.max
            case .page(let path, _), .keyedPage(let path, _, _): return costs[path] ?? 0
            }
        }) { job -> [RenderResult] in
            let made: [RenderResult]
            switch job {
            case .files(let make):
                made = make().map { RenderResult(file: $0, fingerprint: nil, origin: .made) }
            case .page(let path, let make):
                made = [page(path, make, salt: salt, cache: cache)]
            case .keyedPage(let path, let inputs, let make):
                if let (fingerprint, data) = cache?.reusable(path, inputs: inputs) {
                    made = [RenderResult(file: OutputFile(path: path, data: data), fingerprint: fingerprint, origin: .reused, inputs: inputs)]
                } else {
                    var result = page(path, make, salt: salt, cache: cache)
                    result.inputs = inputs
                    made = [result]
                }
            }
            guard let handOver else { return made }
            return made.map { var result = $0; result.file = handOver(result.file); return result }
        }.flatMap { $0 }
        var files = results.map(\.file)
        let fingerprints = Dictionary(results.compactMap { r in r.fingerprint.map { (r.file.path, $0) } }, uniquingKeysWith: { a, _ in a })
        for asset in theme.assets {
            files.append(OutputFile(path: "assets/" + asset.path, data: asset.data))
        }
        if let base = site.config.absoluteBaseURL {
            files.append(OutputFile(path: SitePaths.sitemap, text: Sitemap.xml(baseURL: base, pages: files.map(\.path))))
        }
        files.sort { $0.path < $1.path }
        var rendered = RenderedSite(files: files, fingerprints: fingerprints,
                                    reused: results.filter { $0.origin == .reused }.count,
                                    rendered: results.filter { $0.origin == .rendered }.count,
                                    inputs: Dictionary(results.compactMap { r in r.inputs.map { (r.file.path, $0) } }, uniquingKeysWith: { a, _ in a }))
        rendered.source = site
        rendered.salt = salt
        rendered.theme = theme
        rendered.onlyPagesChanged = false
        rendered.positions = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        return rendered
    }

    /// A page from its request: reused from `cache` by fingerprint, else rendered.
    private func page(_ path: String, _ make: () -> PageRequest, salt: Fingerprint, cache: (any RenderCache)?) -> RenderResult {
        let request = make()
        let fingerprint = request.fingerprint(salt: salt)
        if let fingerprint, let data = cache?.reusable(path, fingerprint: fingerprint) {
            return RenderResult(file: OutputFile(path: path, data: data), fingerprint: fingerprint, origin: .reused)
        }
        return RenderResult(file: OutputFile(path: path, data: theme.pageData(request)), fingerprint: fingerprint, origin: .rendered)
    }

    /// One file of a job, with where it came from.
    private struct RenderResult {
        enum Origin { case made, rendered, reused }
        var file: OutputFile
        var fingerprint: Fingerprint?
        var origin: Origin
        /// The page's inputs, when it has them (`ToolPageInputs`).
        var inputs: AnyHashable?
    }

    /// What every page's fingerprint starts from: the theme (templates and
    /// assets) and the permdocs binary (`BuildIdentity`), which can change
    /// the HTML for the same context. The catalog version and generator are in every context.
    var fingerprintSalt: Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(theme.fingerprint)
        hasher.combine(BuildIdentity.current)
        hasher.combine(generator)
        return hasher.fingerprint
    }

    // MARK: Shared context

    /// What every page shows (header, footer, links to the site's pages).
    /// `root` leads back to the site root; by default the relative `../` path
    /// from `path`, so the site works from any folder and from `file://`.
    func frame(path: String, title: String, root: String? = nil) -> PageFrame {
        let root = root ?? SitePaths.root(from: path)
        return PageFrame(
            root: root, title: title, siteTitle: site.config.title, siteDescription: site.config.description,
            stylesheet: root + SitePaths.stylesheet, indexURL: root + SitePaths.index, matrixURL: root + SitePaths.matrix,
            findingsURL: root + SitePaths.findings, overlapURL: root + SitePaths.overlap, searchURL: root + SitePaths.search,
            searchDataURL: root + SearchIndex.path, filterScript: root + SitePaths.filterScript,
            matrixScript: root + SitePaths.matrixScript, searchScript: root + SitePaths.searchScript,
            copyScript: root + SitePaths.copyScript, commonScript: root + SitePaths.commonScript,
            favicon: root + SitePaths.favicon, generator: generator,
            catalogVersion: site.catalogVersion ?? "", catalogDate: site.catalog?.sourceDate ?? "",
            tools: toolLinks[root] ?? Self.toolLinks(site.tools, root: root),
            changesURL: hasChangesPage ? root + SitePaths.changes : nil,
            canonicalURL: site.config.absoluteBaseURL.map { $0 + SiteConfig.urlPath(path) })
    }

    /// `404.html`, which servers show for any missing path, at any depth: its
    /// links lead from the site root (`base_url`, else `/`), not relative.
    private func notFoundPage() -> PageRequest {
        let root = site.config.absoluteBaseURL ?? "/"
        var frame = frame(path: SitePaths.notFound, title: "Page not found – \(site.config.title)", root: root)
        frame.canonicalURL = nil
        return PageRequest(template: "404", page: NotFoundPage(frame: frame))
    }

    /// "Edit this page": the tool's `edit_url` followed by the page's path in
    /// the tool's folder (or its file name for a one-file tool), else the
    /// site's `edit_url` followed by the page's path under the content folder.
    /// Only http(s) URLs; each path segment percent-encoded.
    func editURL(_ tool: AnalyzedTool, page: AnalyzedPage) -> String? {
        let path = page.source.path
        let base: String, relative: String
        if let toolBase = tool.tool.metadata.editURL, !toolBase.isEmpty {
            let folder = "tools/\(tool.slug)/"
            base = toolBase
            relative = path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : String(path.split(separator: "/").last ?? "")
        } else if !site.config.editURL.isEmpty {
            base = site.config.editURL
            relative = path
        } else {
            return nil
        }
        let lower = base.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + SiteConfig.urlPath(relative)
    }

    private static func toolLinks(_ tools: [AnalyzedTool], root: String) -> [ToolLink] {
        tools.map { ToolLink(name: $0.tool.metadata.name, url: root + SitePaths.firstPage(of: $0)) }
    }

    func stats(_ tool: AnalyzedTool) -> ToolStats {
        toolStats[tool.slug]!
    }

    // MARK: Index

    private func indexPage() -> PageRequest {
        let rows = site.tools.map { tool in
            let stats = stats(tool)
            return IndexPage.ToolRow(
                name: tool.tool.metadata.name, vendor: tool.tool.metadata.vendor ?? "",
                url: SitePaths.firstPage(of: tool),
                accessBar: accessBars[tool.slug] ?? "", pageCount: stats.pageCount, blockCount: stats.blockCount,
                actionCount: stats.actionCount, serviceCount: stats.serviceCount, diagnosticCount: stats.diagnosticCount)
        }
        let page = IndexPage(
            frame: frame(path: SitePaths.index, title: site.config.title), toolRows: rows, toolCount: site.tools.count,
            actionTotal: site.index.actions.count, diagnosticTotal: site.diagnostics.count,
            toolsText: CountPhrase.of(site.tools.count, "tool"),
            actionsText: CountPhrase.of(site.index.actions.count, "distinct action"),
            diagnosticsText: CountPhrase.of(site.diagnostics.count, "diagnostic"),
            sets: setLinks(from: SitePaths.index), hasSets: !site.config.toolSets.isEmpty)
        return PageRequest(template: "index", page: page)
    }

    // MARK: Tool pages

    /// The page at `index` of the tool's pages (passed in: looking it up per page
    /// was quadratic, 7,204 pages of one tool).
    func toolPage(_ tool: AnalyzedTool, page: AnalyzedPage, at i: Int, path: String) -> PageRequest {
        let meta = tool.tool.metadata
        let isIntro = page.source.pageID == tool.pages[0].source.pageID
        func link(_ p: AnalyzedPage) -> String {
            SitePaths.link(from: path, to: SitePaths.page(tool: tool.slug, pageID: p.source.pageID))
        }
        var metadata: [ToolPage.MetadataItem] = []
        if let v = meta.vendor { metadata.append(.init(label: "Vendor", value: v)) }
        if let v = meta.productVersion { metadata.append(.init(label: "Product version", value: v)) }
        if let v = meta.lastUpdated { metadata.append(.init(label: "Last updated", value: v)) }
        var excerptLinks: [String: String] = [:]
        for block in page.blocks where block.syntaxError == nil {
            if let of = block.excerptOf { excerptLinks[block.anchor] = SitePaths.block(of, from: path) }
        }
        var model = ToolPage(
            frame: frame(path: path, title: isIntro ? meta.name : "\(page.title) – \(meta.name)"),
            toolName: meta.name, pageTitle: page.title, isIntro: isIntro, toolURL: link(tool.pages[0]),
            // A generated landing page has no file to name or edit.
            sourceFile: page.source.isGenerated ? nil : page.source.path,
            editURL: page.source.isGenerated ? nil : editURL(tool, page: page),
            metadata: metadata,
            sourceURL: meta.sourceURL.flatMap { SafeURL.isAllowed($0) ? $0 : nil },
            description: meta.description, stats: stats(tool),
            hasPages: false, pages: [], hasSteps: false,
            sidebar: sidebar(tool, at: i, path: path),
            contents: PageContents(page.guide.headings, hasSections: isIntro),
            diagnostics: page.diagnostics.sortedForOutput().map { d in
                FindingEntry(d, url: d.block.map { "#" + $0.anchor }, anchor: d.block?.anchor)
            },
            hasDiagnostics: !page.diagnostics.isEmpty,
            findingSummary: FindingsReport(findings: page.diagnostics).summary,
            guide: PolicyFigure(findings: page.diagnostics, excerptLinks: excerptLinks).guide(page.guide, blocks: page.blocks),
            hasSimilar: false)
        // The first page lists every page (with its blocks); every page links to its
        // neighbours, and on wide screens the sidebar lists the pages of a tool with few.
        if tool.pages.count > 1 && !page.source.isGenerated && isIntro {
            model.hasPages = true
            model.pages = tool.pages.map { p in
                ToolPage.PageLink(title: p.title, url: link(p), current: p.source.pageID == page.source.pageID, blockCount: p.blocks.count)
            }
        }
        if tool.pages.count > 1 {
            model.hasSteps = true
            if i > 0 { model.previousPage = .init(title: tool.pages[i - 1].title, url: link(tool.pages[i - 1])) }
            if i + 1 < tool.pages.count { model.nextPage = .init(title: tool.pages[i + 1].title, url: link(tool.pages[i + 1])) }
        }
        if isIntro {
            let needs = needs(of: tool, path: path)
            model.needs = needs
            model.summary = toolSummary(tool, needs: needs, path: path)
            model.accessBar = accessBars[tool.slug] ?? ""
            model.combined = combinedPolicySection(tool, path: path)
            let similar = similarTools(tool, from: path)
            model.similar = similar
            model.hasSimilar = !similar.isEmpty
            model.history = toolHistory(tool, from: path)
        }
        return PageRequest(template: isIntro ? "tool" : "page", page: model)
    }

    /// "What this tool needs": actions by service, each linking to its blocks;
    /// optional add-ons and trust policies apart.
    private func needs(of tool: AnalyzedTool, path: String) -> ToolNeeds {
        let index = site.index
        let actions = index.actions(of: tool.slug)
        func groups(_ list: [Action]) -> [ToolNeeds.ServiceGroup] {
            Dictionary(grouping: list, by: \.service).sorted { $0.key < $1.key }.map { service, acts in
                ToolNeeds.ServiceGroup(
                    service: service.isEmpty ? "(no service prefix)" : service, count: acts.count,
                    actions: acts.map { a in
                        let need = index.need(a, by: tool.slug)!
                        var action = ToolNeeds.NeededAction(
                            name: need.spellings.first ?? a.written, serviceRole: need.viaServiceRole,
                            blocks: need.blocks.map { BlockLink(anchor: $0.anchor, url: SitePaths.block($0, from: path)) },
                            actionURL: index.row(named: a.written).map { SitePaths.link(from: path, to: siteMap.action($0)) })
                        describe(&action, a)
                        return action
                    })
            }
        }
        let required = actions.filter { index.need($0, by: tool.slug)!.required }
        let optional = actions.filter { !index.need($0, by: tool.slug)!.required }
        let trust = tool.blocks.filter { $0.kind == .trust || $0.kind == .resource }.map { block in
            let principals = block.policy!.statements.compactMap(\.principal).flatMap { p in
                p.value.isEveryone ? ["*"] : p.value.entries.flatMap { e in e.values.map { "\(e.kind.value): \($0.value)" } }
            }
            return ToolNeeds.TrustBlock(anchor: block.anchor, url: SitePaths.block(block.reference, from: path), kind: block.kind.label,
                                        principals: principals.joined(separator: ", "), heading: block.heading ?? "")
        }
        let denied = (index.uses[tool.slug] ?? []).filter { !$0.isAllow }
        return ToolNeeds(
            requiredGroups: groups(required), requiredCount: required.count, requiredText: CountPhrase.of(required.count, "action"),
            optionalGroups: groups(optional), optionalCount: optional.count, optionalText: CountPhrase.of(optional.count, "action"),
            hasOptional: !optional.isEmpty,
            trust: trust, hasTrust: !trust.isEmpty,
            denied: denied.map { .init(name: $0.action.written, url: SitePaths.block($0.block, from: path), anchor: $0.block.anchor) },
            hasDenied: !denied.isEmpty)
    }

    /// What the catalog says of an action: access level and description, or unknown.
    private func describe(_ action: inout ToolNeeds.NeededAction, _ a: Action) {
        guard let catalog = site.catalog else { return }
        if a.isWildcard {
            let matched = catalog.expand(a.written)
            action.accessLevel = matched.isEmpty ? "" : "wildcard: \(matched.count) actions"
            action.description = ""
        } else if let entry = catalog.action(named: a.written) {
            action.accessLevel = entry.accessLevel.rawValue
            action.description = entry.description
        } else {
            action.unknown = true
        }
    }

    // MARK: Findings

    /// Every reported finding across tools, filterable by severity and id.
    private func findingsPage() -> PageRequest {
        let all = site.diagnostics
        let toolNames = Dictionary(uniqueKeysWithValues: site.tools.map { ($0.slug, $0.tool.metadata.name) })
        let pagePaths = Dictionary(site.tools.flatMap { t in t.pages.map { ($0.source.path, (t.slug, $0.source.pageID)) } }, uniquingKeysWith: { a, _ in a })
        // Each finding with its tool (its block's, else its page's; none for site.yml).
        let entries = all.map { d -> (slug: String?, entry: FindingEntry) in
            var row = FindingEntry(d)
            var slug: String?
            if let block = d.block {
                row.url = SitePaths.block(block, from: SitePaths.findings)
                row.tool = toolNames[block.toolSlug] ?? block.toolSlug
                row.anchor = block.anchor
                slug = block.toolSlug
            } else if let (pageSlug, pageID) = pagePaths[d.location.file] {
                row.url = SitePaths.page(tool: pageSlug, pageID: pageID)
                row.tool = toolNames[pageSlug] ?? pageSlug
                slug = pageSlug
            }
            return (slug, row)
        }
        // Groups in site order, the site's own (site.yml) first; most severe first within a group, else as reported.
        let order = [nil] + site.tools.map { Optional($0.slug) }
        let rank = Dictionary(Diagnostic.Severity.allCases.enumerated().map { ($0.element.rawValue, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Grouped once, not filtered once per tool (a site of 80 tools and thousands of findings).
        let bySlug = Dictionary(grouping: entries.enumerated(), by: \.element.slug)
        let groups = order.compactMap { slug -> FindingsPage.Group? in
            let rows = (bySlug[slug] ?? [])
                .sorted { (rank[$1.element.entry.severity] ?? 0, $0.offset) < (rank[$0.element.entry.severity] ?? 0, $1.offset) }
                .map(\.element.entry)
            guard !rows.isEmpty else { return nil }
            let counts = Diagnostic.Severity.allCases.reversed().compactMap { s -> String? in
                let n = rows.filter { $0.severity == s.rawValue }.count
                return n == 0 ? nil : CountPhrase.of(n, s.label)
            }
            return FindingsPage.Group(tool: slug.map { toolNames[$0] ?? $0 } ?? "site.yml", id: "findings-" + (slug.map(PathSlug.make) ?? "site"),
                                      countsText: counts.joined(separator: " · "), rows: rows)
        }
        let page = FindingsPage(
            frame: frame(path: SitePaths.findings, title: "Findings – \(site.config.title)"),
            summary: FindingsReport(site: site).summary, findingTotal: all.count, silencedCount: site.silenced.count,
            silencedText: site.silenced.count == 1 ? "1 finding is" : "\(site.silenced.count) findings are",
            hasSilenced: !site.silenced.isEmpty,
            groups: groups,
            severities: Diagnostic.Severity.allCases.reversed().map { s in
                .init(value: s.rawValue, label: s.label, count: all.filter { $0.severity == s }.count)
            },
            ids: Dictionary(grouping: all, by: \.id).sorted { $0.key < $1.key }.map { id, list in
                .init(value: id, count: list.count, summary: FindingRules.rule(id)?.summary ?? "")
            })
        return PageRequest(template: "findings", page: page)
    }
}
