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

    /// The ids as `claim` gave them before it kept a counter per base: try
    /// `base`, then `base-1`, `base-2`, … until one is free. Claims must stay
    /// byte-identical to this, since published links point at them.
    private static func referenceIDs(_ preferred: [String]) -> [String] {
        var used: Set<String> = []
        return preferred.map { p in
            let base = p.isEmpty ? "section" : p
            var candidate = base, n = 1
            while used.contains(candidate) { candidate = "\(base)-\(n)"; n += 1 }
            used.insert(candidate)
            return candidate
        }
    }

    /// Bases that collide with each other's numbered forms (`a-1` is both a
    /// heading's own slug and `a`'s first repeat), in many orders.
    func testClaimGivesTheSameIDsAsTryingEachNumberInTurn() {
        let bases = ["a", "a-1", "a-2", "a-1-1", "a-10", "b", "", "section", "section-1", "a-0", "a-01"]
        var sequences: [[String]] = [
            ["a", "a", "a-1", "a", "a-2", "a-1", "a-1", "", "section", "", "section-1", "a-3", "a"],
            ["a-1", "a-2", "a", "a", "a", "a", "a-1"],
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // a fixed seed: the same sequences every run
        for _ in 0..<300 {
            var sequence: [String] = []
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                sequence.append(bases[Int(state >> 33) % bases.count])
            }
            sequences.append(sequence)
        }
        for sequence in sequences {
            var ids = HeadingIDs()
            XCTAssertEqual(sequence.map { ids.claim($0) }, Self.referenceIDs(sequence), "\(sequence)")
        }
    }

    /// Repeated headings used to cost a look-up per earlier repeat (20,000
    /// `## Same` took 28 s); each claim now resumes from the last number given.
    func testManyRepeatedHeadingsAreLinear() {
        let count = 20_000
        var ids = HeadingIDs()
        let start = Date()
        let claimed = (0..<count).map { _ in ids.claim("same") }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(claimed.first, "same")
        XCTAssertEqual(claimed[1], "same-1")
        XCTAssertEqual(claimed.last, "same-\(count - 1)")
        XCTAssertEqual(Set(claimed).count, count)
        XCTAssertLessThan(elapsed, 5, "\(count) claims of one id took \(elapsed) s")
    }

    /// The same through a whole page: 5,000 `## Same` headings get `same` … `same-4999`.
    func testAPageOfRepeatedHeadingsGetsNumberedIDs() throws {
        let count = 5_000
        let page = try TestSupport.analyze("# Tool\n\n" + String(repeating: "## Same\n\ntext\n\n", count: count))
        let html = TestSupport.guideHTML(page)
        XCTAssertTrue(html.contains("<h2 id=\"same\">"), String(html.prefix(300)))
        XCTAssertTrue(html.contains("<h2 id=\"same-1\">"))
        XCTAssertTrue(html.contains("<h2 id=\"same-\(count - 1)\">"))
        XCTAssertFalse(html.contains("<h2 id=\"same-\(count)\">"))
        XCTAssertEqual(html.components(separatedBy: "<h2 id=").count - 1, count)
    }
}
