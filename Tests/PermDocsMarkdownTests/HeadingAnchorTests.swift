import XCTest
@testable import PermDocsMarkdown

/// `<a name>` / `<a id>` anchors in headings, as AWS guides write them.
final class HeadingAnchorTests: XCTestCase {
    func testReadsNameOrIdInAnyQuotingAndCase() {
        XCTAssertEqual(HeadingIDs.anchorName(inTag: #"<a name="iam-permissions-image"></a>"#), "iam-permissions-image")
        XCTAssertEqual(HeadingIDs.anchorName(inTag: "<A NAME='vmimport-role'>"), "vmimport-role")
        XCTAssertEqual(HeadingIDs.anchorName(inTag: "<a id=plain>"), "plain")
        XCTAssertEqual(HeadingIDs.anchorName(inTag: ##"<a class="x" href="#y" name = " spaced ">"##), "spaced")
        XCTAssertEqual(HeadingIDs.anchorName(inTag: #"<a data-name="no" id="yes">"#), "yes")
    }

    func testIgnoresOtherTagsAndBrokenOnes() {
        XCTAssertNil(HeadingIDs.anchorName(inTag: #"<abbr name="x">"#))
        XCTAssertNil(HeadingIDs.anchorName(inTag: ##"<a href="#x">"##))
        XCTAssertNil(HeadingIDs.anchorName(inTag: #"<a name="unclosed>"#))
        XCTAssertNil(HeadingIDs.anchorName(inTag: #"<a name="">"#))
        XCTAssertNil(HeadingIDs.anchorName(inTag: "</a>"))
    }
}
