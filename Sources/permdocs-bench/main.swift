// permdocs-bench: times the phases of a build in one process, cold and then
// after a one-page edit with the page-analysis cache that `permdocs serve`
// keeps, which `Benchmarks/run` cannot see from outside the process.
//
//   permdocs-bench CONTENT_DIR OUTPUT_DIR [PAGE_TO_EDIT]
//
// CONTENT_DIR must be a copy: the page is edited in place.
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: permdocs-bench CONTENT_DIR OUTPUT_DIR [PAGE_TO_EDIT]\n".utf8))
    exit(2)
}
let content = URL(fileURLWithPath: args[1])
let output = URL(fileURLWithPath: args[2])
let theme = DiskContentReader(root: URL(fileURLWithPath: "Themes/default"))
let cache = PageAnalysisCache()

func ms(_ start: Date) -> Int { Int(Date().timeIntervalSince(start) * 1000) }

/// One build, timing analysis (read, parse, extract, check, index), rendering and writing.
func build(_ label: String) throws {
    let start = Date()
    var builder = SiteBuilder(content: DiskContentReader(root: content), theme: theme)
    builder.cache = cache
    let site = try builder.analyze()
    let analysed = Date()
    var renderer = SiteRenderer(theme: try Theme(reader: theme), site: site, generator: "permdocs \(PermDocsVersion.current)")
    renderer.concurrency = builder.concurrency
    let files = renderer.render()
    let rendered = Date()
    let written = try OutputWriter(output: output).write(files)
    let pages = site.tools.reduce(0) { $0 + $1.pages.count }
    print("\(label): \(ms(start)) ms total (analyse \(Int(analysed.timeIntervalSince(start) * 1000)), render \(Int(rendered.timeIntervalSince(analysed) * 1000)), write \(ms(rendered))); \(pages) pages, \(cache.lastAnalysed) analysed, \(cache.lastReused) reused; \(written.written) files written, \(written.unchanged) unchanged")
}

do {
    try build("cold")
    if args.count > 3 {
        let page = content.appendingPathComponent(args[3])
        let handle = try FileHandle(forWritingTo: page)
        handle.seekToEndOfFile()
        handle.write(Data("\nBenchmark edit.\n".utf8))
        try handle.close()
        try build("after editing \(args[3])")
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
