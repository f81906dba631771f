import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsCore
import PermDocsTestSupport

/// The input fingerprint read and hashed on many threads is the one read on
/// one, and any byte of any guide still changes it.
final class InputFingerprintTests: XCTestCase {
    private func fingerprint(_ files: [String: String], concurrency: Int) throws -> Fingerprint {
        try InputFingerprint.of(content: InMemoryContentReader(files), theme: Theme(reader: TestSupport.defaultTheme),
                                catalog: Pipeline.bundledChecker().catalog, generator: "permdocs test", concurrency: concurrency)
    }

    private var guides: [String: String] {
        var files = ["site.yml": "title: T\n", "tools/a/image.png": "not read"]
        for i in 0..<40 { files["tools/a/p\(i).md"] = "# Page \(i)\n" }
        return files
    }

    func testTheSameWhateverTheThreads() throws {
        let one = try fingerprint(guides, concurrency: 1)
        for threads in [2, 4, 8] {
            XCTAssertEqual(try fingerprint(guides, concurrency: threads), one, "\(threads) threads")
        }
    }

    func testEveryGuideByteAndEveryPathCounts() throws {
        let base = try fingerprint(guides, concurrency: 4)
        for path in ["site.yml", "tools/a/p0.md", "tools/a/p39.md"] {
            var edited = guides
            edited[path]! += " "
            XCTAssertNotEqual(try fingerprint(edited, concurrency: 4), base, path)
        }
        // Bytes moved from one file to the next are a different input.
        var moved = guides
        moved["tools/a/p1.md"] = "# Page 1\n# Page 2\n"
        moved["tools/a/p2.md"] = ""
        XCTAssertNotEqual(try fingerprint(moved, concurrency: 4), base)
        var renamed = guides
        renamed["tools/a/p40.md"] = renamed.removeValue(forKey: "tools/a/p39.md")
        XCTAssertNotEqual(try fingerprint(renamed, concurrency: 4), base)
    }

    func testAFileThatCannotBeReadIsAnError() throws {
        struct Failing: ContentReader {
            func files(under directory: String) throws -> [String] { (0..<10).map { "tools/p\($0).md" } }
            func read(_ path: String) throws -> Data {
                if path == "tools/p7.md" { throw PermDocsError("unreadable", file: path) }
                return Data(path.utf8)
            }
            func fileExists(_ path: String) -> Bool { false }
        }
        XCTAssertThrowsError(try InputFingerprint.of(content: Failing(), theme: Theme(reader: TestSupport.defaultTheme),
                                                     catalog: Pipeline.bundledChecker().catalog, generator: "g", concurrency: 4)) { error in
            XCTAssertEqual((error as? PermDocsError)?.file, "tools/p7.md")
        }
    }
}
