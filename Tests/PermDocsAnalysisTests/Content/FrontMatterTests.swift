import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore

final class FrontMatterTests: XCTestCase {
    func testSplitsFieldsAndKeepsLineNumbers() throws {
        let text = "---\ntitle: Hello\nrelated: [\n  \"a\",\n  \"b\"\n]\n---\n# Body\n"
        let (fm, body) = try FrontMatter.split(text, file: "x.md")
        XCTAssertEqual(fm["title"], "Hello")
        XCTAssertEqual(fm["related"], "a, b")
        XCTAssertEqual(fm.lineCount, 7)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[7], "# Body", "the body keeps its line number")
    }

    func testNoFrontMatter() throws {
        let (fm, body) = try FrontMatter.split("# Title\n---\n", file: "x.md")
        XCTAssertEqual(fm, .empty)
        XCTAssertEqual(body, "# Title\n---\n")
    }

    func testBrokenFrontMatterNamesFileAndLine() throws {
        let text = try TestSupport.fixture("broken-front-matter.md")
        XCTAssertThrowsError(try FrontMatter.split(text, file: "tools/broken.md")) { error in
            let e = error as? PermDocsError
            XCTAssertEqual(e?.location?.file, "tools/broken.md")
            XCTAssertEqual(e?.location?.line, 3, "\(String(describing: e))")
            XCTAssertTrue(e?.description.hasPrefix("tools/broken.md:3:") ?? false, "\(String(describing: e))")
        }
    }

    func testUnclosedFrontMatter() {
        XCTAssertThrowsError(try FrontMatter.split("---\ntitle: x\n# no end\n", file: "a.md")) { error in
            XCTAssertEqual((error as? PermDocsError)?.location?.line, 1)
        }
    }

    func testFrontMatterThatIsNotAMapping() {
        XCTAssertThrowsError(try FrontMatter.split("---\n- a\n- b\n---\n", file: "a.md")) { error in
            XCTAssertEqual((error as? PermDocsError)?.location?.line, 2)
        }
    }

    /// short_name is permdocs' own key: a list or a multi-line value is an error at the value.
    func testShortNameMustBeOneLineAtItsPosition() throws {
        XCTAssertEqual(try FrontMatter.split("---\nshort_name: DMS\n---\n", file: "a.md").0["short_name"], "DMS")
        for (yaml, line, column, words) in [("title: t\nshort_name: [a, b]\n", 3, 13, "single value"),
                                             ("short_name: |\n  two\n  lines\n", 2, 13, "one line"),
                                             ("short_name: \"\"\n", 2, 13, "empty")] {
            XCTAssertThrowsError(try FrontMatter.split("---\n" + yaml + "---\n", file: "a.md"), yaml) { error in
                let e = error as? PermDocsError
                XCTAssertEqual(e?.location?.line, line, yaml)
                XCTAssertEqual(e?.location?.column, column, yaml)
                XCTAssertTrue(e?.message.contains(words) ?? false, "\(String(describing: e))")
            }
        }
    }
}
