import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `serve` tells the pipeline which content paths its watcher saw change
/// (`Pipeline.changedContent`): edits of guides are read alone, files that
/// are not guides are not read, anything else (a new or deleted guide, a
/// folder of guides, `site.yml`, a tool's first page, a title, a failed
/// build) reads everything; the output always equals a clean build's.
final class KnownChangesTests: XCTestCase {
    private func policy(_ actions: [String]) -> String {
        "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(actions.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": \"*\"}]}\n```\n"
    }

    func testEditsAreReadAloneAndAnythingElseReadsEverything() throws {
        var files = ["site.yml": "title: Known\n", "tools/solo.md": "# Solo\n\n" + policy(["iam:PassRole"]),
                     "tools/big/index.md": "---\nvendor: V\n---\n# Big\n"]
        for i in 0..<6 { files["tools/big/p\(i).md"] = "# Page \(i)\n\nText \(i).\n\n" + policy(["s3:GetObject"]) }
        let checker = try PolicyChecker.bundled()
        let analyses = PageAnalysisCache()
        var renders: (any RenderCache)? = nil
        func rebuild(_ changed: Set<String>?) throws -> Pipeline.Result {
            var pipeline = Pipeline(content: InMemoryContentReader(files), theme: TestSupport.defaultTheme, checker: checker,
                                    generator: "permdocs test", cache: analyses, renderCache: renders)
            pipeline.changedContent = changed
            let result = try pipeline.render()
            renders = Pipeline.renderCache(of: result)
            return result
        }
        func clean() throws -> [OutputFile] {
            try Pipeline(content: InMemoryContentReader(files), theme: TestSupport.defaultTheme, checker: checker, generator: "permdocs test").render().files
        }
        _ = try rebuild(nil)
        let steps: [(what: String, edit: () -> Void, changed: Set<String>, readsAll: Bool)] = [
            ("a paragraph", { files["tools/big/p2.md"]! += "\nMore.\n" }, ["tools/big/p2.md"], false),
            ("a policy", { files["tools/big/p3.md"]! += "\n" + self.policy(["sqs:SendMessage"]) }, ["tools/big/p3.md"], false),
            ("a file outside tools/", { files["README.md"] = "Notes.\n" }, ["README.md"], false),
            ("a new page", { files["tools/big/p9.md"] = "# Nine\n" }, ["tools/big/p9.md"], true),
            ("a deleted page", { files["tools/big/p1.md"] = nil }, ["tools/big/p1.md"], true),
            ("site.yml", { files["site.yml"] = "title: Renamed\n" }, ["site.yml"], true),
            ("a tool's first page", { files["tools/big/index.md"] = "---\nvendor: W\n---\n# Big\n" }, ["tools/big/index.md"], true),
            ("a one-file tool", { files["tools/solo.md"]! += "\nMore.\n" }, ["tools/solo.md"], true),
            ("a title", { files["tools/big/p4.md"] = "# Fourth\n" }, ["tools/big/p4.md"], true),
            ("a folder", { files["tools/big/p5.md"]! += "\nMoved.\n" }, ["tools/big"], true),
            // vim writes and deletes `4913` beside the file on every save.
            ("an editor's probe file, gone", { files["tools/big/4913"] = nil }, ["tools/big/4913"], false),
            ("an image beside the guides", { files["tools/big/diagram.png"] = "PNG" }, ["tools/big/diagram.png"], false),
            ("an empty folder", {}, ["tools/big/drafts"], false),
            ("a folder of guides moved in", { files["tools/moved/index.md"] = "# Moved\n" }, ["tools/moved"], true),
            ("a folder of guides removed", { files["tools/moved/index.md"] = nil }, ["tools/moved"], true),
        ]
        for step in steps {
            step.edit()
            let result = try rebuild(step.changed)
            XCTAssertEqual(result.files, try clean(), "after \(step.what), the rebuild differs from a clean build")
            let guides = files.keys.filter { $0.hasPrefix("tools/") && $0.hasSuffix(".md") }.count
            if step.readsAll {
                // An edit looked at first (a title) is read once more with the rest.
                XCTAssertGreaterThanOrEqual(analyses.sources.lastRead, guides, "after \(step.what), every guide is read")
            } else {
                XCTAssertEqual(analyses.sources.lastRead, step.changed.filter { $0.hasPrefix("tools/") && $0.hasSuffix(".md") }.count,
                               "after \(step.what), only the edited guide is read")
            }
        }

        // The watcher's word is trusted: an edit it did not report is not seen…
        files["tools/big/p2.md"]! += "\nUnreported.\n"
        XCTAssertNotEqual(try rebuild([]).files, try clean())
        // …until a build that is not told what changed.
        XCTAssertEqual(try rebuild(nil).files, try clean())
    }

    func testAFailedLoadMakesTheNextOneReadEverything() throws {
        var files = ["tools/t/index.md": "# T\n", "tools/t/a.md": "# A\n\nOne.\n", "tools/t/b.md": "# B\n\nOne.\n"]
        let analyses = PageAnalysisCache()
        func load(_ changed: Set<String>?) throws -> [Tool] {
            try ContentLoader(reader: InMemoryContentReader(files), sources: analyses.sources).load(changed: changed).1
        }
        _ = try load(nil)
        files["tools/t/a.md"] = "# A\n\nTwo.\n"
        files["tools/t/b.md"] = "---\nbroken: [\n---\n# B\n"
        XCTAssertThrowsError(try load(["tools/t/a.md", "tools/t/b.md"]))
        files["tools/t/b.md"] = "# B\n\nTwo.\n"
        // Told only of the fix: the edit of a.md read by the failed load must not be lost.
        let tools = try load(["tools/t/b.md"])
        XCTAssertEqual(tools[0].pages.map(\.body), try load(nil).map { $0.pages.map(\.body) }[0])
        XCTAssertTrue(tools[0].pages.contains { $0.body.contains("Two.") && $0.pageID == "a" })
    }
}
