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
        let start = Date()
        var builder = SiteBuilder(content: source.reader, theme: DiskContentReader(root: URL(fileURLWithPath: theme)))
        if let jobs { builder.concurrency = max(1, jobs) }
        do {
            try source.requireFolder()
            // Theme errors stop the build before any work on the content.
            let themeStart = Date()
            let loadedTheme = try Theme(reader: DiskContentReader(root: URL(fileURLWithPath: theme)))
            let progress = Progress(enabled: !quiet && Terminal.isTerminal(STDERR_FILENO))
            progress.show("reading and checking \(source.content)/…")
            let analyseStart = Date()
            let site = try builder.analyze()
            let pages = site.tools.reduce(0) { $0 + $1.pages.count }
            progress.show("rendering \(pages) pages…")
            let renderStart = Date()
            let built = BuildReport(site: site, files: try builder.render(site, theme: loadedTheme))
            progress.clear()
            let renderEnd = Date()
            let report = FindingsReport(site: built.site)
            if !quiet || report.fails(at: .error) {
                let findings = quiet ? FindingsReport(findings: report.findings.filter { $0.severity == .error }) : report
                Terminal.writeError(findings.formatted(as: .text, color: Terminal.wantsColor(STDERR_FILENO), path: displayPath))
            }
            if let failOn, report.fails(at: failOn) {
                Terminal.writeError("build failed: findings at or above '\(failOn.rawValue)'; \(output)/ was left as it was\n")
                throw ExitCode(1)
            }
            progress.show("writing \(built.files.count) files…")
            let written = try OutputWriter(output: URL(fileURLWithPath: output), clean: clean).write(built.files)
            progress.clear()
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            if verbose {
                func span(_ a: Date, _ b: Date) -> Int { Int(b.timeIntervalSince(a) * 1000) }
                print("phases: theme \(span(themeStart, analyseStart)) ms, read+analyse+check \(span(analyseStart, renderStart)) ms, render \(span(renderStart, renderEnd)) ms, write \(span(renderEnd, Date())) ms; \(builder.concurrency) threads")
            }
            if !quiet {
                print("built \(output)/ from \(pages) pages of \(built.site.tools.count) tools: \(written.written) files written, \(written.unchanged) unchanged; \(report.summary); in \(ms) ms")
            }
        } catch let error as PermDocsError {
            Terminal.writeError(displayPath(error.description) + "\n")
            Terminal.writeError("build failed; \(output)/ was left as it was\n")
            throw ExitCode(1)
        }
    }

    /// Paths in messages are relative to the content or theme folder; show them from the working directory.
    private func displayPath(_ message: String) -> String {
        Terminal.displayMessage(message, content: source.content, theme: theme)
    }
}
