import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `serve`'s rebuild with both caches it keeps (page analyses and the last
/// render): an edit that changes only a page's prose renders that page alone
/// and leaves every site-wide output as it was; an edit that changes what
/// they show (a policy, a finding, a title) changes them. Either way the
/// files equal a clean build's.
final class PageChangesTests: XCTestCase {
    private func policy(_ actions: [String]) -> String {
        "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(actions.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": \"*\"}]}\n```\n"
    }

    private func site() -> [String: String] {
        var files = ["site.yml": "title: Changes\n"]
        files["tools/big/index.md"] = "---\ntool: Big\nvendor: V\n---\n# Big\n\nIntro.\n\n" + policy(["s3:GetObject"])
        for i in 0..<12 {
            files["tools/big/p\(i).md"] = "# Page \(i)\n\n## Steps\n\nAttach this policy:\n\n" + policy(["ec2:CreateTags", i % 2 == 0 ? "ec2:DescribeInstances" : "s3:PutObject"]) + "\nDone.\n"
        }
        files["tools/small.md"] = "# Small\n\n" + policy(["iam:PassRole"])
        return files
    }

    /// Paths of the files every page does not own: what a prose edit must leave alone.
    private func siteWide(_ files: [OutputFile]) -> [String: Data] {
        Dictionary(files.filter { !$0.path.hasPrefix("tools/") || $0.path.hasSuffix("/index.html") }.map { ($0.path, $0.data) },
                   uniquingKeysWith: { a, _ in a })
    }

    func testProseEditsRenderOnePageAndOtherEditsChangeWhatTheyShow() throws {
        var files = site()
        let checker = try PolicyChecker.bundled()
        let analyses = PageAnalysisCache()
        func pipeline(_ cache: (any RenderCache)?, analyses: PageAnalysisCache?) -> Pipeline {
            Pipeline(content: InMemoryContentReader(files), theme: TestSupport.defaultTheme, checker: checker,
                     generator: "permdocs test", cache: analyses, renderCache: cache)
        }
        var last = try pipeline(nil, analyses: analyses).render()
        let p3 = "tools/big/p3.md"
        let edits: [(what: String, edit: () -> Void, prose: Bool)] = [
            ("a paragraph at the end of a page", { files[p3]! += "\nOne more paragraph.\n" }, true),
            ("the paragraph right after a policy (its context)", { files[p3] = files[p3]!.replacingOccurrences(of: "\nDone.\n", with: "\nNow attach it.\n") }, true),
            ("nothing", {}, true),
            ("a policy's actions", { files[p3] = files[p3]!.replacingOccurrences(of: "s3:PutObject", with: "lambda:InvokeFunction") }, false),
            ("an unknown action (a finding)", { files[p3] = files[p3]!.replacingOccurrences(of: "ec2:CreateTags", with: "ec2:CreateTagz") }, false),
            ("a line before a policy (its position)", { files[p3] = files[p3]!.replacingOccurrences(of: "## Steps\n", with: "## Steps\n\nFirst.\n") }, false),
            ("a page's title", { files[p3] = files[p3]!.replacingOccurrences(of: "# Page 3", with: "# Third page") }, false),
            ("prose again, after those", { files[p3]! += "\nLast words.\n" }, true),
        ]
        for (what, edit, prose) in edits {
            edit()
            let incremental = try pipeline(Pipeline.renderCache(of: last), analyses: analyses).render()
            let clean = try pipeline(nil, analyses: nil).render()
            XCTAssertEqual(incremental.files, clean.files, "after an edit of \(what), the rebuild differs from a clean build")
            XCTAssertEqual(incremental.reusedPages + incremental.renderedPages, clean.renderedPages, what)
            XCTAssertEqual(incremental.onlyPagesChanged, prose, "after an edit of \(what)")
            if prose {
                XCTAssertEqual(siteWide(incremental.files), siteWide(last.files), "an edit of \(what) changes no site-wide output")
                XCTAssertLessThanOrEqual(incremental.renderedPages, 1, "after an edit of \(what), only the edited page is rendered")
            } else {
                XCTAssertNotEqual(siteWide(incremental.files), siteWide(last.files), "an edit of \(what) shows on the site-wide outputs")
            }
            if what == "a policy's actions" {
                let actions = { (r: Pipeline.Result) in r.files.first { $0.path == SiteExports.actionsPath }?.data }
                XCTAssertNotEqual(actions(incremental), actions(last), "the actions export follows the policy")
            }
            last = incremental
        }
    }

    func testThePreviousIndexIsReusedOnlyForEqualBlocks() throws {
        var files = site()
        let checker = try PolicyChecker.bundled()
        let analyses = PageAnalysisCache()
        func analyze() throws -> AnalyzedSite {
            try Pipeline(content: InMemoryContentReader(files), theme: nil, checker: checker, cache: analyses).analyze()
        }
        _ = try analyze()
        files["tools/big/p5.md"]! += "\nProse.\n"
        let prose = try analyze()
        XCTAssertEqual(prose.index.rows, try Pipeline(content: InMemoryContentReader(files), theme: nil, checker: checker).analyze().index.rows)
        files["tools/big/p5.md"] = files["tools/big/p5.md"]!.replacingOccurrences(of: "s3:PutObject", with: "sqs:SendMessage")
        let edited = try analyze()
        XCTAssertNotNil(edited.index.row(named: "sqs:SendMessage"), "a new action gets its row")
        XCTAssertEqual(edited.index.rows, try Pipeline(content: InMemoryContentReader(files), theme: nil, checker: checker).analyze().index.rows)
    }
}
