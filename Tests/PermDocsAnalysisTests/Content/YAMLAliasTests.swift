import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore

/// YAML aliases in front matter and `site.yml`: a key built from an alias is
/// refused with its position (Yams hashes every mapping key, and a key that
/// aliases 30 doubling anchors, 700 bytes of YAML, is a billion nodes to hash),
/// and so are aliases standing for more than 100,000 values in all; aliases
/// as values below that keep working.
final class YAMLAliasTests: XCTestCase {
    /// `a0: &a0 [x, x]`, `a1: &a1 [*a0, *a0]`, …: anchor `a(n-1)` stands for 2ⁿ scalars.
    static func doublingAnchors(_ count: Int) -> String {
        var yaml = "a0: &a0 [x, x]\n"
        for i in 1..<count { yaml += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1)]\n" }
        return yaml
    }

    private func error(_ body: () throws -> Void) -> PermDocsError? {
        do { try body(); return nil } catch { return error as? PermDocsError }
    }

    // MARK: Refused, with a position

    func testAnAliasKeyInFrontMatterIsAPositionedError() {
        let text = "---\ntitle: T\n" + Self.doublingAnchors(30) + "? *a29\n: v\n---\n# Body\n"
        let start = Date()
        let e = error { _ = try FrontMatter.split(text, file: "tools/t.md") }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        // Line 1 is `---`, line 2 the title, 3…32 the anchors, 33 the key.
        XCTAssertEqual(e?.location, SourceLocation(file: "tools/t.md", line: 33, column: 3), "\(String(describing: e))")
        XCTAssertTrue(e?.description.hasPrefix("tools/t.md:33:3: error: invalid YAML: ") == true, "\(String(describing: e))")
        XCTAssertTrue(e?.message.contains("*a29") == true, "\(String(describing: e))")
    }

    func testAnAliasKeyInSiteConfigIsAPositionedError() {
        let yaml = "title: T\n" + Self.doublingAnchors(30) + "? *a29\n: v\n"
        let e = error { _ = try SiteConfig.parse(yaml, file: "site.yml") }
        XCTAssertEqual(e?.location, SourceLocation(file: "site.yml", line: 32, column: 3), "\(String(describing: e))")
        let reader = InMemoryContentReader(["site.yml": yaml, "tools/a.md": "# A\n"])
        XCTAssertEqual(error { _ = try ContentLoader(reader: reader).load() }?.location, SourceLocation(file: "site.yml", line: 32, column: 3))
    }

    /// Every way YAML writes a key: implicit, explicit, flow mapping, a pair
    /// inside a flow sequence, and an alias nested in a collection key.
    func testEverySpellingOfAnAliasKeyIsRefused() {
        let anchors = Self.doublingAnchors(30)  // lines 1…30
        let cases: [(String, Int, Int)] = [
            ("*a29 : v\n", 31, 1),
            ("*a29: v\n", 31, 1),
            ("k: {*a29 : v}\n", 31, 5),
            ("k: {*a29: v}\n", 31, 5),
            ("k: {x: 1, *a29 :v}\n", 31, 11),
            ("k: [*a29 : v]\n", 31, 5),
            ("k: [*a29:v]\n", 31, 5),
            ("k: {? *a29}\n", 31, 7),
            ("? [x, *a29]\n: v\n", 31, 7),
            ("? {k: *a29}\n: v\n", 31, 7),
            ("?\n  - x\n  - *a29\n: v\n", 33, 5),
            ("k:\n  ? *a29\n  : v\n", 32, 5),
            ("k: [\n  x,\n  *a29 : v]\n", 33, 3),
        ]
        for (tail, line, column) in cases {
            let start = Date()
            let e = error { _ = try SiteConfig.parse(anchors + tail, file: "site.yml") }
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, tail)
            XCTAssertEqual(e?.location, SourceLocation(file: "site.yml", line: line, column: column), "\(tail.debugDescription): \(String(describing: e))")
            XCTAssertTrue(e?.message.contains("alias") == true, "\(tail.debugDescription): \(String(describing: e))")
        }
    }

    /// Even an alias of one scalar: a key is written out, never borrowed.
    func testAScalarAliasKeyIsRefusedToo() {
        let e = error { _ = try FrontMatter.split("---\nname: &n tool\n*n : x\n---\n", file: "t.md") }
        XCTAssertEqual(e?.location, SourceLocation(file: "t.md", line: 3, column: 1), "\(String(describing: e))")
    }

    // MARK: Still read

    func testAliasesAsValuesStillWork() throws {
        let (fm, _) = try FrontMatter.split("---\nvendor: &v Amazon Web Services\npublisher: *v\nversions: &list [\"1\", \"2\"]\nalso: *list\n---\n", file: "t.md")
        XCTAssertEqual(fm["publisher"], "Amazon Web Services")
        XCTAssertEqual(fm["also"], "1, 2")
        let config = try SiteConfig.parse("tool_order: &order [a, b]\ntool_sets:\n  all: *order\n", file: "site.yml")
        XCTAssertEqual(config.toolOrder, ["a", "b"])
        XCTAssertEqual(config.toolSets.map(\.tools), [["a", "b"]])
    }

    /// A billion laughs among the values: refused where the aliases pass
    /// 100,000 values, in a line `a14: &a14 [*a13, *a13]` (the second alias).
    func testDoublingAnchorsAsValuesAreRefusedWhereTheyPassTheLimit() {
        let start = Date()
        let e = error { _ = try FrontMatter.split("---\ntitle: T\n" + Self.doublingAnchors(60) + "lol: *a59\n---\n", file: "t.md") }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(e?.location, SourceLocation(file: "t.md", line: 17, column: 18), "\(String(describing: e))")
        XCTAssertTrue(e?.message.contains("100000") == true, "\(String(describing: e))")
    }

    /// Not only doubling: 1,000 fields each aliasing a 1,000-item list (12 KB)
    /// were a million items to read; the limit counts every alias's values.
    func testManyAliasesOfALongListAreRefused() {
        var yaml = "---\nl: &l [" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]\n"
        for i in 0..<1_000 { yaml += "k\(i): *l\n" }
        let start = Date()
        let e = error { _ = try FrontMatter.split(yaml + "---\n", file: "t.md") }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        // 1,001 values per alias: the 100th alias passes 100,000, on line 3 + 99.
        XCTAssertEqual(e?.location, SourceLocation(file: "t.md", line: 102, column: 6), "\(String(describing: e))")

        var site = "tool_order: &order [" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]\ntool_sets:\n"
        for i in 0..<1_000 { site += "  s\(i): *order\n" }
        XCTAssertEqual(error { _ = try SiteConfig.parse(site, file: "site.yml") }?.location?.line, 2 + 100)
    }

    /// Below the limit, aliases of long lists are read as before.
    func testAliasesBelowTheLimitAreRead() throws {
        let slugs = (0..<500).map { "tool-\($0)" }
        var site = "tool_order: &order [" + slugs.joined(separator: ", ") + "]\ntool_sets:\n"
        for i in 0..<150 { site += "  set \(i): *order\n" }
        let config = try SiteConfig.parse(site, file: "site.yml")
        XCTAssertEqual(config.toolSets.count, 150)
        XCTAssertEqual(config.toolSets.last?.tools, slugs)
    }

    /// Stars that are not aliases: emphasis, wildcards, ARNs, quoted and
    /// block text, comments, a key with a star inside.
    func testStarsThatAreNotAliasesAreText() throws {
        let yaml = """
            ---
            title: "*Quoted* title"
            description: Use *only* this, with s3:*Object and ec2:Describe*
            source_url: arn:aws:iam::*account:role/x
            note: |
              *not an alias*
              *a: b
            a*b: star inside a key
            'k *x': quoted key  # *c: d
            list: [s3:*, "*y", '*z']
            ---
            # Body
            """
        let (fm, _) = try FrontMatter.split(yaml, file: "t.md")
        XCTAssertEqual(fm["title"], "*Quoted* title")
        XCTAssertEqual(fm["description"], "Use *only* this, with s3:*Object and ec2:Describe*")
        XCTAssertEqual(fm["source_url"], "arn:aws:iam::*account:role/x")
        XCTAssertEqual(fm["note"], "*not an alias*\n*a: b\n")
        XCTAssertEqual(fm["a*b"], "star inside a key")
        XCTAssertEqual(fm["k *x"], "quoted key")
        XCTAssertEqual(fm["list"], "s3:*, *y, *z")
    }

    /// The other YAML errors keep their positions and messages.
    func testOtherErrorsAreUnchanged() {
        XCTAssertEqual(error { _ = try SiteConfig.parse("a: *nope\n", file: "site.yml") }?.location?.line, 1)
        let duplicate = error { _ = try SiteConfig.parse("title: &t a\ndescription: *t\ntitle: b\n", file: "site.yml") }
        XCTAssertTrue(duplicate?.message.contains("duplicate keys title") == true, "\(String(describing: duplicate))")
        XCTAssertEqual(duplicate?.location?.line, 1)
    }
}
