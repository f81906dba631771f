// permdocs-bench: times the phases of a build in one process, cold and then
// after a one-page edit with the page-analysis and render caches that
// `permdocs serve` keeps, which `Benchmarks/run` cannot see from outside the process.
// The cold build is written to OUTPUT_DIR, as `permdocs build` writes it; the
// rebuild after the edit is handed to the server in memory, as `serve` does
// (its "serve" time).
//
//   permdocs-bench CONTENT_DIR OUTPUT_DIR [PAGE_TO_EDIT]
//
// CONTENT_DIR must be a copy: the page is edited in place.
// Each rebuild is told that the page changed, as `serve`'s file watcher tells
// it (`Pipeline.changedContent`); PERMDOCS_BENCH_SCAN=1 leaves it to find
// out (every guide listed and looked at, as without a watcher).
// PERMDOCS_BENCH_EDITS=N edits the page and rebuilds N times (default 1),
// printing each rebuild and then the median of their totals. The time the
// first edit is made is printed to standard error as CLOCK_MONOTONIC seconds
// (`edits start at monotonic S`), for `perf record -k CLOCK_MONOTONIC` and
// `perf report --time S,` to look at the rebuilds alone.
// PERMDOCS_BENCH_ENGINES=N renders the analyzed site N more times with each
// template engine in turn (`TemplateProgram`, then swift-mustache alone) and
// prints the process CPU time of each render (median), for the engine choice.
// PERMDOCS_BENCH_CATALOG=N only loads the built-in action catalog N times
// (see CatalogLoad.swift) and needs no folders.
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsServer
import PermDocsSite

let args = CommandLine.arguments
if let rounds = Int(ProcessInfo.processInfo.environment["PERMDOCS_BENCH_CATALOG"] ?? ""), rounds > 0 {
    do {
        try measureCatalogLoading(rounds: rounds)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: permdocs-bench CONTENT_DIR OUTPUT_DIR [PAGE_TO_EDIT]\n".utf8))
    exit(2)
}
let content = URL(fileURLWithPath: args[1])
let output = URL(fileURLWithPath: args[2])
let theme = DiskContentReader(root: URL(fileURLWithPath: "Themes/default"))
let cache = PageAnalysisCache()
/// The pages of the last build, as `serve` keeps them (nil before the first: a clean build).
var pages: (any RenderCache)?
let checker: PolicyChecker
do {
    checker = try Pipeline.bundledChecker()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

let served = ServedFiles()
/// Each build's total seconds, in order.
var totals: [Double] = []

/// One build through the pipeline `permdocs build` and `serve` run, timing each
/// step: written to the output folder, or handed to the server in memory.
func build(_ label: String, inMemory: Bool, changed: Set<String>? = nil) throws {
    var pipeline = Pipeline(content: DiskContentReader(root: content), theme: theme, checker: checker, cache: cache,
                            renderCache: pages ?? MemoryRenderCache())
    pipeline.changedContent = changed
    var result: Pipeline.Result
    var handOver = ""
    if inMemory {
        result = try pipeline.render()
        let start = Pipeline.Clock.system.now()
        // As serve: only the changed files, when the rest are the last build's.
        if let changed = result.changedFiles {
            served.update(Dictionary(changed.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a }))
        } else {
            served.replace(with: Dictionary(result.files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a }))
        }
        let seconds = Pipeline.Clock.system.now() - start
        result.timings.append(Pipeline.Timing(step: .write, seconds: seconds))
        handOver = "\(result.changedFiles?.count ?? result.files.count) of \(result.files.count) files handed to the server"
    } else {
        result = try pipeline.build(writingTo: OutputWriter(output: output))
        handOver = "\(result.written?.written ?? 0) files written, \(result.written?.unchanged ?? 0) unchanged"
    }
    pages = Pipeline.renderCache(of: result)
    let total = result.timings.reduce(0) { $0 + $1.seconds }
    let steps = result.timings.map { "\($0.step.rawValue) \(Int($0.seconds * 1000))" }.joined(separator: ", ")
    totals.append(total)
    print("\(label): \(Int(total * 1000)) ms total (\(steps)); \(result.pageCount) pages, \(cache.sources.lastRead) files read, \(cache.lastAnalyzed) analyzed, \(cache.lastReused) reused; \(result.renderedPages) rendered, \(result.reusedPages) reused\(result.onlyPagesChanged ? " (site-wide outputs kept)" : ""); \(handOver)")
}

/// Process CPU seconds (the machine is shared: wall time says less).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Renders the site with each engine in turn, `rounds` times, and prints the median CPU time of each.
func compareEngines(rounds: Int) throws {
    let site = try Pipeline(content: DiskContentReader(root: content), theme: theme, checker: checker, cache: cache).render().site
    let program = try Theme(reader: theme)
    var times: [String: [Double]] = [:]
    for _ in 0..<rounds {
        for (name, engine) in [("TemplateProgram", program), ("swift-mustache", program.renderedBySwiftMustache)] {
            let start = cpuSeconds()
            let files = SiteRenderer(theme: engine, site: site).render()
            times[name, default: []].append(cpuSeconds() - start)
            precondition(!files.isEmpty)
        }
    }
    for name in ["TemplateProgram", "swift-mustache"] {
        let sorted = times[name, default: []].sorted()
        print("render with \(name): \(Int(sorted[sorted.count / 2] * 1000)) ms CPU (median of \(rounds))")
    }
}

do {
    if let rounds = Int(ProcessInfo.processInfo.environment["PERMDOCS_BENCH_ENGINES"] ?? ""), rounds > 0 {
        try compareEngines(rounds: rounds)
        exit(0)
    }
    try build("cold", inMemory: false)
    if args.count > 3 {
        let edits = max(1, Int(ProcessInfo.processInfo.environment["PERMDOCS_BENCH_EDITS"] ?? "") ?? 1)
        let scanAll = ProcessInfo.processInfo.environment["PERMDOCS_BENCH_SCAN"] == "1"
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        FileHandle.standardError.write(Data("edits start at monotonic \(now.tv_sec).\(String(format: "%09d", now.tv_nsec))\n".utf8))
        for n in 1...edits {
            let page = content.appendingPathComponent(args[3])
            let handle = try FileHandle(forWritingTo: page)
            handle.seekToEndOfFile()
            handle.write(Data("\nBenchmark edit \(n).\n".utf8))
            try handle.close()
            // What serve's watcher reports, unless told to look at every file.
            try build("after editing \(args[3])", inMemory: true, changed: scanAll ? nil : [args[3]])
        }
        if edits > 1 {
            let sorted = totals.dropFirst().sorted()
            print("median of \(edits) rebuilds: \(Int(sorted[sorted.count / 2] * 1000)) ms (fastest \(Int(sorted[0] * 1000)), slowest \(Int(sorted[sorted.count - 1] * 1000)))")
        }
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
