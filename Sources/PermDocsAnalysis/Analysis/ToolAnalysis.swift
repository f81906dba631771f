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

    /// One tool to analyze: its pages, the indexes of those analyzed anew in
    /// this build (`changed`; the others are the memo's pages, unchanged),
    /// and what the last build of the process found for it.
    struct Job {
        var tool: Tool
        var pages: [AnalyzedPage]
        var changed: Set<Int>
        var memo: ToolAnalysisMemo?
    }

    /// Each tool's pages with classified blocks and every finding, and the
    /// memo for the next build, in the order of `jobs`.
    ///
    /// The steps run stage by stage across every tool at once: the steps of a
    /// whole tool (classification, dependent actions) tool by tool on the
    /// threads, the steps of a page (link and block checks) page by page over
    /// all the tools' pages. Tools one after another left a core idle while
    /// a large tool classified; tools at once, each with its own page loop,
    /// would check a site with one large tool on one thread (libdispatch runs
    /// a `concurrentPerform` nested in another on the caller's thread alone).
    func run(_ jobs: [Job]) -> [(AnalyzedTool, ToolAnalysisMemo, Counts)] {
        // The largest tools first, so that none is left to run alone at the end.
        func eachTool<T>(_ body: (Int) -> T) -> [T] {
            ParallelMap.map(Array(jobs.indices), concurrency: concurrency, costliestFirst: { jobs[$0].pages.count }, body)
        }
        var states = eachTool { classify(jobs[$0]) }

        // Links between a tool's pages, checked once all of them are read.
        let linkJobs = states.indices.flatMap { t in states[t].relink.map { (t, $0) } }
        let links = ParallelMap.map(linkJobs, concurrency: concurrency) { t, p in
            LinkCheck.findings(for: states[t].pages[p], pageIDs: states[t].pageIDs, introAlias: states[t].pages.first?.source.introAlias, ids: states[t].ids)
        }
        for ((t, p), found) in zip(linkJobs, links) { (states[t].new.linkFindings[p], states[t].new.consulted[p]) = found }
        for t in states.indices {
            for p in states[t].pages.indices where !states[t].new.linkFindings[p].isEmpty {
                states[t].add(states[t].new.linkFindings[p], to: p)
            }
        }
        guard let checker else {
            return states.indices.map { (AnalyzedTool(tool: jobs[$0].tool, pages: states[$0].pages), states[$0].new, states[$0].counts) }
        }

        // Each block's checks.
        let checkJobs = states.indices.flatMap { t in states[t].recheck.map { (t, $0) } }
        let checks = ParallelMap.map(checkJobs, concurrency: concurrency) { t, p in states[t].pages[p].blocks.flatMap { checker.findings(for: $0) } }
        for ((t, p), found) in zip(checkJobs, checks) { states[t].new.checkFindings[p] = found }

        // Then the checks across each tool's pages. Findings are merged into
        // `states` in place: a copy of a tool's pages copies every page
        // (a tenth of a one-page rebuild of a 7,204-page tool).
        for t in states.indices {
            for p in states[t].pages.indices { states[t].add(states[t].new.checkFindings[p], to: p) }
        }
        let dependent = eachTool { t -> [[Diagnostic]] in
            if let memo = states[t].memo, states[t].reclassified.isEmpty { return memo.dependentFindings }
            return DependentActions.findings(for: AnalyzedTool(tool: jobs[t].tool, pages: states[t].pages), catalog: checker.catalog)
        }
        for t in states.indices {
            states[t].new.dependentFindings = dependent[t]
            for (p, found) in dependent[t].enumerated() where !found.isEmpty { states[t].add(found, to: p) }
        }
        return states.indices.map { (AnalyzedTool(tool: jobs[$0].tool, pages: states[$0].pages), states[$0].new, states[$0].counts) }
    }

    /// One tool between the stages of `run`.
    private struct State {
        var pages: [AnalyzedPage]
        /// The last build's memo, when it still applies.
        var memo: ToolAnalysisMemo?
        var new: ToolAnalysisMemo
        var counts = Counts()
        var reclassified: Set<Int> = []
        var pageIDs: Set<String> = []
        /// Each page's ids by page id, for the link checks.
        var ids: [String: Set<String>] = [:]
        /// The pages whose links are checked again, and whose blocks are.
        var relink: [Int] = []
        var recheck: [Int] = []

        /// Adds findings to page `p`'s, in output order (sorted even when
        /// `found` is empty: a page's own findings come in the order found).
        mutating func add(_ found: [Diagnostic], to p: Int) {
            pages[p].diagnostics = (pages[p].diagnostics + found).sortedForOutput()
        }
    }

    /// Classifies a tool's blocks and works out which pages' links and
    /// blocks must be checked again.
    private func classify(_ job: Job) -> State {
        let (pages, changed) = (job.pages, job.changed)
        let key = ToolAnalysisMemo.Key(paths: pages.map(\.source.path), pageIDs: pages.map(\.source.pageID),
                                       catalog: catalog.map { "\($0.source) \($0.location)" }, checked: checker != nil)
        let memo = job.memo?.key == key ? job.memo : nil
        var state = State(pages: pages, memo: memo, new: ToolAnalysisMemo(key: key, rawBlocks: pages.map(\.blocks)))

        // Classification: the whole tool, unless no page's blocks changed.
        let sameBlocks = memo.map { m in changed.allSatisfy { pages[$0].blocks == m.rawBlocks[$0] } } ?? false
        if let memo, sameBlocks {
            state.new.classified = memo.classified
        } else {
            let isAWSService = catalog.map { c in { c.serviceExists($0) } }
            state.counts.classified = pages.count
            let classified = BlockClassifier.classify(pages.flatMap(\.blocks), isAWSService: isAWSService)
            var b = 0
            state.new.classified = pages.map { page in
                defer { b += page.blocks.count }
                return Array(classified[b..<(b + page.blocks.count)])
            }
        }
        for p in state.pages.indices { state.pages[p].blocks = state.new.classified[p] }
        state.reclassified = Set(pages.indices.filter { p in memo.map { $0.classified[p] != state.new.classified[p] } ?? true })

        // Which pages' links to check again.
        state.pageIDs = Set(key.pageIDs)
        // A guide's ids are collected from its HTML on each call: only changed pages' are.
        state.new.ids = pages.indices.map { p in memo.map { changed.contains(p) ? pages[p].guide.ids : $0.ids[p] } ?? pages[p].guide.ids }
        let changedIDs = Set(changed.filter { p in memo.map { $0.ids[p] != state.new.ids[p] } ?? true }.map { key.pageIDs[$0] })
        state.relink = pages.indices.filter { p in
            guard let memo else { return true }
            return changed.contains(p) || !memo.consulted[p].isDisjoint(with: changedIDs)
        }
        state.new.linkFindings = memo?.linkFindings ?? Array(repeating: [], count: pages.count)
        state.new.consulted = memo?.consulted ?? Array(repeating: [], count: pages.count)
        state.counts.linkChecked = state.relink.count
        if !state.relink.isEmpty { state.ids = Dictionary(zip(key.pageIDs, state.new.ids), uniquingKeysWith: { a, _ in a }) }

        // Which pages' blocks to check again.
        if checker != nil {
            state.recheck = pages.indices.filter { memo == nil || state.reclassified.contains($0) }
            state.counts.checked = state.recheck.count
            state.new.checkFindings = memo?.checkFindings ?? Array(repeating: [], count: pages.count)
        }
        return state
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
