import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy

/// Pages reused from a render cache (in memory for `serve`, in the output
/// folder for `build`) give the same bytes as a clean build, after every kind
/// of edit; a damaged cache is reported and ignored.
final class RenderCacheTests: XCTestCase {
    private let fm = FileManager.default
    private var dir: URL!

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("permdocs-render-cache-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    // MARK: Fingerprints

    func testFingerprintIgnoresDictionaryOrderAndSeesEveryValue() {
        func fp(_ value: Any) -> Fingerprint? { PageRequest(template: "t", context: ["v": value]).fingerprint(salt: Fingerprint(high: 0, low: 0)) }
        var forward: [String: Any] = [:], backward: [String: Any] = [:]
        let keys = (0..<50).map { "key\($0)" }
        for k in keys { forward[k] = k }
        for k in keys.reversed() { backward[k] = k }
        XCTAssertEqual(fp(forward), fp(backward))
        XCTAssertNotEqual(fp(["ab", "c"]), fp(["a", "bc"]), "strings carry their length")
        XCTAssertNotEqual(fp(["a": 1]), fp(["a": "1"]), "values carry their type")
        XCTAssertNotEqual(fp(true), fp(1))
        XCTAssertNotEqual(fp([["x": 1], ["x": 2]]), fp([["x": 2], ["x": 1]]), "arrays keep their order")
        XCTAssertEqual(fp(Optional<String>.some("a") as Any), fp("a"))
        XCTAssertNotEqual(fp(["k": "a"]), fp(["k": "b"]), "a change deep inside counts")
        let salted = PageRequest(template: "t", context: [:]).fingerprint(salt: Fingerprint(high: 1, low: 0))
        XCTAssertNotEqual(salted, fp([:] as [String: Any]), "the salt (theme and version) counts")
        XCTAssertNotEqual(PageRequest(template: "a", context: [:]).fingerprint(salt: Fingerprint(high: 0, low: 0)),
                          PageRequest(template: "b", context: [:]).fingerprint(salt: Fingerprint(high: 0, low: 0)))
        XCTAssertNotNil(fp(DerivedHTML(.highlightedJSON, source: "{}")), "derived HTML is fingerprinted by its source")
        XCTAssertNotEqual(fp(DerivedHTML(.highlightedJSON, source: "{}")), fp(DerivedHTML(.highlightedJSON, source: "[]")))
        XCTAssertNotEqual(fp(DerivedHTML(.highlightedJSON, source: "{}")), fp("{}"))
        struct Opaque {}
        XCTAssertNil(fp(Opaque()), "a value the hasher does not know is never trusted")
    }

    func testEveryPageOfTheSeedSiteIsFingerprinted() throws {
        let result = try TestSupport.build(try TestSupport.seedContentFiles())
        let pages = result.files.map(\.path).filter { $0.hasSuffix(".html") }
        XCTAssertEqual(Set(result.fingerprints.keys), Set(pages), "every themed page can be reused")
        XCTAssertEqual(result.renderedPages, pages.count)
        XCTAssertEqual(result.reusedPages, 0)
    }

    // MARK: In memory (serve)

    /// A theme folder's files, to edit in memory.
    private func themeFiles() throws -> [String: Data] {
        let reader = TestSupport.defaultTheme
        var files: [String: Data] = [:]
        for path in try reader.files(under: "") { files[path] = try reader.read(path) }
        return files
    }

    func testReusedPagesEqualACleanBuildAfterEachKindOfEdit() throws {
        var content = try TestSupport.seedContentFiles()
        var theme = try themeFiles()
        var checker = try PolicyChecker.bundled()
        func pipeline(_ cache: (any RenderCache)?) -> Pipeline {
            var themeReader = InMemoryContentReader([:])
            themeReader.contents = theme
            return Pipeline(content: InMemoryContentReader(content), theme: themeReader, checker: checker,
                            generator: "permdocs test", renderCache: cache)
        }
        var last = try pipeline(nil).render()
        let dms = "tools/database-migration-service.md"
        let steps: [(what: String, change: () throws -> Void, reuses: Bool)] = [
            ("no change", {}, true),
            ("a paragraph of one guide", { content[dms] = content[dms]! + "\nOne more paragraph.\n" }, true),
            ("front matter", {
                content[dms] = content[dms]!.replacingOccurrences(of: "vendor: Amazon Web Services", with: "vendor: AWS")
            }, true),
            ("site.yml", { content["site.yml"] = content["site.yml"]!.replacingOccurrences(of: "title: Migration", with: "title: Renamed migration") }, false),
            ("a theme template", { theme["templates/footer.mustache"] = Data("<footer>changed {{generator}}</footer>\n".utf8) }, false),
            ("a theme asset", { theme["assets/style.css"] = theme["assets/style.css"]! + Data("\n/* changed */\n".utf8) }, false),
            ("the catalog version", { checker = try TestSupport.checker(withCatalogVersion: "9.9.9") }, false),
        ]
        XCTAssertTrue(content[dms]!.contains("vendor: Amazon Web Services") && content["site.yml"]!.contains("title: Migration"), "each edit must change something")
        for step in steps {
            try step.change()
            let incremental = try pipeline(Pipeline.renderCache(of: last)).render()
            let clean = try pipeline(nil).render()
            XCTAssertEqual(incremental.files, clean.files, "after an edit of \(step.what), reused pages differ from a clean build")
            XCTAssertEqual(incremental.reusedPages + incremental.renderedPages, clean.renderedPages)
            if step.reuses {
                XCTAssertGreaterThan(incremental.reusedPages, 0, "after an edit of \(step.what), pages it does not touch are reused")
            } else {
                XCTAssertEqual(incremental.reusedPages, 0, "after an edit of \(step.what), every page shows it")
            }
            if step.what == "no change" { XCTAssertEqual(incremental.renderedPages, 0) }
            if step.what == "a paragraph of one guide" {
                XCTAssertTrue(incremental.renderedPages >= 1 && incremental.renderedPages < clean.renderedPages / 2, "\(incremental.renderedPages) rendered")
            }
            last = incremental
        }
    }

    // MARK: In the output folder (build)

    private func build(_ output: URL, clean: Bool = false) throws -> Pipeline.Result {
        let content = DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))
        return try TestSupport.pipeline(content).build(writingTo: OutputWriter(output: output, clean: clean))
    }

    private func tree(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for case let path as String in try XCTUnwrap(fm.enumerator(atPath: root.path)) {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: root.appendingPathComponent(path))
            }
        }
        return out
    }

    func testSecondBuildReusesEveryPageFromTheOutputFolder() throws {
        let out = dir.appendingPathComponent("public")
        let first = try build(out)
        XCTAssertNil(first.cacheProblem, "a first build has nothing to say about a cache")
        let second = try build(out)
        XCTAssertNil(second.cacheProblem)
        XCTAssertEqual(second.renderedPages, 0)
        XCTAssertEqual(second.reusedPages, first.renderedPages)
        let clean = dir.appendingPathComponent("clean")
        _ = try build(clean, clean: true)
        XCTAssertEqual(try tree(out), try tree(clean))
    }

    func testDamagedCacheIsReportedOnceAndIgnored() throws {
        let out = dir.appendingPathComponent("public")
        let clean = dir.appendingPathComponent("clean")
        _ = try build(clean, clean: true)
        let expected = try tree(clean)
        let cacheURL = out.appendingPathComponent(OutputCache.fileName)
        let damages: [(String, (Data) -> Data?, String)] = [
            ("missing", { _ in nil }, "no build cache"),
            ("truncated", { $0.prefix($0.count / 2) }, "truncated"),
            ("last line cut", { $0.dropLast(3) }, "truncated"),
            ("garbage", { _ in Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }) }, "not a permdocs cache"),
            ("a fingerprint changed", { data in
                var text = String(decoding: data, as: UTF8.self)
                let line = text.split(separator: "\n")[1]
                text = text.replacingOccurrences(of: String(line), with: (line.first == "0" ? "1" : "0") + String(line.dropFirst()))
                return Data(text.utf8)
            }, "damaged"),
            ("another version", { data in
                Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: OutputCache.header, with: "permdocs-cache 1 0.0.1").utf8)
            }, "another permdocs version"),
        ]
        for (what, damage, message) in damages {
            _ = try build(out)
            let original = try Data(contentsOf: cacheURL)
            if let damaged = damage(original) { try damaged.write(to: cacheURL) } else { try fm.removeItem(at: cacheURL) }
            let result = try build(out)
            XCTAssertTrue(result.cacheProblem?.contains(message) ?? false, "\(what): \(result.cacheProblem ?? "no message")")
            XCTAssertEqual(result.reusedPages, 0, "\(what): nothing trusted")
            XCTAssertEqual(try tree(out), expected, "\(what): the output is a clean build's")
            XCTAssertNil(try build(out).cacheProblem, "\(what): reported once; the next build has a good cache")
        }
    }
}
