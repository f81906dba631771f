import PermDocsCore
import PermDocsPolicy

/// The steps that need all of a tool's pages at once, after each page is
/// analyzed: classifying the blocks, checking links between the pages,
/// checking each block, and the tool-wide check of dependent actions.
///
/// Given what the same steps found for the tool in the last build of this
/// process (`ToolAnalysisMemo`, kept by `PageAnalysisCache`), it redoes only
/// what the changed pages can have changed, so a one-page edit of a tool
/// with thousands of pages does not check every link and block again:
///
/// - classification is reused when no changed page's blocks differ (a block's
///   kind depends on the tool's other blocks, so any such change classifies
///   the whole tool again);
/// - a page's links are checked again when the page changed, or when a page
///   whose ids its links depend on changed its ids;
/// - a page's blocks are checked again when its classified blocks differ;
/// - dependent actions are checked again when any classified block differs.
///
/// Anything else about the tool that differs (its pages, their order or
/// paths, the catalog, checking on or off) makes every step run again. The
/// findings are merged into each page in the same order as a build without
/// a memo, so the diagnostics are the same, in the same order.
struct ToolAnalysis {
    var catalog: ActionCatalog?
    var checker: PolicyChecker?
    var concurrency: Int

    /// How many pages each step went through anew (the rest were reused), for tests and summaries.
    struct Counts: Equatable {
        var classified = 0
        var linkChecked = 0
        var checked = 0

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(classified: a.classified + b.classified, linkChecked: a.linkChecked + b.linkChecked, checked: a.checked + b.checked)
        }
    }

    /// The tool's pages with classified blocks and every finding; `changed`
    /// holds the indexes of pages analyzed anew in this build (the others
    /// are the memo's pages, unchanged). Returns the memo for the next build.
    func run(_ tool: Tool, pages: [AnalyzedPage], changed: Set<Int>, memo old: ToolAnalysisMemo?) -> (AnalyzedTool, ToolAnalysisMemo, Counts) {
        var counts = Counts()
        var toolPages = pages
        let key = ToolAnalysisMemo.Key(paths: pages.map(\.source.path), pageIDs: pages.map(\.source.pageID),
                                       catalog: catalog.map { "\($0.source) \($0.location)" }, checked: checker != nil)
        let memo = old?.key == key ? old : nil
        var new = ToolAnalysisMemo(key: key, rawBlocks: pages.map(\.blocks))

        // Classification: the whole tool, unless no page's blocks changed.
        let sameBlocks = memo.map { m in changed.allSatisfy { pages[$0].blocks == m.rawBlocks[$0] } } ?? false
        if let memo, sameBlocks {
            new.classified = memo.classified
        } else {
            let isAWSService = catalog.map { c in { c.serviceExists($0) } }
            counts.classified = pages.count
            let classified = BlockClassifier.classify(pages.flatMap(\.blocks), isAWSService: isAWSService)
            var b = 0
            new.classified = pages.map { page in
                defer { b += page.blocks.count }
                return Array(classified[b..<(b + page.blocks.count)])
            }
        }
        for p in toolPages.indices { toolPages[p].blocks = new.classified[p] }
        let reclassified = Set(toolPages.indices.filter { p in memo.map { $0.classified[p] != new.classified[p] } ?? true })

        // Links between the tool's pages, checked once all of them are read.
        let pageIDs = Set(key.pageIDs)
        // A guide's ids are collected from its HTML on each call: only changed pages' are.
        new.ids = toolPages.indices.map { p in memo.map { changed.contains(p) ? toolPages[p].guide.ids : $0.ids[p] } ?? toolPages[p].guide.ids }
        let changedIDs = Set(changed.filter { p in memo.map { $0.ids[p] != new.ids[p] } ?? true }.map { key.pageIDs[$0] })
        let relink = toolPages.indices.filter { p in
            guard let memo else { return true }
            return changed.contains(p) || !memo.consulted[p].isDisjoint(with: changedIDs)
        }
        new.linkFindings = memo?.linkFindings ?? Array(repeating: [], count: pages.count)
        new.consulted = memo?.consulted ?? Array(repeating: [], count: pages.count)
        counts.linkChecked = relink.count
        if !relink.isEmpty {
            let ids = Dictionary(zip(key.pageIDs, new.ids), uniquingKeysWith: { a, _ in a })
            let (linked, introAlias) = (toolPages, toolPages.first?.source.introAlias)
            let checked = ParallelMap.map(relink, concurrency: concurrency) { p in
                LinkCheck.findings(for: linked[p], pageIDs: pageIDs, introAlias: introAlias, ids: ids)
            }
            for (k, p) in relink.enumerated() { (new.linkFindings[p], new.consulted[p]) = checked[k] }
        }
        for p in toolPages.indices where !new.linkFindings[p].isEmpty {
            toolPages[p].diagnostics = (toolPages[p].diagnostics + new.linkFindings[p]).sortedForOutput()
        }

        guard let checker else { return (AnalyzedTool(tool: tool, pages: toolPages), new, counts) }
        // Each block's checks, and then the checks across the tool's pages.
        let recheck = toolPages.indices.filter { memo == nil || reclassified.contains($0) }
        counts.checked = recheck.count
        let found = ParallelMap.map(recheck, concurrency: concurrency) { p in toolPages[p].blocks.flatMap { checker.findings(for: $0) } }
        new.checkFindings = memo?.checkFindings ?? Array(repeating: [], count: pages.count)
        for (k, p) in recheck.enumerated() { new.checkFindings[p] = found[k] }
        for p in toolPages.indices {
            toolPages[p].diagnostics = (toolPages[p].diagnostics + new.checkFindings[p]).sortedForOutput()
        }
        var analyzed = AnalyzedTool(tool: tool, pages: toolPages)
        if let memo, reclassified.isEmpty {
            new.dependentFindings = memo.dependentFindings
        } else {
            new.dependentFindings = DependentActions.findings(for: analyzed, catalog: checker.catalog)
        }
        for (p, found) in new.dependentFindings.enumerated() where !found.isEmpty {
            analyzed.pages[p].diagnostics = (analyzed.pages[p].diagnostics + found).sortedForOutput()
        }
        return (analyzed, new, counts)
    }
}

/// What `ToolAnalysis` found for one tool, kept for the next build of the
/// process: per page, in page order.
struct ToolAnalysisMemo {
    /// What must be equal for any of it to be reused. The risk rules are not
    /// in it: they are compiled in, the same for every build of a process.
    struct Key: Equatable {
        var paths: [String]
        var pageIDs: [String]
        /// The catalog's source and location; nil without a catalog.
        var catalog: String?
        var checked: Bool
    }

    var key: Key
    /// The blocks as page analysis made them, before classification.
    var rawBlocks: [[PolicyBlock]]
    var classified: [[PolicyBlock]] = []
    /// Each page's heading and anchor ids.
    var ids: [Set<String>] = []
    var linkFindings: [[Diagnostic]] = []
    /// The page ids whose ids each page's link findings depend on.
    var consulted: [Set<String>] = []
    var checkFindings: [[Diagnostic]] = []
    var dependentFindings: [[Diagnostic]] = []
}
