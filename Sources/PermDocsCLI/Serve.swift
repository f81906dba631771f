import ArgumentParser
import Dispatch
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsServer
import PermDocsSite

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it, and rebuild and reload open pages when content or theme changes.",
        discussion: ExitStatus.help)

    @OptionGroup var source: ContentOptions

    @OptionGroup var themeSource: ThemeOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Also write the served site to this folder on each rebuild (by default it is kept in memory only).", valueName: "dir"))
    var output: String?

    @Option(name: [.short, .long], help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "The address to listen on. Use 0.0.0.0 to let other machines connect.")
    var host: String = "127.0.0.1"

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        try OptionValidation.port(port)
    }

    func run() async throws {
        let (content, themeFolder, output) = (source.content, themeSource.theme, self.output)
        let theme: any ContentReader
        do {
            try source.requireFolder()
            theme = try themeSource.reader()
        } catch let error as PermDocsError {
            Terminal.writeError(Terminal.displayMessage(error.description, content: content, theme: themeFolder) + "\n")
            throw ExitStatus.unreadable
        }
        // Kept across rebuilds: only pages whose text changed are analyzed again.
        let cache = PageAnalysisCache()
        let pages = RenderCacheBox()
        // The built-in theme cannot change while serving: only a theme folder is watched.
        let watch = [content] + (themeFolder.map { [$0] } ?? [])
        // Served from memory: a rebuild hands its files over instead of writing them all.
        let files = ServedFiles()
        let watched = watch.map { URL(fileURLWithPath: $0) }
        var configuration = DevServer.Configuration(serving: files, watch: watched, host: host, port: UInt16(port))
        if let output { configuration.output = URL(fileURLWithPath: output).standardizedFileURL }
        let contentRoot = URL(fileURLWithPath: content).standardizedFileURL.path
        let server = DevServer(
            configuration: configuration,
            rebuildChanges: { changed in
                try Self.build(content: content, theme: theme, themeFolder: themeFolder, output: output, files: files, cache: cache, pages: pages,
                               changed: changed.flatMap { Self.contentPaths($0, root: contentRoot) })
            },
            log: Self.printLine)
        let url: URL
        do {
            url = try await server.start()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        Self.printLine("serving \(output.map { "\($0)/" } ?? "the site from memory") at \(url.absoluteString), rebuilding when \(watch.map { $0 + "/" }.joined(separator: " or ")) changes (Ctrl-C to stop)")
        if !["127.0.0.1", "::1", "[::1]", "localhost"].contains(host) {
            Self.printLine("note: listening on \(host), so other machines can connect")
        }
        await Self.waitForInterrupt()
        Self.printLine("stopping")
        await server.stop()
    }

    /// Prints at once even when standard output is a file or a pipe, so a log follows the builds.
    @Sendable private static func printLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The watcher's changed paths as paths in the content folder; nil when
    /// the folder itself changed (then nothing is known). Paths outside it
    /// (the theme's) are left out: the theme is read again on every build.
    static func contentPaths(_ changed: Set<String>, root: String) -> Set<String>? {
        var paths = Set<String>()
        for path in changed {
            if path == root { return nil }
            if path.hasPrefix(root + "/") { paths.insert(String(path.dropFirst(root.count + 1))) }
        }
        return paths
    }

    /// One build through the pipeline `permdocs build` runs, its files handed to the server
    /// (and written to `output` when given); diagnostics go to standard error.
    /// `changed`: content paths changed since the last build, when known.
    private static func build(content: String, theme: any ContentReader, themeFolder: String?, output: String?,
                              files: ServedFiles, cache: PageAnalysisCache, pages: RenderCacheBox, changed: Set<String>?) throws -> String {
        let clock = Pipeline.Clock.system
        let start = clock.now()
        do {
            // The bundled catalog cannot change while serving: loaded once, not on every rebuild.
            let checker = try pages.checker ?? Pipeline.bundledChecker()
            pages.checker = checker
            var pipeline = Pipeline(
                content: DiskContentReader(root: URL(fileURLWithPath: content)),
                theme: theme,
                checker: checker, clock: clock, cache: cache,
                renderCache: pages.cache, revisions: GitHistorySource(contentFolder: content), historyCache: pages.history)
            pipeline.changedContent = changed
            let built = try output.map { try pipeline.build(writingTo: OutputWriter(output: URL(fileURLWithPath: $0))) } ?? pipeline.render()
            // The files that changed, when the rest are the last build's (served as they are).
            if let changed = built.changedFiles {
                files.update(Dictionary(changed.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a }))
            } else {
                files.replace(with: Dictionary(built.files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a }))
            }
            pages.cache = Pipeline.renderCache(of: built)
            let report = FindingsReport(site: built.site)
            let text = pages.findings.text(for: report, path: { ReportPaths.fromWorkingDirectory($0, contentFolder: content) })
            FileHandle.standardError.write(Data(text.utf8))
            if let problem = built.historyProblem { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
            let ms = Int((clock.now() - start) * 1000)
            let written = built.written
            let files = written.map { "\($0.written) files written, \($0.unchanged) unchanged" } ?? "\(built.files.count) files in memory"
            return "rebuilt: \(cache.sources.lastRead) files read, \(cache.lastAnalyzed) pages analyzed, \(cache.lastReused) reused; \(built.renderedPages) pages rendered, \(built.reusedPages) reused; \(files); \(report.summary); \(ms) ms"
        } catch let error as PermDocsError {
            throw BuildFailure(description: Terminal.displayMessage(error.description, content: content, theme: themeFolder))
        }
    }

    /// The pages of the last build, kept in memory between rebuilds (rebuilds run one at a time).
    private final class RenderCacheBox: @unchecked Sendable {
        var cache: (any RenderCache)?
        /// Past versions of the guides analyzed so far (with `history:`).
        let history = HistoryCache()
        /// The checker with the bundled catalog, once loaded.
        var checker: PolicyChecker?
        /// The last build's findings: a rebuild prints only the new ones.
        var findings = RebuildFindings()
    }

    /// A failed build's message, as the author should read it.
    private struct BuildFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Returns on the first Ctrl-C (or SIGTERM). A second Ctrl-C kills the process, should
    /// stopping hang.
    ///
    /// The signal also starts a deadline, on a Dispatch thread of its own: stopping takes
    /// milliseconds, but it waits for a rebuild in progress, and it needs the async runtime's
    /// threads, which a build (or anything else) may keep busy. Whatever happens, the process
    /// ends within a second of the signal.
    private static func waitForInterrupt() async {
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        let armed = NSLock()
        nonisolated(unsafe) var deadlineStarted = false
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                continuation.yield(number)
                let first = armed.withLock {
                    defer { deadlineStarted = true }
                    return !deadlineStarted
                }
                guard first else { return }
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(900)) {
                    FileHandle.standardError.write(Data("permdocs: stopping took too long; exiting\n".utf8))
                    // `_exit`, not `exit`: no atexit work that could wait on a busy thread.
                    _exit(1)
                }
            }
            source.resume()
            return source
        }
        for await _ in signals { break }
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
