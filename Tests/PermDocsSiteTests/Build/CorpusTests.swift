import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy
import PermDocsAnalysis

/// Reads every page of the real-guide corpus (`../shared/corpus/guides`, one
/// tool per repository) through the whole pipeline.
final class CorpusTests: XCTestCase {
    func testEveryCorpusPageIsReadAndEveryUnparsedBlockHasAPosition() throws {
        let guides = try TestSupport.sharedFolder("corpus/guides")
        let reader = DiskContentReader(root: guides)
        var tools: [Tool] = []
        var frontMatterErrors: [PermDocsError] = []
        for repo in try FileManager.default.contentsOfDirectory(atPath: guides.path).sorted() {
            var pages: [PageSource] = []
            for path in try reader.files(under: repo) where path.hasSuffix(".md") {
                let text = try reader.readText(path)
                do {
                    let (fm, body) = try FrontMatter.split(text, file: path)
                    pages.append(PageSource(path: path, pageID: String(path.dropFirst(repo.count + 1).dropLast(3)), frontMatter: fm, body: body))
                } catch let e as PermDocsError {
                    frontMatterErrors.append(e)
                    pages.append(PageSource(path: path, pageID: String(path.dropFirst(repo.count + 1).dropLast(3)), frontMatter: .empty, body: text))
                }
            }
            tools.append(Tool(slug: repo, metadata: ToolMetadata(name: repo), pages: pages))
        }
        let site = Analyzer(catalog: try ActionCatalog.bundled()).analyze(config: SiteConfig(), tools: tools)
        let blocks = site.tools.flatMap(\.blocks)
        // Text that did not parse: unparsed blocks, and JSON of another policy
        // language written as pseudo-code (a not-aws block keeps its diagnostic).
        let unparsed = blocks.filter { $0.policy == nil }
        let syntax = site.diagnostics.filter { $0.id == "json-syntax" }
        print("corpus: \(site.tools.count) tools, \(site.tools.reduce(0) { $0 + $1.pages.count }) pages, \(blocks.count) policy blocks, \(unparsed.count) not valid JSON, \(site.diagnostics.count) diagnostics, \(site.index.actions.count) distinct actions, \(frontMatterErrors.count) front matter errors")
        for kind in PolicyBlock.Kind.allCases {
            print("corpus: \(kind.rawValue): \(blocks.filter { $0.kind == kind }.count)")
        }
        XCTAssertEqual(site.tools.count, 18)
        XCTAssertEqual(site.tools.reduce(0) { $0 + $1.pages.count }, 609)
        XCTAssertGreaterThan(blocks.count, 1000)
        // Every block that does not parse is reported once, with a position inside its page.
        XCTAssertEqual(unparsed.count, syntax.count)
        for block in unparsed {
            let d = try XCTUnwrap(block.syntaxError)
            XCTAssertEqual(d.location.file, block.file)
            XCTAssertGreaterThanOrEqual(d.location.line, block.location.line)
            XCTAssertGreaterThanOrEqual(d.location.column, 1)
        }
        // And the site renders.
        let theme = try Theme(reader: TestSupport.defaultTheme)
        let files = SiteRenderer(theme: theme, site: site).render()
        XCTAssertEqual(files.filter { $0.path.hasPrefix("tools/") }.count, 609)
        // Byte for byte as swift-mustache renders it (`TemplateProgram`), on every page of real guides.
        let reference = SiteRenderer(theme: theme.renderedBySwiftMustache, site: site).render()
        XCTAssertEqual(files.map(\.path), reference.map(\.path))
        let differing = zip(files, reference).filter { $0.data != $1.data }.map(\.0.path)
        XCTAssertEqual(differing, [], "pages TemplateProgram renders otherwise than swift-mustache")
    }
}
