import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// The one way through permdocs, read as its named steps:
///
/// 1. **theme**: load and parse the theme's templates (a template error stops
///    the build before any work on the content);
/// 2. **compare** (`buildUnlessUnchanged` only): the input against the
///    output folder's `BuildRecord`; when both are as the last build left
///    them, nothing more is done;
/// 3. **analyze**: read `site.yml` and the guides, parse, extract, classify,
///    check against the catalog, apply `silence:`, cross-reference;
/// 4. **history**: with `history:` in `site.yml` only, walk the guides' past
///    versions (`HistoryWalk`, through the injected `RevisionSource`);
/// 4. **render**: turn the analyzed site into files, in memory (or, without
///    `keepsFiles`, each into the output's staging folder as it is made);
/// 5. **gate**: stop when a finding is at or above `failOn`;
/// 6. **write**: swap the files into the output folder (`OutputWriter`).
///
/// `permdocs build`, `check`, `policy`, `serve` and `permdocs-bench` all run
/// it; each takes the steps it needs. Its dependencies are passed in: where
/// content and theme are read from, the checker (and with it the action
/// catalog: one per build), the clock that times the steps, and the output
/// writer. Nothing is looked up deep inside.
public struct Pipeline {
    /// The steps, in order.
    public enum Step: String, Sendable, CaseIterable {
        /// `compare` runs only in `buildUnlessUnchanged`: the input's fingerprint
        /// and the output folder against the last build's record.
        case theme, compare, analyze, history, render, gate, write
    }

    /// What the pipeline reports while it runs: a step starting (with what it
    /// is about to do, for a progress line) and a step finished (with its time).
    public enum Event: Sendable {
        case started(Step, detail: String)
        case finished(Step, seconds: Double)
    }

    /// A monotonic time source, in seconds from an arbitrary start; tests pass a fake one.
    public struct Clock: Sendable {
        public var now: @Sendable () -> Double

        public init(now: @escaping @Sendable () -> Double) {
            self.now = now
        }

        /// The system's monotonic clock.
        public static let system = Clock { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    }

    /// How long one step took.
    public struct Timing: Sendable {
        public var step: Step
        public var seconds: Double

        public init(step: Step, seconds: Double) {
            self.step = step
            self.seconds = seconds
        }
    }

    public var content: any ContentReader
    /// The theme folder; nil for runs that do not render (`check`, `policy`).
    public var theme: (any ContentReader)?
    /// Checks every block; its catalog is the one the whole build uses.
    public var checker: PolicyChecker
    public var clock: Clock
    /// Shown in page footers.
    public var generator: String
    /// How many threads analyze and render (1: all on the calling thread).
    public var concurrency: Int
    /// Analyses kept from earlier builds in this process (`serve`); nil analyses every page.
    public var cache: PageAnalysisCache?
    /// Pages of an earlier build in this process (`serve`), reused when their
    /// fingerprint is unchanged. `build(writingTo:)` without one reads the
    /// output folder's `OutputCache` instead.
    public var renderCache: (any RenderCache)?
    /// Called on the calling thread as steps start and finish.
    public var progress: (Event) -> Void
    /// Where past versions of the guides are read from when `site.yml` has
    /// `history:` (the CLI's git reader); nil for none, and then a site with
    /// `history:` is built without it and says so. Asked nothing without `history:`.
    public var revisions: (any RevisionSource)?
    /// The content paths (relative to its folder) that changed since the last
    /// build in this process, when known (`serve`'s file watcher); nil when
    /// not known: every guide is listed and looked at. Only used with `cache`.
    public var changedContent: Set<String>?
    /// Past versions analyzed by earlier builds in this process (`serve`).
    /// `build(writingTo:)` without one reads the output folder's `HistoryCacheFile`.
    public var historyCache: HistoryCache?
    /// Whether `build` keeps the rendered files in its result (`Result.files`,
    /// and for `renderCache(of:)`). When false, each page goes to the output's
    /// staging folder as soon as it is rendered and its bytes are dropped, so
    /// the site's HTML (85 MB for 7,825 pages) is never all in memory: what
    /// `permdocs build` does. The output is the same bytes either way.
    public var keepsFiles = true

    public init(content: any ContentReader, theme: (any ContentReader)?, checker: PolicyChecker,
                clock: Clock = .system, generator: String = "permdocs \(PermDocsVersion.current)",
                concurrency: Int = ProcessInfoConcurrency.default, cache: PageAnalysisCache? = nil,
                renderCache: (any RenderCache)? = nil, revisions: (any RevisionSource)? = nil, historyCache: HistoryCache? = nil,
                progress: @escaping (Event) -> Void = { _ in }) {
        self.renderCache = renderCache
        self.revisions = revisions
        self.historyCache = historyCache
        self.content = content
        self.theme = theme
        self.checker = checker
        self.clock = clock
        self.generator = generator
        self.concurrency = concurrency
        self.cache = cache
        self.progress = progress
    }

