import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// The one pipeline: its steps in order, what it reports, the clock it is
/// given, and the gate that leaves the output folder alone.
final class PipelineTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// A clock that moves one second each time it is read.
    private final class TickingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var t = 0.0
        func next() -> Double { lock.lock(); defer { lock.unlock() }; t += 1; return t }
    }

    private let guide = "# A\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}\n```\n"

    func testStepsRunInOrderAndAreTimedByTheGivenClock() throws {
        var pipeline = try TestSupport.pipeline(InMemoryContentReader(["tools/a.md": guide]))
        let ticks = TickingClock()
        pipeline.clock = Pipeline.Clock { ticks.next() }
        var events: [String] = []
        pipeline.progress = { event in
            switch event {
            case .started(let step, _): events.append("start \(step.rawValue)")
            case .finished(let step, let seconds): events.append("end \(step.rawValue) \(seconds)")
            }
        }
        let result = try pipeline.build(writingTo: OutputWriter(output: dir.appendingPathComponent("out")))
        XCTAssertEqual(events, ["start theme", "end theme 1.0", "start analyze", "end analyze 1.0",
                                "start render", "end render 1.0", "start write", "end write 1.0"])
        XCTAssertEqual(result.timings.map(\.step), [.theme, .analyze, .render, .write])
        XCTAssertEqual(result.written?.written, result.files.count)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/tools/a/index.html").path))
    }

    func testTheGateStopsBeforeWritingAndLeavesThePreviousSite() throws {
        let out = dir.appendingPathComponent("out")
        let pipeline = try TestSupport.pipeline(InMemoryContentReader(["tools/a.md": guide]))
        try pipeline.build(writingTo: OutputWriter(output: out))
        let index = out.appendingPathComponent("index.html")
        let before = try Data(contentsOf: index)

        // `s3:*` on `*` is a security warning: the gate at `security` stops, at `error` it passes.
        let edited = try TestSupport.pipeline(InMemoryContentReader(["tools/a.md": guide.replacingOccurrences(of: "# A", with: "# B")]))
        XCTAssertThrowsError(try edited.build(writingTo: OutputWriter(output: out), failOn: .securityWarning)) { error in
            let failure = error as? Pipeline.GateFailure
            XCTAssertEqual(failure?.severity, .securityWarning)
            XCTAssertEqual(failure?.result.timings.map(\.step), [.theme, .analyze, .render, .gate])
        }
        XCTAssertEqual(try Data(contentsOf: index), before, "the previous site is left as it was")
        XCTAssertNotNil(try edited.build(writingTo: OutputWriter(output: out), failOn: .error).written)
        XCTAssertNotEqual(try Data(contentsOf: index), before)
    }

    func testATemplateErrorStopsBeforeTheContentIsRead() throws {
        var steps: [Pipeline.Step] = []
        var pipeline = try TestSupport.pipeline(InMemoryContentReader(["tools/a.md": guide]),
                                                theme: InMemoryContentReader(["templates/layout.mustache": "{{#open}}"]))
        pipeline.progress = { if case .started(let step, _) = $0 { steps.append(step) } }
        XCTAssertThrowsError(try pipeline.render())
        XCTAssertEqual(steps, [.theme])
    }

    func testCheckNeedsNoTheme() throws {
        let site = try TestSupport.pipeline(InMemoryContentReader(["tools/a.md": guide]), theme: nil).analyze()
        XCTAssertEqual(site.diagnostics.map(\.id), ["service-wildcard"])
        XCTAssertEqual(site.catalogVersion, site.catalog?.source)
    }
}
