import ArgumentParser
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

/// `permdocs build`: the site, written only when the whole build succeeds.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder.",
        discussion: ExitStatus.help)

    @OptionGroup var source: ContentOptions

    @OptionGroup var themeSource: ThemeOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where the site is written; replaced only when the build succeeds.", valueName: "dir"))
    var output: String = "public"

    @Option(name: .customLong("fail-on"), help: "Do not write the site when a finding is at or above this severity: suggestion, warning, security or error.")
    var failOn: Diagnostic.Severity?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many pages to analyze at once, 1 or more (default: one per core).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Write every file, even those unchanged since the last build.")
    var clean = false

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(help: "Also print the time of each phase and what was reused.")
    var verbose = false

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        try OptionValidation.jobs(jobs)
        try OptionValidation.exclusive([("--quiet", quiet), ("--verbose", verbose)])
    }

    func run() throws {
        let clock = Pipeline.Clock.system
        let start = clock.now()
        let progress = Progress(enabled: !quiet && Terminal.isTerminal(STDERR_FILENO))
        // Said before the build, so that a failed build names the folder only if it is there.
        let leftAsItWas = FileManager.default.fileExists(atPath: output) ? "\(output)/ was left as it was" : "nothing was written"
        let step = StepRecorder()
        do {
            try source.requireFolder()
            var pipeline = Pipeline(
                content: source.reader, theme: try themeSource.reader(),
                checker: try Pipeline.bundledChecker(), clock: clock,
                concurrency: jobs ?? ProcessInfoConcurrency.default,
                revisions: GitHistorySource(contentFolder: source.content),
                progress: { event in
                    guard case .started(let started, let detail) = event else { return }
                    step.current = started
                    if started != .gate { progress.show(detail + "…") }
                })
            // Pages go to the output as they are rendered: nothing here needs their bytes afterwards.
            pipeline.keepsFiles = false
            let built: Pipeline.Result
            do {
                var writer = OutputWriter(output: URL(fileURLWithPath: output), clean: clean, concurrency: jobs ?? ProcessInfoConcurrency.default)
                // Test hook: stop (SIGSTOP) with both sites whole, just before the swap,
                // so a test can kill the build there (OutputWriterKillTests).
                if ProcessInfo.processInfo.environment["PERMDOCS_TEST_STOP_BEFORE_SWAP"] != nil {
                    writer.beforeSwap = { raise(SIGSTOP) }
                }
                switch try pipeline.buildUnlessUnchanged(writingTo: writer, failOn: failOn) {
                case .built(let result):
                    built = result
                case .unchanged(let unchanged):
                    progress.clear()
                    reportUnchanged(unchanged, threads: pipeline.concurrency, start: start, clock: clock)
                    return
                }
            } catch let failure as Pipeline.GateFailure {
                progress.clear()
                report(FindingsReport(site: failure.result.site))
                Terminal.writeError("build failed: findings at or above '\(failure.severity.rawValue)'; \(leftAsItWas)\n")
                throw ExitStatus.failed
            }
            progress.clear()
            for problem in [built.recordProblem, built.cacheProblem].compactMap({ $0 }) where !quiet {
                Terminal.writeError("warning: \(problem)\n")
            }
            if let problem = built.historyProblem, !quiet {
                Terminal.writeError("warning: \(problem)\n")
            }
            let findings = FindingsReport(site: built.site)
            report(findings)
            let ms = Int((clock.now() - start) * 1000)
            if verbose {
                let steps = built.timings.map { "\($0.step.rawValue) \(Int($0.seconds * 1000)) ms" }.joined(separator: ", ")
                print("steps: \(steps); \(pipeline.concurrency) threads; \(built.renderedPages) pages rendered, \(built.reusedPages) reused from the last build")
                if let history = built.site.history {
                    print("history: \(history.commitCount) commit\(history.commitCount == 1 ? "" : "s"), \(history.entries.count) change\(history.entries.count == 1 ? "" : "s"); \(history.versionsAnalyzed) past versions analyzed, \(history.versionsReused) reused")
                }
            }
            if !quiet, let written = built.written {
                for path in written.removedStale {
                    Terminal.writeError("removed \(path), left by a build that did not finish\n")
                }
                print("built \(output)/ from \(built.pageCount) pages of \(built.site.tools.count) tools: \(written.written) files written, \(written.unchanged) unchanged; \(findings.summary); in \(ms) ms")
            }
            KeptUntilExit.keep(built)
        } catch let error as PermDocsError {
            progress.clear()
            Terminal.writeError(displayPath(error.description) + "\n")
            Terminal.writeError("build failed; \(leftAsItWas)\n")
            throw step.readsInput ? ExitStatus.unreadable : ExitStatus.failed
        }
    }

    /// What a build prints when its input and output are as the last build
    /// left them: the same findings and summary line, nothing written.
    private func reportUnchanged(_ unchanged: Pipeline.Unchanged, threads: Int, start: Double, clock: Pipeline.Clock) {
        let findings = unchanged.record.report
        report(findings)
        let ms = Int((clock.now() - start) * 1000)
        if verbose {
            let steps = unchanged.timings.map { "\($0.step.rawValue) \(Int($0.seconds * 1000)) ms" }.joined(separator: ", ")
            print("steps: \(steps); \(threads) threads; input and output as the last build left them: nothing analyzed, rendered or written")
        }
        if !quiet {
            for path in unchanged.removedStale {
                Terminal.writeError("removed \(path), left by a build that did not finish\n")
            }
            print("built \(output)/ from \(findings.pageCount) pages of \(findings.toolCount) tools: 0 files written, \(unchanged.files) unchanged; \(findings.summary); in \(ms) ms")
        }
    }

    /// The findings on standard error: all of them, or with `--quiet` the errors only.
    private func report(_ report: FindingsReport) {
        guard !quiet || report.fails(at: .error) else { return }
        let shown = quiet ? FindingsReport(findings: report.findings.filter { $0.severity == .error }) : report
        Terminal.writeError(shown.formatted(as: .text, color: colors.wantsColor(STDERR_FILENO), path: displayPath))
    }

    /// Paths in messages are relative to the content or theme folder; show them from the working directory.
    private func displayPath(_ message: String) -> String {
        Terminal.displayMessage(message, content: source.content, theme: themeSource.theme)
    }
}

/// The pipeline step running when an error stopped a build, which decides
/// the exit status: an error before rendering is about reading the content
/// or theme (2); one while rendering or writing is a failed build (1).
private final class StepRecorder: @unchecked Sendable {
    /// Set on the thread that runs the build, read on it after it stops.
    var current: Pipeline.Step?

    var readsInput: Bool {
        switch current {
        case nil, .theme?, .compare?, .analyze?, .history?: return true
        case .render?, .gate?, .write?: return false
        }
    }
}
