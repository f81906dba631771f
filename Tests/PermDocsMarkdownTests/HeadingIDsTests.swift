import XCTest
@testable import PermDocsMarkdown
import PermDocsTestSupport

final class HeadingIDsTests: XCTestCase {
    func testAnchorNamesBecomeIdsAndOthersGetUniqueSlugs() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("aws-anchors.md"))
        let html = TestSupport.guideHTML(page)
        XCTAssertTrue(html.contains("<h1 id=\"required-permissions\">Required permissions<a class=\"heading-anchor\""), html)
        XCTAssertTrue(html.contains("<h2 id=\"iam-permissions-image\">Required permissions for IAM users<a"))
        XCTAssertTrue(html.contains("<h2 id=\"vmimport-role\">"))
        XCTAssertTrue(html.contains("<h2 id=\"notes\">"))
        XCTAssertTrue(html.contains("<h2 id=\"notes-1\">"))
        XCTAssertTrue(html.contains("<h2 id=\"my-id\">"))
        // The Contents links land on those ids.
        XCTAssertTrue(html.contains("href=\"#iam-permissions-image\""))
        XCTAssertTrue(html.contains("href=\"#vmimport-role\""))
        // The anchor tag itself is not left inside the heading.
        XCTAssertFalse(html.contains("<a name="))
        // Escaped punctuation reads as CommonMark says.
        XCTAssertTrue(html.contains("<p>Text.</p>"))
    }

    func testSlug() {
        XCTAssertEqual(HeadingIDs.slug("Required permissions for IAM users"), "required-permissions-for-iam-users")
        XCTAssertEqual(HeadingIDs.slug("  Step 1: (Optional) KMS!  "), "step-1-optional-kms")
        XCTAssertEqual(HeadingIDs.slug("Ünïcode Überschrift"), "ünïcode-überschrift")
        var ids = HeadingIDs()
        XCTAssertEqual([ids.claim("a"), ids.claim("a"), ids.claim("a"), ids.claim("")], ["a", "a-1", "a-2", "section"])
    }
}
