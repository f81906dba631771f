import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport

/// Paragraphs are read only when a block needs them as context: a block's
/// context must still hold the paragraphs that say something (not one that
/// is only an image without alt text), the page's first such paragraph, and the next one
/// after the block, across sections.
final class ParagraphContextTests: XCTestCase {
    private let policy = { (action: String) in
        "```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"\(action)\", \"Resource\": \"*\"}]}\n```\n"
    }

    func testContextSkipsParagraphsWithoutTextWhereverTheyStand() throws {
        let markdown = "![](logo.png)\n\nIntro text here.\n\n# Setup\n\nFirst step.\n\n![](s.png)\n\n## Policy\n\nPara A.\n\n![](x.png)\n\nPara B.\n\n"
            + policy("s3:GetObject") + "\n![](y.png)\n\nThen attach it.\n\nPara C.\n\n![](z.png)\n\n" + policy("s3:PutObject")
        let blocks = try TestSupport.analyze(markdown).blocks
        XCTAssertEqual(blocks.count, 2)
        let first = try XCTUnwrap(blocks.first).context
        XCTAssertEqual(first.pageIntro, "Intro text here.")
        XCTAssertEqual(first.headings, ["Setup", "Policy"])
        XCTAssertEqual(first.outerParagraphs, ["Intro text here.", "First step."])
        XCTAssertEqual(first.before, ["Para A.", "Para B."])
        XCTAssertEqual(first.after, "Then attach it.")
        XCTAssertEqual(blocks[0].leadIn, "Para B.")
        let second = blocks[1].context
        XCTAssertEqual(second.pageIntro, "Intro text here.")
        XCTAssertEqual(second.before, ["Para A.", "Para B.", "Then attach it.", "Para C."])
        XCTAssertNil(second.after)
        XCTAssertEqual(blocks[1].leadIn ?? "", "", "the image's paragraph, just before, is the lead-in and says nothing")
    }

    func testAPageWhoseParagraphsSayNothingHasNoIntro() throws {
        let blocks = try TestSupport.analyze("![](a.png)\n\n# Only a heading\n\n![](b.png)\n\n" + policy("s3:GetObject")).blocks
        XCTAssertEqual(blocks.count, 1)
        XCTAssertNil(blocks[0].context.pageIntro)
        XCTAssertEqual(blocks[0].context.before, [])
    }
}