    /// The checker with the bundled action catalog and risk data, for callers at the edge (the CLI).
    public static func bundledChecker() throws -> PolicyChecker {
        do {
            return try PolicyChecker.bundled()
        } catch {
            throw PermDocsError("the action catalog could not be read: \(error)")
        }
    }

    /// The analyze step alone: what `permdocs check` reports.
    public func analyze() throws -> AnalyzedSite {
        var timings: [Timing] = []
        return try analyze(timings: &timings)
    }

    /// Theme, analyze and render: the site in memory, nothing written.
    public func render() throws -> Result {
        try render(reusing: renderCache, historyCache: { (historyCache ?? HistoryCache(), nil) })
    }

    /// Render, after `timings` (the steps already run) with `theme` when it is
    /// already loaded. `historyCache` is asked for only when `site.yml` has `history:`.
    /// With `handOver`, each page and export is given to it as it is made (`SiteRenderer.handOver`).
    /// With `input`, the build record of `input` is made too (`Result.recordFile`), beside the render.
    private func render(reusing cache: (any RenderCache)?, theme loaded: Theme? = nil, after timings: [Timing] = [],
                        handOver: ((OutputFile) -> OutputFile)? = nil, recording input: Fingerprint? = nil,
                        historyCache: () -> (HistoryCache, String?)) throws -> Result {
        var timings = timings
        let theme = try loaded ?? step(.theme, "loading the theme", &timings) { try loadTheme() }
        var site = try analyze(timings: &timings)
        var historyProblem: String?
        var usedHistory: HistoryCache?
        if let window = site.config.history {
            // Loading the cache is part of the step: its time is history's cost.
            let (walked, history, cacheProblem) = try step(.history, "reading the guides' history", &timings) {
                let (history, cacheProblem) = historyCache()
                return (readHistory(window, site: site, cache: history), history, cacheProblem)
            }
            site.history = walked.history
            if walked.history != nil { usedHistory = history }
            historyProblem = [walked.problem, walked.history == nil ? nil : cacheProblem].compactMap { $0 }.joined(separator: "; ")
            if historyProblem == "" { historyProblem = nil }
        }
        // Pages render from their guide HTML, never again from the Markdown;
        // without an analysis cache that keys on it (serve's), the Markdown
        // goes before the rendered files pile up (52 MB of a 7,825-page site).
        if self.cache == nil { site.releasePageMarkdown() }
        // A site with a history is never taken as unchanged: its history depends
        // on the repository's commits, which the input fingerprint does not see.
        // The record needs the analysis only: it is made while pages render.
        let record = input.flatMap { input in
            site.config.history == nil ? BackgroundValue { [site] in BuildRecord(input: input, site: site).file } : nil
        }
        let rendered = try step(.render, "rendering \(site.tools.reduce(0) { $0 + $1.pages.count }) pages", &timings) {
            var renderer = SiteRenderer(theme: theme, site: site, generator: generator)
            renderer.concurrency = concurrency
            renderer.handOver = handOver
            return renderer.render(reusing: cache)
        }
        var result = Result(site: site, files: rendered.files, written: nil, timings: timings)
        result.reusedPages = rendered.reused
        result.renderedPages = rendered.rendered
        result.fingerprints = rendered.fingerprints
        result.historyProblem = historyProblem
        result.historyCache = usedHistory
        result.pageInputs = rendered.inputs
        result.rendered = rendered
        result.recordFile = record?.value
        return result
    }

    /// A cache holding what `result` rendered, for the next run in this process.
    public static func renderCache(of result: Result) -> any RenderCache {
        if let rendered = result.rendered { return MemoryRenderCache(rendered) }
        return MemoryRenderCache(files: result.files, fingerprints: result.fingerprints, inputs: result.pageInputs)
    }

    /// Every step: render, stop at the gate when a finding is at or above
    /// `failOn` (throwing `GateFailure`, the output left as it was), else write.
    ///
    /// Without a `renderCache`, pages are reused from the output folder's
    /// `OutputCache` (unless the writer is `clean`), and the new cache is
    /// written with the site.
    public func build(writingTo writer: OutputWriter, failOn: Diagnostic.Severity? = nil) throws -> Result {
        try build(writingTo: writer, failOn: failOn, recording: nil)
    }

