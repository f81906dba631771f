import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown

/// Reading a page's front matter and first H1 skips work (no front matter:
/// no line split; front matter: no rejoining of the body; the H1 found
/// line by line): on tricky texts the results must be what the full readings,
/// kept here as they were, gave.
final class PageReadingAgreementTests: XCTestCase {
    /// The body as the full reading made it: every line joined again, the front matter's emptied.
    private func fullBody(_ text: String) -> String {
        let lines = SourceLines(text).lines
        guard lines[0].text == "---", let close = (1..<max(1, lines.count)).first(where: { lines[$0].text == "---" || lines[$0].text == "..." }) else { return text }
        return SourceLines.join(lines.enumerated().map { i, line in (text: i <= close ? "" : String(line.text), ending: line.ending) })
    }

    /// The first H1 as the full reading found it: the body split into every line first.
    private func fullFirstH1(_ body: String) -> String? {
        var inFence = false
        for bytes in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let t = Substring(bytes.drop { $0 == UInt8(ascii: " ") })
            if t.hasPrefix("```") || t.hasPrefix("~~~") { inFence.toggle(); continue }
            if !inFence, t.hasPrefix("# ") { return CommonMarkText.plainHeadingText(String(t.dropFirst(2))) }
        }
        return nil
    }

    private let texts = [
        "", "\n", "# Title\n", "---", "---\n", "--\n# A\n", " ---\ntitle: x\n---\n", "---\u{301}\ntitle: x\n---\n# Body\n",
        "---\ntitle: T\n---\n# Body\n\ntext", "---\r\ntitle: T\r\n---\r\n# Body\r\n", "---\rtitle: T\r---\r# Body\r",
        "---\r\rtitle: T\n\r\n---\r\n\r\n# Body", "---\ntitle: T\n...\n# After dots\n", "---\ntitle: T\n---", "---\ntitle: T\n---\n",
        "---\n---\n\n---\n# H\n", "---\ntitle: é\n---\n\u{301}# H\n",
        // A lone "\r" in the front matter, then empty "\n" lines after it (found by AnalysisFuzzTests).
        "---\na: b\r---\n\nbody\n", "---\na\r---\n\n\n\nx", "---\r---\n\n", "---\na: 1\r\r---\n\n# H\n",
    ]

    func testFrontMatterBodyIsTheFullReadingsBody() throws {
        for text in texts {
            let split: (FrontMatter, body: String)
            do { split = try FrontMatter.split(text, file: "p.md") } catch {
                XCTAssertTrue(text.hasPrefix("---"), "only front matter can fail: \(text.debugDescription)")
                continue
            }
            XCTAssertEqual(Array(split.body.utf8), Array(fullBody(text).utf8), text.debugDescription)
            XCTAssertEqual(SourceLines(split.body).lines.count, SourceLines(text).lines.count, "line numbers kept: \(text.debugDescription)")
        }
        XCTAssertEqual(try FrontMatter.split("---\ntitle: T\n---\n# Body\n", file: "p.md").0["title"], "T")
        XCTAssertEqual(try FrontMatter.split("# No front matter\n---\n", file: "p.md").0, .empty)
    }

    func testFirstH1IsTheFullReadingsFirstH1() {
        let bodies = texts + [
            "```\n# Not a title\n```\n# Title\n", "   # Indented  \n", "#Title\n# Real\n", "#\u{301} combined\n# Real\n",
            "~~~\n# in\n~~~\n  ```x\n# in\n```\n# out", "``\u{301}`\n# Title after a fence that is not one\n", "text\n# **Bold** `code`", "# ",
            "\n\n\n", "intro\r\n# With CR\r\n",
        ]
        for body in bodies { XCTAssertEqual(PageSource.firstH1(of: body), fullFirstH1(body), body.debugDescription) }
        XCTAssertEqual(PageSource.firstH1(of: "```\n# Not\n```\n# Title\n"), "Title")
    }
}
