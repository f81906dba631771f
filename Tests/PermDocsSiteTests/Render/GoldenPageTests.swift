import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

/// Every page kind of a small site, rendered to whole HTML and compared with
/// a golden file that was reviewed by eye (in a browser, at 390 and 1,400 px,
/// light and dark) before it was committed: `Fixtures/GoldenSite/golden/`.
///
/// After an intended change, `PERMDOCS_UPDATE_GOLDEN=1 swift test --filter
/// GoldenPageTests` rewrites the golden files; review the diff and the pages
/// before committing them. The catalog version in footers is replaced by
/// `CATALOG`, so a catalog update does not touch them.
final class GoldenPageTests: XCTestCase {
    /// One page of each kind the theme has a template for.
    static let pages = [
        "index.html", "tools/alpha/index.html", "tools/beta/index.html", "tools/beta/role.html",
        "matrix.html", "findings.html", "overlap.html", "services/ec2.html", "sets/pair.html", "search.html", "404.html",
    ]

    private var folder: URL { TestSupport.packageRoot.appendingPathComponent("Tests/PermDocsTestSupport/Fixtures/GoldenSite") }

    func testEveryPageKindMatchesItsReviewedGoldenFile() throws {
        let content = DiskContentReader(root: folder.appendingPathComponent("content"))
        let result = try TestSupport.pipeline(content, generator: "permdocs test").render()
        let catalog = try XCTUnwrap(result.site.catalog)
        let update = ProcessInfo.processInfo.environment["PERMDOCS_UPDATE_GOLDEN"] == "1"
        for page in Self.pages {
            let html = try TestSupport.text(result, page)
                .replacingOccurrences(of: catalog.source, with: "CATALOG")
                .replacingOccurrences(of: catalog.sourceDate, with: "CATALOG-DATE")
            let golden = folder.appendingPathComponent("golden").appendingPathComponent(page)
            if update {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try html.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            if html != expected {
                let lines = (html.components(separatedBy: "\n"), expected.components(separatedBy: "\n"))
                let first = zip(lines.0, lines.1).enumerated().first { $0.element.0 != $0.element.1 }
                XCTFail("\(page) differs from its golden file at line \((first?.offset ?? min(lines.0.count, lines.1.count)) + 1):\n  got:      \(first?.element.0 ?? "(end)")\n  expected: \(first?.element.1 ?? "(end)")\nrerun with PERMDOCS_UPDATE_GOLDEN=1 after reviewing the change")
            }
        }
    }
}
