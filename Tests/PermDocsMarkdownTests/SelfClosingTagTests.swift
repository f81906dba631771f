import Foundation
import XCTest
@testable import PermDocsMarkdown

/// `GuideRenderer.closesItself` reads an ASCII tag on its bytes; it must agree
/// with trimming white space and new lines and looking for `/>`.
final class SelfClosingTagTests: XCTestCase {
    func testATagClosesItselfWhenItEndsInSlashAngleWhiteSpaceAside() {
        XCTAssertTrue(GuideRenderer.closesItself(#"<a name="x"/>"#))
        XCTAssertTrue(GuideRenderer.closesItself("<a name=\"x\" />\r\n\t\u{0B}\u{0C} "))
        XCTAssertFalse(GuideRenderer.closesItself(#"<a name="x">"#))
        XCTAssertFalse(GuideRenderer.closesItself("/ >"))
        XCTAssertFalse(GuideRenderer.closesItself(""))
        XCTAssertTrue(GuideRenderer.closesItself("<a name=\"é\"/>\u{A0}\u{2028}"), "Unicode spaces and line separators trim too")
        XCTAssertFalse(GuideRenderer.closesItself("<a name=\"x\"/>\u{301}"), "a mark after > makes another Character")
        for tail in ["", " ", "\n", "\r\n", "\u{85}", "\u{A0}", "x", "\u{301}", "\u{0}", "\u{7F}"] {
            for tag in ["<a/>", "<a />", "<a>", "/>", ">", "<é/>", "<a/\u{301}>"] {
                let text = tag + tail
                XCTAssertEqual(GuideRenderer.closesItself(text), text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("/>"), text.debugDescription)
            }
        }
    }
}
