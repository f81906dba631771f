import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy

/// Pages reused by their inputs (`ToolPageInputs`, what `serve` compares
/// instead of building a page's context) are exactly the pages whose
/// fingerprint did not change: over edits of every kind, equal inputs always
/// come with equal fingerprints, and a rebuild that reuses by inputs gives a
/// clean build's bytes.
final class ToolPageInputsTests: XCTestCase {
    private func policy(_ actions: [String]) -> String {
        "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(actions.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": \"*\"}]}\n```\n"
    }

    private func site() throws -> [String: String] {
        var files = try TestSupport.seedContentFiles()
        files["tools/big/index.md"] = "---\ntool: Big\nvendor: V\n---\n# Big\n\n" + policy(["s3:GetObject"])
        for i in 0..<(SiteRenderer.fullPageListLimit + 3) {
            files["tools/big/p\(i).md"] = "# Page \(i)\n\n## Steps\n\nSee [the intro](index.md#big) and [step](p\((i + 1) % 10).md#steps).\n\n" + (i % 5 == 0 ? policy(["ec2:CreateTags"]) : "")
        }
        files["tools/small/index.md"] = "# Small\n"
        files["tools/small/a.md"] = "# A\n\n" + policy(["iam:PassRole"])
        files["tools/small/b.md"] = "# B\n\nText.\n"
        return files
    }

    func testEqualInputsComeWithEqualFingerprintsAndReuseGivesACleanBuild() throws {
        var files = try site()
        var generator = "permdocs test"
        let checker = try PolicyChecker.bundled()
        func pipeline(_ cache: (any RenderCache)?) -> Pipeline {
            Pipeline(content: InMemoryContentReader(files), theme: TestSupport.defaultTheme, checker: checker, generator: generator, renderCache: cache)
        }
        let edits: [(String, () -> Void)] = [
            ("a paragraph of a page", { files["tools/big/p3.md"]! += "\nMore.\n" }),
            ("a page's title", { files["tools/big/p4.md"] = "---\ntitle: Four\n---\n" + files["tools/big/p4.md"]! }),
            ("a heading other pages link to", { files["tools/big/p1.md"] = files["tools/big/p1.md"]!.replacingOccurrences(of: "## Steps", with: "## Stairs") }),
            ("a policy (the tool's counts)", { files["tools/big/p7.md"]! += "\n" + self.policy(["lambda:CreateFunction"]) }),
            ("a new page", { files["tools/big/p99.md"] = "# New\n" }),
            ("a page of a small tool (listed on each page)", { files["tools/small/b.md"] = "# Bee\n\nText.\n" }),
            ("the tool's vendor", { files["tools/big/index.md"] = files["tools/big/index.md"]!.replacingOccurrences(of: "vendor: V", with: "vendor: W") }),
            ("another tool's name", { files["tools/small/index.md"] = "# Smaller\n" }),
            ("site.yml", { files["site.yml"] = files["site.yml"]!.replacingOccurrences(of: "title: Migration", with: "title: Renamed migration") }),
            ("the generator", { generator = "permdocs test 2" }),
            ("nothing", {}),
        ]
        var before = try pipeline(nil).render()
        var last = before
        var reusedByInputs = 0
        for (what, edit) in edits {
            edit()
            let clean = try pipeline(nil).render()
            var equal = 0
            for (path, inputs) in clean.pageInputs {
                guard let old = before.pageInputs[path], old == inputs else { continue }
                equal += 1
                XCTAssertEqual(before.fingerprints[path], clean.fingerprints[path], "after an edit of \(what), \(path) has the same inputs but another fingerprint")
            }
            if what == "nothing" || what == "a paragraph of a page" {
                XCTAssertGreaterThan(equal, 40, "after an edit of \(what), most pages keep their inputs")
            }
            let incremental = try pipeline(Pipeline.renderCache(of: last)).render()
            XCTAssertEqual(incremental.files, clean.files, "after an edit of \(what), a rebuild reusing pages differs from a clean build")
            reusedByInputs += incremental.reusedPages
            before = clean
            last = incremental
        }
        XCTAssertGreaterThan(reusedByInputs, 0)
    }

    func testIntroPagesHaveNoInputs() throws {
        let result = try pipeline(try site()).render()
        XCTAssertNil(result.pageInputs[SitePaths.page(tool: "big", pageID: "index")])
        XCTAssertNotNil(result.pageInputs[SitePaths.page(tool: "big", pageID: "p1")])
    }

    private func pipeline(_ files: [String: String]) throws -> Pipeline {
        try TestSupport.pipeline(InMemoryContentReader(files))
    }
}
