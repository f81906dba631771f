import Foundation
import PermDocsAnalysis
import PermDocsCore

extension Pipeline {
    /// What a run produced.
    public struct Result {
        public var site: AnalyzedSite
        /// The site's files (empty when the run stopped before rendering, and
        /// after `build` when `keepsFiles` is false: they went to the output).
        public var files: [OutputFile]
        /// What the write step did, when it ran.
        public var written: OutputWriter.Summary?
        /// How long each step took, in step order, for `--verbose`.
        public var timings: [Timing]
        /// Pages reused from the render cache, and pages rendered.
        public var reusedPages = 0
        public var renderedPages = 0
        /// Each page's fingerprint, for the next build's cache (`renderCache(of:)`).
        public var fingerprints: [String: Fingerprint] = [:]
        /// The inputs of the pages that have them (`ToolPageInputs`), for the next build in this process.
        public var pageInputs: [String: AnyHashable] = [:]
        /// The render itself, for the next run in this process (`renderCache(of:)`).
        var rendered: RenderedSite?
        /// True when the render step rendered changed pages only and took
        /// every site-wide output from the last render in this process.
        public var onlyPagesChanged: Bool { rendered?.onlyPagesChanged ?? false }
        /// With `onlyPagesChanged`, the files whose bytes differ from the last
        /// render's (all other files are the same bytes); nil otherwise.
        public var changedFiles: [OutputFile]? {
            guard let rendered, rendered.onlyPagesChanged else { return nil }
            return rendered.changedPaths.compactMap { rendered.positions[$0].map { rendered.files[$0] } }
        }
        /// Why the output folder's cache was not used, said once (nil when it was, or for a first build).
        public var cacheProblem: String?
        /// Why the site has no history though `site.yml` asks for one (no git
        /// repository, git not installed), or why its cache was ignored: a
        /// warning, never an error.
        public var historyProblem: String?
        /// The history cache the run used, when the site has a history (what the write step keeps).
        public var historyCache: HistoryCache?
        /// Why the output folder's build record was not used (`buildUnlessUnchanged`), said once.
        public var recordProblem: String?
        /// The build record to write beside the site, when the build keeps one.
        var recordFile: OutputFile?

        public var diagnostics: [Diagnostic] { site.diagnostics }
        public var pageCount: Int { site.tools.reduce(0) { $0 + $1.pages.count } }
    }

    /// The build stopped at the gate: findings at or above the given severity.
    /// Nothing was written.
    /// (Unchecked: it is thrown and caught on the thread that ran the build.)
    public struct GateFailure: Error, @unchecked Sendable {
        public var severity: Diagnostic.Severity
        public var result: Result
    }
}
