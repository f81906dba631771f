import Foundation
import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy
import PermDocsTestSupport

/// With a `PageAnalysisCache` (what `serve` keeps), a rebuild reuses page
/// analyses and the tool-wide steps' findings only where an edit cannot have
/// changed them: after every edit, the analyzed site equals one analyzed
/// without a cache, blocks, guides and findings in the same order.
final class ToolAnalysisTests: XCTestCase {
    private static let catalog = Result { try TestSupport.catalog(withDependentActions: ["lambda:CreateFunction": ["iam:PassRole"]]) }

    private func policy(_ actions: [String], effect: String = "Allow") -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
        return "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"\(effect)\", \"Action\": [\(list)], \"Resource\": \"*\"}]}\n```\n"
    }

    private func analyze(_ files: [String: String], cache: PageAnalysisCache?) throws -> AnalyzedSite {
        let catalog = try Self.catalog.get()
        let (config, tools) = try ContentLoader(reader: InMemoryContentReader(files)).load()
        return Analyzer(catalog: catalog, checker: PolicyChecker(catalog: catalog, risks: try RiskRules.bundled()), concurrency: 2, cache: cache)
            .analyze(config: config, tools: tools)
    }

    /// What a site shows of its analysis, page by page.
    private func summary(_ site: AnalyzedSite) -> [String] {
        site.tools.flatMap { tool in
            tool.pages.map { page in
                "\(page.source.path) \(page.title)\n\(page.guide)\n\(page.blocks)\n\(page.diagnostics.map { "\($0) \($0.fix ?? "") \($0.subject ?? "") \(String(describing: $0.block)) \(String(describing: $0.blockKind))" })"
            }
        } + ["\(site.index.rows.map(\.id))", "\(site.silenced)"]
    }

    func testEveryEditGivesWhatAnAnalysisWithoutACacheGives() throws {
        var files: [String: String] = [
            "tools/a/index.md": "# A\n\nSee [setup](setup.md#roles) and [later](later.md).\n\n" + policy(["s3:GetObject", "s3:PutObject", "ec2:CreateTags"]),
            "tools/a/setup.md": "# Setup\n\n## Roles\n\nAttach this policy:\n\n" + self.policy(["lambda:CreateFunction"]),
            "tools/a/other.md": "# Other\n\nBack to [roles](setup.md#roles).\n",
            "tools/b.md": "# B\n\n" + self.policy(["iam:PassRole"]),
        ]
        let cache = PageAnalysisCache()
        let steps: [(String, () -> Void)] = [
            ("nothing", {}),
            ("a heading another page links to", { files["tools/a/setup.md"] = files["tools/a/setup.md"]!.replacingOccurrences(of: "## Roles", with: "## Role list") }),
            ("the heading back", { files["tools/a/setup.md"] = files["tools/a/setup.md"]!.replacingOccurrences(of: "## Role list", with: "## Roles") }),
            ("a page a link leads to, added", { files["tools/a/later.md"] = "# Later\n" }),
            ("a page's title in front matter, to optional", { files["tools/a/setup.md"] = "---\ntitle: Setup (optional)\n---\n" + files["tools/a/setup.md"]! }),
            ("a block that repeats another page's policy", { files["tools/a/other.md"]! += "\nThis section repeats part of the policy:\n\n" + self.policy(["s3:GetObject", "s3:PutObject"]) }),
            ("a grant of a dependent action", { files["tools/a/later.md"]! += "\n" + self.policy(["iam:PassRole"]) }),
            ("a page a link leads to, removed", { files["tools/a/later.md"] = nil }),
            ("a paragraph", { files["tools/a/other.md"]! += "\nOne more paragraph.\n" }),
            ("another tool's policy", { files["tools/b.md"] = "# B\n\n" + self.policy(["iam:PassRole", "s3:*"]) }),
            ("site.yml silencing", { files["site.yml"] = "title: T\nsilence:\n  - id: broken-link\n" }),
        ]
        for (what, edit) in steps {
            edit()
            let incremental = try analyze(files, cache: cache)
            let clean = try analyze(files, cache: nil)
            XCTAssertEqual(summary(incremental), summary(clean), "after an edit of \(what)")
        }
    }

    func testAOnePageEditChecksOnlyWhatItCanChange() throws {
        var files = ["tools/a/index.md": "# A\n\n" + self.policy(["s3:GetObject"])]
        for i in 0..<20 { files["tools/a/p\(i).md"] = "# P\(i)\n\nIntro.\n\n## Policy\n\nAttach this:\n\n" + policy(["ec2:CreateTags"]) + "\nAfter.\n\n## Links\n\n[top](index.md#a) [missing](index.md#nothing) words\n" }
        let cache = PageAnalysisCache()
        let first = try analyze(files, cache: cache)
        XCTAssertEqual(first.diagnostics.filter { $0.id == "broken-link" }.count, 20)
        files["tools/a/p3.md"] = files["tools/a/p3.md"]!.replacingOccurrences(of: "words", with: "other words")
        _ = try analyze(files, cache: cache)
        let memo = try XCTUnwrap(cache.toolMemo("a"))
        XCTAssertEqual(memo.classified.count, 21)
        XCTAssertEqual(cache.lastAnalyzed, 1)
        XCTAssertEqual(cache.lastToolSteps, ToolAnalysis.Counts(classified: 0, linkChecked: 1, checked: 0), "only the edited page's links are checked again")
        files["tools/a/index.md"] = "# A\n\n## Nothing\n\n" + self.policy(["s3:GetObject"])
        let edited = try analyze(files, cache: cache)
        XCTAssertEqual(cache.lastToolSteps.linkChecked, 21, "every page linking to the index is checked again")
        XCTAssertEqual(edited.diagnostics.filter { $0.id == "broken-link" }.count, 0)
    }
}
