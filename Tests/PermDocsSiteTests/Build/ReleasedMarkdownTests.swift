import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// A build without an analysis cache lets the guides' Markdown go before it
/// renders (for its peak memory): the site it renders is the same.
final class ReleasedMarkdownTests: XCTestCase {
    func testABuildWithoutTheMarkdownRendersTheSameFiles() throws {
        let content = InMemoryContentReader(try TestSupport.seedContentFiles())
        let released = try TestSupport.pipeline(content).render()
        var keeping = try TestSupport.pipeline(content)
        keeping.cache = PageAnalysisCache()  // serve's cache keys on the Markdown, which then stays
        let kept = try keeping.render()

        let releasedPages = released.site.tools.flatMap(\.pages)
        XCTAssertFalse(releasedPages.isEmpty)
        XCTAssertTrue(releasedPages.allSatisfy { $0.source.body.isEmpty }, "the Markdown is released")
        XCTAssertTrue(released.site.tools.flatMap(\.tool.pages).allSatisfy { $0.body.isEmpty }, "in the tools too")
        XCTAssertTrue(kept.site.tools.flatMap(\.pages).contains { !$0.source.body.isEmpty })
        XCTAssertEqual(releasedPages.map(\.title), kept.site.tools.flatMap(\.pages).map(\.title), "titles outlive the Markdown")

        XCTAssertEqual(released.files.map(\.path), kept.files.map(\.path))
        for (a, b) in zip(released.files, kept.files) where a.data != b.data {
            XCTFail("\(a.path) differs without the Markdown")
        }
    }
}
