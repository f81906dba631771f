import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// `buildUnlessUnchanged` (what `permdocs build` runs) leaves an output folder
/// alone only when the input is the one it was built from and the folder
/// still holds every file as written; whatever the record holds, the output
/// equals a clean build's and the findings are the ones a full build reports.
final class BuildRecordTests: XCTestCase {
    private let fm = FileManager.default
    private var dir: URL!
    private var content: [String: String] = [:]
    private var theme: [String: Data] = [:]
    private var checker: PolicyChecker!

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("permdocs-build-record-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        content = try TestSupport.seedContentFiles()
        let reader = TestSupport.defaultTheme
        for path in try reader.files(under: "") { theme[path] = try reader.read(path) }
        checker = try PolicyChecker.bundled()
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: dir)
    }

    private func pipeline() -> Pipeline {
        var themeReader = InMemoryContentReader([:])
        themeReader.contents = theme
        return Pipeline(content: InMemoryContentReader(content), theme: themeReader, checker: checker, generator: "permdocs test")
    }

    private func build(_ name: String, clean: Bool = false, failOn: Diagnostic.Severity? = nil) throws -> Pipeline.Outcome {
        try pipeline().buildUnlessUnchanged(writingTo: OutputWriter(output: dir.appendingPathComponent(name), clean: clean), failOn: failOn)
    }

    /// Every file under the folder with its bytes, the build's own dotfiles left out.
    private func tree(_ name: String) throws -> [String: Data] {
        let root = dir.appendingPathComponent(name)
        var out: [String: Data] = [:]
        for case let path as String in try XCTUnwrap(fm.enumerator(atPath: root.path)) where !path.hasPrefix(".permdocs-") {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: root.appendingPathComponent(path))
            }
        }
        return out
    }

    private struct NotBuilt: Error {}

    private func built(_ outcome: Pipeline.Outcome) throws -> Pipeline.Result {
        guard case .built(let result) = outcome else { throw NotBuilt() }
        return result
    }

    private func isUnchanged(_ outcome: Pipeline.Outcome) -> Bool {
        if case .unchanged = outcome { return true }
        return false
    }

    /// Builds into `public` (incrementally) and `clean-N` (clean), compares them, and
    /// checks that the next build of `public` finds it unchanged with the same findings.
    private func assertBuildsLikeACleanBuild(_ what: String, step: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let outcome = try build("public")
        XCTAssertFalse(isUnchanged(outcome), "after \(what), the site is built again", file: file, line: line)
        let cleanName = "clean-\(step)"
        guard case .built(let clean) = try build(cleanName, clean: true) else { return XCTFail("a clean build always builds", file: file, line: line) }
        XCTAssertEqual(try tree("public"), try tree(cleanName), "after \(what), the output differs from a clean build", file: file, line: line)
        guard case .unchanged(let again) = try build("public") else {
            return XCTFail("after \(what), a second build finds nothing changed", file: file, line: line)
        }
        XCTAssertEqual(again.record.findings, clean.site.diagnostics, "after \(what), the recorded findings are a full build's", file: file, line: line)
        XCTAssertEqual(again.record.report.summary, FindingsReport(site: clean.site).summary, file: file, line: line)
        XCTAssertEqual(again.record.pageCount, clean.pageCount, file: file, line: line)
        XCTAssertEqual(again.files, OutputWriter.manifest(in: dir.appendingPathComponent("public")).count, file: file, line: line)
        XCTAssertEqual(again.timings.map(\.step), [.theme, .compare], file: file, line: line)
    }

    func testEveryKindOfEditBuildsAgainAndNoChangeBuildsNothing() throws {
        let dms = "tools/database-migration-service.md"
        XCTAssertTrue(content[dms]!.contains("vendor: Amazon Web Services") && content["site.yml"]!.contains("title: Migration"), "each edit must change something")
        let steps: [(String, () throws -> Void)] = [
            ("a first build", {}),
            ("a paragraph of one guide", { self.content[dms]! += "\nOne more paragraph.\n" }),
            ("front matter", { self.content[dms] = self.content[dms]!.replacingOccurrences(of: "vendor: Amazon Web Services", with: "vendor: AWS") }),
            ("a new page", { self.content["tools/zz-new.md"] = "# New\n\nNothing yet.\n" }),
            ("a deleted page", { self.content["tools/zz-new.md"] = nil }),
            ("a file the loader does not read", { self.content["tools/notes.txt"] = "notes" }),
            ("site.yml", { self.content["site.yml"] = self.content["site.yml"]!.replacingOccurrences(of: "title: Migration", with: "title: Renamed migration") }),
            ("a theme template", { self.theme["templates/footer.mustache"] = Data("<footer>changed {{generator}}</footer>\n".utf8) }),
            ("a theme asset", { self.theme["assets/style.css"]! += Data("\n/* changed */\n".utf8) }),
            ("the catalog version", { self.checker = try TestSupport.checker(withCatalogVersion: "9.9.9") }),
        ]
        for (k, (what, change)) in steps.enumerated() {
            try change()
            try assertBuildsLikeACleanBuild(what, step: k)
        }
    }

    func testAnOutputChangedByHandIsWrittenAgain() throws {
        _ = try build("public")
        let out = dir.appendingPathComponent("public")
        let page = out.appendingPathComponent("index.html")
        let original = try Data(contentsOf: page)
        var sameSize = original
        sameSize[sameSize.count / 2] = sameSize[sameSize.count / 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        let changes: [(String, () throws -> Void)] = [
            ("a page edited to the same size", { try sameSize.write(to: page) }),
            ("a page removed", { try self.fm.removeItem(at: page) }),
            ("a file added", { try Data("extra".utf8).write(to: out.appendingPathComponent("tools/extra.html")) }),
            ("a page replaced by a symbolic link", {
                try self.fm.removeItem(at: page)
                try self.fm.createSymbolicLink(atPath: page.path, withDestinationPath: "matrix.html")
            }),
            ("the manifest removed", { try self.fm.removeItem(at: out.appendingPathComponent(OutputWriter.manifestName)) }),
        ]
        _ = try build("clean", clean: true)
        let expected = try tree("clean")
        for (what, change) in changes {
            XCTAssertTrue(isUnchanged(try build("public")), "before \(what)")
            try change()
            XCTAssertFalse(isUnchanged(try build("public")), "\(what): the site is built again")
            XCTAssertEqual(try tree("public"), expected, "\(what): the output is a clean build's")
        }
    }

    func testADamagedRecordIsReportedOnceAndIgnored() throws {
        _ = try build("clean", clean: true)
        let expected = try tree("clean")
        let recordURL = dir.appendingPathComponent("public").appendingPathComponent(BuildRecord.fileName)
        let damages: [(String, (Data) -> Data, String)] = [
            ("truncated", { $0.prefix($0.count / 2) }, "truncated"),
            ("last line cut", { $0.dropLast(3) }, "truncated"),
            ("garbage", { _ in Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }) }, "not a permdocs build record"),
            ("a finding's message changed", { data in
                Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"message\":\"", with: "\"message\":\"X").utf8)
            }, "damaged"),
            ("another version", { data in
                Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: BuildRecord.header, with: "permdocs-build 1 0.0.1").utf8)
            }, "another permdocs version"),
        ]
        for (what, damage, message) in damages {
            _ = try build("public")
            try damage(try Data(contentsOf: recordURL)).write(to: recordURL)
            let result = try built(try build("public"))
            XCTAssertTrue(result.recordProblem?.contains(message) ?? false, "\(what): \(result.recordProblem ?? "no message")")
            XCTAssertEqual(try tree("public"), expected, "\(what): the output is a clean build's")
            guard case .unchanged = try build("public") else { return XCTFail("\(what): reported once; the next build has a good record") }
        }
    }

    func testAnUnchangedBuildStillRemovesWhatKilledBuildsLeft() throws {
        _ = try build("public")
        // A pid no process has (above the usual pid_max of 2^22 there are none).
        let stale = dir.appendingPathComponent(".public.staging-4194400")
        try fm.createDirectory(at: stale.appendingPathComponent("tools"), withIntermediateDirectories: true)
        guard case .unchanged(let unchanged) = try build("public") else { return XCTFail("nothing changed") }
        XCTAssertEqual(unchanged.removedStale, [stale.path])
        XCTAssertFalse(fm.fileExists(atPath: stale.path))
    }

    func testTheRecordKeepsEveryFieldOfAFinding() throws {
        guard case .built(let first) = try build("public") else { return XCTFail() }
        var d = Diagnostic(id: "x-id", severity: .securityWarning, message: "a \"quoted\"\tmessage\nwith é", location: SourceLocation(file: "tools/a b.md", line: 3, column: 7), fix: "do this")
        d.subject = "s3:GetObject"
        d.block = BlockReference(toolSlug: "t", pageID: "p/q", anchor: "policy-2")
        d.blockKind = .optionalAddOn
        var record = BuildRecord(input: Fingerprint(high: 1, low: 2), site: first.site)
        record.findings = [d, Diagnostic(id: "y", severity: .suggestion, message: "", location: SourceLocation(file: "", line: 0, column: 0))]
        record.silenced = [d]
        let file = record.file
        try fm.createDirectory(at: dir.appendingPathComponent("r"), withIntermediateDirectories: true)
        try file.data.write(to: dir.appendingPathComponent("r").appendingPathComponent(file.path))
        XCTAssertEqual(BuildRecord.load(from: dir.appendingPathComponent("r")).record, record)
    }

    func testARecordWhoseFindingsFailTheGateBuildsAndStopsAtTheGate() throws {
        guard case .built(let first) = try build("public") else { return XCTFail() }
        let worst = try XCTUnwrap(first.site.diagnostics.map(\.severity).max(), "the seed site has findings")
        XCTAssertThrowsError(try build("public", failOn: worst)) { error in
            XCTAssertEqual((error as? Pipeline.GateFailure)?.severity, worst)
        }
        XCTAssertTrue(isUnchanged(try build("public")), "the gate left the site and its record as they were")
    }
}
