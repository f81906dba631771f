import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

/// What one fuzz input is fed to: each of the parsers that reads guide text
/// (the seeded loops in the test targets fuzz the same, with their output
/// checks). The HTML sanitizer is internal to PermDocsMarkdown; `analysis`
/// reaches it through the guide renderer, which sanitizes every raw HTML block.
enum FuzzTarget: String, CaseIterable {
    case policy, frontMatter = "front-matter", analysis

    /// The target named by `PERMDOCS_FUZZ_TARGET` (default: policy).
    static var selected: FuzzTarget {
        let name = ProcessInfo.processInfo.environment["PERMDOCS_FUZZ_TARGET"] ?? "policy"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("PERMDOCS_FUZZ_TARGET must be one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }

    private static let catalog = try! ActionCatalog.bundled()
    private static let checker = PolicyChecker(catalog: catalog, risks: try! RiskRules.bundled())

    /// Runs the input; a crash, a hang or a broken invariant (`preconditionFailure`) is what the fuzzer finds.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let count = text.unicodeScalars.count
        switch self {
        case .policy:
            guard let node = try? JSONReader.parse(text) else { return }
            let printed = JSONWriter.pretty(node)
            guard (try? JSONReader.parse(printed)) != nil else { preconditionFailure("JSONWriter.pretty output does not parse: \(printed)") }
            let parser = PolicyParser(locate: { SourceLocation(file: "f.json", line: 1, column: $0 + 1) })
            for statement in parser.policy(from: node)?.statements ?? [] {
                precondition((1...(count + 1)).contains(statement.location.column), "statement column outside the input")
                _ = statement.meaning
            }
        case .frontMatter:
            guard let (frontMatter, body) = try? FrontMatter.split(text, file: "p.md") else { return }
            precondition(SourceLines(body).lines.count == SourceLines(text).lines.count, "the body does not keep the file's lines")
            _ = frontMatter
        case .analysis:
            guard let (frontMatter, body) = try? FrontMatter.split(text, file: "tools/t.md") else { return }
            let page = PageSource(path: "tools/t.md", pageID: "index", frontMatter: frontMatter, body: body)
            let tool = Tool(slug: "t", metadata: ToolMetadata(name: "t"), pages: [page])
            let site = Analyzer(catalog: Self.catalog, checker: Self.checker, concurrency: 1)
                .analyze(config: SiteConfig(), tools: [tool])
            let lines = SourceLines(text).lines.count
            for d in site.diagnostics where d.location.file == "tools/t.md" {
                precondition((1...max(lines, 1)).contains(d.location.line), "diagnostic \(d.id) at line \(d.location.line) of \(lines)")
            }
            for fragment in site.tools[0].pages[0].guide.fragments {
                if case .html(let html) = fragment { precondition(!html.lowercased().containsBytes("<script"), "a script element reached the page") }
            }
        }
    }
}
