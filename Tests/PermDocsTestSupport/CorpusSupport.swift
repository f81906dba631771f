import Foundation
import XCTest
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// The real-guide corpus (`../shared/corpus/guides`) read as a site: one tool
/// per repository, every Markdown page of it a page of the tool, as a real
/// documentation site has. Classification looks across a tool's pages (an
/// excerpt may repeat a policy of another page), so tests that judge blocks
/// analyze whole repositories, never single pages.
public enum CorpusSupport {
    /// The corpus's tools, in repository order; skips the test (with a printed
    /// reason) when the corpus is not beside the checkout. A page whose front
    /// matter does not parse is read whole, as the build would report it.
    public static func guideTools(only repositories: Set<String>? = nil) throws -> [Tool] {
        let guides = try TestSupport.sharedFolder("corpus/guides")
        let reader = DiskContentReader(root: guides)
        var tools: [Tool] = []
        for repo in try FileManager.default.contentsOfDirectory(atPath: guides.path).sorted() where repositories?.contains(repo) ?? true {
            var pages: [PageSource] = []
            for path in try reader.files(under: repo) where path.hasSuffix(".md") {
                let text = try reader.readText(path)
                let pageID = String(path.dropFirst(repo.count + 1).dropLast(3))
                if let (frontMatter, body) = try? FrontMatter.split(text, file: path) {
                    pages.append(PageSource(path: path, pageID: pageID, frontMatter: frontMatter, body: body))
                } else {
                    pages.append(PageSource(path: path, pageID: pageID, frontMatter: .empty, body: text))
                }
            }
            tools.append(Tool(slug: repo, metadata: ToolMetadata(name: repo), pages: pages))
        }
        return tools
    }

    /// The corpus analyzed (classified, not checked) with the bundled catalog.
    public static func analyzedGuides(only repositories: Set<String>? = nil) throws -> AnalyzedSite {
        Analyzer(catalog: try ActionCatalog.bundled()).analyze(config: SiteConfig(), tools: try guideTools(only: repositories))
    }
}
