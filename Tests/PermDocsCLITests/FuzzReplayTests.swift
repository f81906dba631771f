import Foundation
import XCTest

/// `permdocs-fuzz FILE…` as a plain `swift build` makes it: the replay of
/// inputs libFuzzer saved, through the target `PERMDOCS_FUZZ_TARGET` names.
final class FuzzReplayTests: XCTestCase {
    private var folder: URL!

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// The replay tool built beside `permdocs`; skips when it is not there.
    private func replayTool() throws -> URL {
        let permdocs = try PermDocsProcess.built().executable
        let tool = permdocs.deletingLastPathComponent().appendingPathComponent("permdocs-fuzz")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            print("note: skipping: no permdocs-fuzz beside \(permdocs.path) (swift build --build-tests builds it)")
            throw XCTSkip("no permdocs-fuzz executable")
        }
        return tool
    }

    func testEachTargetReplaysSavedInputsAndBadArgumentsExitTwo() throws {
        let tool = try replayTool()
        folder = try PermDocsProcess.temporaryFolder("fuzz-replay")
        let inputs: [(target: String, name: String, text: String)] = [
            ("policy", "crash-policy", #"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#),
            ("front-matter", "crash-front-matter", "---\ntool: A\nvendor: [unclosed\n---\n# A\n"),
            ("analysis", "timeout-analysis", "# Tool\n\n```json\n{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}\n```\n<script>alert(1)</script>\n"),
        ]
        for input in inputs {
            let file = folder.appendingPathComponent(input.name)
            try Data(input.text.utf8).write(to: file)
            let run = try PermDocsProcess.run(tool, [file.path], in: folder, environment: ["PERMDOCS_FUZZ_TARGET": input.target])
            XCTAssertEqual(run.status, 0, "\(input.target): \(run.stderr)")
            XCTAssertEqual(run.stdout, "\(file.path): ran \(input.text.utf8.count) bytes through \(input.target)\n")
        }

        let missing = try PermDocsProcess.run(tool, [folder.appendingPathComponent("nothing").path], in: folder)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nothing: cannot be read"), missing.stderr)
        let unknown = try PermDocsProcess.run(tool, [folder.appendingPathComponent("crash-policy").path], in: folder,
                                              environment: ["PERMDOCS_FUZZ_TARGET": "html"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("PERMDOCS_FUZZ_TARGET must be one of: policy, front-matter, analysis"), unknown.stderr)
        let usage = try PermDocsProcess.run(tool, [], in: folder)
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("usage: PERMDOCS_FUZZ_TARGET=policy|front-matter|analysis permdocs-fuzz FILE"), usage.stderr)
    }
}
