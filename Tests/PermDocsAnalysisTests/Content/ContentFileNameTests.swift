import XCTest
@testable import PermDocsAnalysis
import PermDocsCore

/// Names under tools/ that used to merge, collide or fail only in `build`:
/// each is now an error naming the file, in `check` and `build` alike (both load content here).
final class ContentFileNameTests: XCTestCase {
    private func loadError(_ files: [String: String]) -> PermDocsError? {
        do {
            let (_, tools) = try ContentLoader(reader: InMemoryContentReader(files)).load()
            XCTFail("loaded \(tools.map(\.slug)), expected an error")
            return nil
        } catch {
            return error as? PermDocsError
        }
    }

    func testFileBesideFolderOfTheSameNameIsAnError() {
        let error = loadError(["tools/dup.md": "# File\n", "tools/dup/index.md": "# Folder\n"])
        XCTAssertEqual(error?.file, "tools/dup.md")
        XCTAssertTrue(error?.message.contains("tools/dup/") == true, "\(String(describing: error))")
    }

    func testToolSlugsDifferingOnlyInCaseAreAnError() {
        let error = loadError(["tools/Foo.md": "# A\n", "tools/foo.md": "# B\n"])
        XCTAssertEqual(error?.file, "tools/foo.md")
        XCTAssertTrue(error?.message.contains("'Foo'") == true, "\(String(describing: error))")
        XCTAssertEqual(loadError(["tools/Bar.md": "# A\n", "tools/bar/index.md": "# B\n"])?.file, "tools/bar/index.md")
    }

    func testPagesDifferingOnlyInCaseAreAnError() {
        XCTAssertEqual(loadError(["tools/t/index.md": "# T\n", "tools/t/Setup.md": "# A\n", "tools/t/setup.md": "# B\n"])?.file, "tools/t/setup.md")
    }

    func testNameLongerThanTheLimitIsAnError() throws {
        let limit = ContentFileNames.maximumNameBytes
        let fits = String(repeating: "a", count: limit - 3) + ".md"
        XCTAssertNoThrow(try ContentLoader(reader: InMemoryContentReader(["tools/\(fits)": "# A\n"])).load())
        let long = "tools/" + String(repeating: "b", count: 249) + ".md"  // 252 bytes passed check, failed build
        let error = loadError([long: "# B\n"])
        XCTAssertEqual(error?.file, long)
        XCTAssertTrue(error?.message.contains("252 bytes") == true, "\(String(describing: error))")
        let folder = "tools/t/" + String(repeating: "é", count: 101) + "/page.md"
        XCTAssertEqual(loadError(["tools/t/index.md": "# T\n", folder: "# P\n"])?.file, folder)
    }

    func testNamesMadeOnlyOfDotsAreAnError() {
        for path in ["tools/...md", "tools/.md", "tools/t/...md", "tools/t/../index.md"] {
            XCTAssertEqual(loadError([path: "# Dots\n"])?.file, path, path)
        }
    }

    /// Paths are cut into names on bytes when ASCII: the names must be those of
    /// `split(separator: "/")`, empty ones kept or not, and a slash a combining
    /// mark joins is no cut.
    func testComponentsAreTheNamesSplitGives() {
        for path in ["tools/a.md", "tools//a/b.md", "/tools/a/", "", "/", "tools/x/\u{301}a.md", "tools/é/ü.md", "a/..md", "tools/a/b/c/d.md"] {
            for omitting in [true, false] {
                XCTAssertEqual(ContentFileNames.components(of: path, omittingEmpty: omitting), path.split(separator: "/", omittingEmptySubsequences: omitting),
                               "\(path.debugDescription) omitting: \(omitting)")
            }
        }
    }
}
