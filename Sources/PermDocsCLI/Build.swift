import ArgumentParser
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

/// `permdocs build`: the site, written only when the whole build succeeds.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from the content folder.")

    @OptionGroup var source: ContentOptions

    @Option(help: "The theme folder (templates/ and assets/).")
    var theme: String = "Themes/default"

    @Option(help: "Where the site is written; replaced only when the build succeeds.")
    var output: String = "public"

    @Option(name: .customLong("fail-on"), help: "Do not write the site when a finding is at or above this severity: suggestion, warning, security or error.")
    var failOn: Diagnostic.Severity?

    @Option(help: "How many pages to analyse at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "Write every file, even those unchanged since the last build.")
    var clean = false

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(help: "Also print the time of each phase and what was reused.")
    var verbose = false

    func run() throws {
        let clock = Pipeline.Clock.system
        let start = clock.now()
        let progress = Progress(enabled: !quiet && Terminal.isTerminal(STDERR_FILENO))
        do {
            try source.requireFolder()
            let pipeline = Pipeline(
                content: source.reader, theme: DiskContentReader(root: URL(fileURLWithPath: theme)),
                checker: try Pipeline.bundledChecker(), clock: clock,
                concurrency: jobs.map { max(1, $0) } ?? ProcessInfoConcurrency.default,
                progress: { event in
                    if case .started(let step, let detail) = event, step != .gate { progress.show(detail + "…") }
                })
            let built: Pipeline.Result
            do {
                built = try pipeline.build(writingTo: OutputWriter(output: URL(fileURLWithPath: output), clean: clean), failOn: failOn)
            } catch let failure as Pipeline.GateFailure {
                progress.clear()
                report(FindingsReport(site: failure.result.site))
                Terminal.writeError("build failed: findings at or above '\(failure.severity.rawValue)'; \(output)/ was left as it was\n")
                throw ExitCode(1)
            }
            progress.clear()
            let findings = FindingsReport(site: built.site)
            report(findings)
            let ms = Int((clock.now() - start) * 1000)
            if verbose {
                let steps = built.timings.map { "\($0.step.rawValue) \(Int($0.seconds * 1000)) ms" }.joined(separator: ", ")
                print("steps: \(steps); \(pipeline.concurrency) threads")
            }
            if !quiet, let written = built.written {
                print("built \(output)/ from \(built.pageCount) pages of \(built.site.tools.count) tools: \(written.written) files written, \(written.unchanged) unchanged; \(findings.summary); in \(ms) ms")
            }
        } catch let error as PermDocsError {
            progress.clear()
            Terminal.writeError(displayPath(error.description) + "\n")
            Terminal.writeError("build failed; \(output)/ was left as it was\n")
            throw ExitCode(1)
        }
    }

    /// The findings on standard error: all of them, or with `--quiet` the errors only.
    private func report(_ report: FindingsReport) {
        guard !quiet || report.fails(at: .error) else { return }
        let shown = quiet ? FindingsReport(findings: report.findings.filter { $0.severity == .error }) : report
        Terminal.writeError(shown.formatted(as: .text, color: Terminal.wantsColor(STDERR_FILENO), path: displayPath))
    }

    /// Paths in messages are relative to the content or theme folder; show them from the working directory.
    private func displayPath(_ message: String) -> String {
        Terminal.displayMessage(message, content: source.content, theme: theme)
    }
}
