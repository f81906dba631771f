import Foundation
import XCTest
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsSite

/// Paths and helpers shared by the tests.
public enum TestSupport {
    /// The package root, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout (seeds and corpus), present in CI, absent in a user's clone.
    public static func sharedFolder(_ name: String) throws -> URL {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("note: skipping: \(url.path) is not here (it sits beside the checkout in CI)")
            throw XCTSkip("\(url.path) is not present")
        }
        return url
    }

    /// A fixture's text.
    public static func fixture(_ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil), "no fixture \(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    public static var defaultTheme: DiskContentReader {
        DiskContentReader(root: packageRoot.appendingPathComponent("Themes/default"))
    }

    /// Analyses one Markdown page as the only page of tool `tool`.
    /// With `checked`, its policies are checked against the bundled catalog and risk data.
    public static func analyze(_ markdown: String, path: String = "tools/t.md", tool: String = "t", checked: Bool = false) throws -> AnalyzedPage {
        let (frontMatter, body) = try FrontMatter.split(markdown, file: path)
        let page = PageSource(path: path, pageID: "index", frontMatter: frontMatter, body: body)
        let site = Analyzer(catalog: try ActionCatalog.bundled(), checker: checked ? try PolicyChecker.bundled() : nil).analyze(config: SiteConfig(), tools: [Tool(slug: tool, metadata: ToolMetadata(name: tool), pages: [page])])
        return site.tools[0].pages[0]
    }

    /// The files of the default site (`Content/`), for in-memory builds.
    public static func seedContentFiles() throws -> [String: String] {
        let root = packageRoot.appendingPathComponent("Content")
        let reader = DiskContentReader(root: root)
        var files: [String: String] = [:]
        for path in try reader.files(under: "") { files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        return files
    }

    /// A page's guide HTML with its policy figures drawn, as its site page shows it.
    public static func guideHTML(_ page: AnalyzedPage) -> String {
        PolicyFigure().guideHTML(page.guide, blocks: page.blocks)
    }

    /// The bundled catalog and risk data, read once for all tests.
    private static let checker = Result { try Pipeline.bundledChecker() }

    /// The pipeline over `content` with the bundled checker (the default theme unless given).
    public static func pipeline(_ content: any ContentReader, theme: (any ContentReader)? = defaultTheme,
                                generator: String = "permdocs test", concurrency: Int = ProcessInfoConcurrency.default) throws -> Pipeline {
        Pipeline(content: content, theme: theme, checker: try checker.get(), generator: generator, concurrency: concurrency)
    }

    /// Builds a site in memory from content files, with the default theme.
    public static func build(_ files: [String: String]) throws -> Pipeline.Result {
        try pipeline(InMemoryContentReader(files)).render()
    }

    /// The text of an output file.
    public static func text(_ report: Pipeline.Result, _ path: String) throws -> String {
        let file = try XCTUnwrap(report.files.first { $0.path == path }, "no output file \(path)")
        return String(decoding: file.data, as: UTF8.self)
    }
}