    /// `build(writingTo:failOn:)`, also writing a `BuildRecord` of `input` when given.
    func build(writingTo writer: OutputWriter, failOn: Diagnostic.Severity?, recording input: Fingerprint?,
                       theme: Theme? = nil, after steps: [Timing] = []) throws -> Result {
        var cache = renderCache
        var cacheProblem: String?
        if cache == nil && !writer.clean {
            let loaded = OutputCache.load(from: writer.output)
            cache = loaded.cache
            cacheProblem = loaded.problem
        }
        // Without `keepsFiles`, pages are staged as they are rendered; a build
        // that fails or stops at the gate discards the staging folder, the
        // previous output left as it was.
        let staging = keepsFiles ? nil : try writer.begin()
        defer { staging?.discard() }
        let handOver = staging.map { staging in
            { (file: OutputFile) -> OutputFile in
                staging.stage(file)
                return OutputFile(path: file.path, data: Data())
            }
        }
        // The history cache is read only for a site with `history:`: without
        // one, a build reads and writes exactly what it did before.
        var result = try render(reusing: cache, theme: theme, after: steps, handOver: handOver, recording: input) {
            if let historyCache { return (historyCache, nil) }
            return writer.clean ? (HistoryCache(), nil) : HistoryCacheFile.load(from: writer.output)
        }
        result.cacheProblem = cacheProblem
        var timings = result.timings
        if let failOn {
            let diagnostics = result.diagnostics
            let stop = try step(.gate, "checking findings against '\(failOn.rawValue)'", &timings) {
                diagnostics.contains { $0.severity >= failOn }
            }
            result.timings = timings
            if stop {
                if staging != nil { (result.files, result.rendered) = ([], nil) }
                throw GateFailure(severity: failOn, result: result)
            }
        }
        let files = result.files
        var bookkeeping = [OutputCache.file(fingerprints: result.fingerprints)]
        if let history = result.historyCache { bookkeeping.append(HistoryCacheFile.file(history.usedEntries, persisted: history.persisted)) }
        if let record = result.recordFile { bookkeeping.append(record) }
        result.written = try step(.write, "writing \(files.count) files", &timings) {
            try staging.map { try $0.finish(files, bookkeeping: bookkeeping) } ?? writer.write(files, bookkeeping: bookkeeping)
        }
        result.timings = timings
        // Files handed over hold no bytes: never a cache for the next build.
        if staging != nil { (result.files, result.rendered) = ([], nil) }
        return result
    }

    // MARK: Steps

    func loadTheme() throws -> Theme {
        guard let theme else { throw PermDocsError("no theme to render with") }
        // In `serve`, the last render's theme, unless its files changed.
        return try Theme(reader: theme, reusing: renderCache?.previousRender?.theme)
    }

    private func analyze(timings: inout [Timing]) throws -> AnalyzedSite {
        try step(.analyze, "reading and checking the guides", &timings) {
            let (config, tools) = try ContentLoader(reader: content, sources: cache?.sources, concurrency: concurrency).load(changed: changedContent)
            let slugs = Set(tools.map(\.slug))
            for rule in config.silence {
                if let tool = rule.tool, !slugs.contains(tool) {
                    throw PermDocsError("'silence' names tool '\(tool)', which is not in tools/ (tools: \(slugs.sorted().joined(separator: ", ")))", at: rule.location)
                }
            }
            for set in config.toolSets { try set.validate(knownSlugs: slugs) }
            let analyzer = Analyzer(catalog: checker.catalog, checker: checker, concurrency: concurrency, cache: cache)
            return analyzer.analyze(config: config, tools: tools)
        }
    }

    /// The site's history over `window`, or why there is none. Never fails
    /// the build: a site reads the same without its history.
    private func readHistory(_ window: HistoryWindow, site: AnalyzedSite, cache: HistoryCache) -> (history: SiteHistory?, problem: String?) {
        guard let revisions else {
            return (nil, "site.yml asks for 'history', but the content folder is not read from a repository; the site is built without history")
        }
        let silence = site.config.silence.map { "\($0.id)|\($0.tool ?? "")|\($0.page ?? "")|\($0.action ?? "")" }.joined(separator: ",")
        let names = site.config.tools.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.name ?? "")" }.joined(separator: ",")
        let salt = [BuildIdentity.current, site.catalogVersion ?? "", silence, names].joined(separator: "\n")
        let walk = HistoryWalk(source: revisions, window: window, config: site.config, checker: checker, cache: cache,
                               salt: salt, concurrency: concurrency)
        do {
            let names = Dictionary(site.tools.map { ($0.slug, $0.tool.metadata.name) }, uniquingKeysWith: { a, _ in a })
            let history = try walk.run(names: names)
            return (history, history.shallowNote)
        } catch let unavailable as RevisionSourceUnavailable {
            return (nil, "site.yml asks for 'history', but \(unavailable.reason); the site is built without history")
        } catch {
            return (nil, "the guides' history could not be read (\(error)); the site is built without history")
        }
    }

    /// Runs one step, reporting its start and its time.
    func step<T>(_ step: Step, _ detail: String, _ timings: inout [Timing], _ body: () throws -> T) throws -> T {
        progress(.started(step, detail: detail))
        let start = clock.now()
        let value = try body()
        let seconds = clock.now() - start
        timings.append(Timing(step: step, seconds: seconds))
        progress(.finished(step, seconds: seconds))
        return value
    }
}
