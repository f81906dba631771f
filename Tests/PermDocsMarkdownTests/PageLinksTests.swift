import XCTest
import PermDocsMarkdown
import PermDocsCore
import PermDocsTestSupport

/// `PageLinks` reads an all-ASCII link on its bytes and any other on
/// Characters; both must give what the Character-level rule always gave.
final class PageLinksTests: XCTestCase {
    let pages: Set<String> = ["index", "setup", "sub/setup", "x/y/setup", "README", "e\u{301}", "é"]

    func testRewritesLinksToPagesOfTheToolFromAnyDepth() {
        XCTAssertEqual(PageLinks.resolve("setup.md#roles", from: "sub/page", pages: pages), "../sub/setup.html#roles")
        XCTAssertEqual(PageLinks.resolve("setup.md", from: "x/y/z", pages: pages), "../../x/y/setup.html")
        XCTAssertEqual(PageLinks.resolve("setup.md#a#b", from: "index", pages: pages), "setup.html#a#b", "the fragment is all after the first #")
        XCTAssertEqual(PageLinks.resolve("setup.md#", from: "index", pages: pages), "setup.html#")
        XCTAssertNil(PageLinks.resolve("setup.md?x#y", from: "index", pages: pages), "a query is part of the file name")
        XCTAssertNil(PageLinks.resolve("https://x/setup.md", from: "index", pages: pages))
        XCTAssertNil(PageLinks.resolve("/setup.md", from: "index", pages: pages))
        XCTAssertNil(PageLinks.resolve("setup.md\u{301}", from: "index", pages: pages), "a combining mark changes the last Character")
        XCTAssertEqual(PageLinks.resolve("é.md#ü", from: "index", pages: pages), "é.html#ü")
    }

    func testAgreesWithTheCharacterLevelRuleOnTrickyURLs() {
        for from in ["index", "sub/page", "x/y/z", "a//b"] {
            for url in TrickyURLs.sample(count: 5_000) {
                XCTAssertEqual(PageLinks.targetPage(url, from: from, pages: pages, introAlias: "README"),
                               Self.referenceTarget(url, from: from, pages: pages, introAlias: "README"), url.debugDescription)
                XCTAssertEqual(PageLinks.resolve(url, from: from, pages: pages), Self.referenceResolve(url, from: from, pages: pages), url.debugDescription)
            }
        }
    }

    /// The rules as they stood before they were read on bytes.
    static func referenceResolve(_ url: String, from pageID: String, pages: Set<String>) -> String? {
        guard let target = referenceTarget(url, from: pageID, pages: pages, introAlias: nil) else { return nil }
        let fragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
        let depth = pageID.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + target + ".html" + (fragment.map { "#" + $0 } ?? "")
    }

    static func referenceTarget(_ url: String, from pageID: String, pages: Set<String>, introAlias: String?) -> String? {
        guard url.containsBytes(".md") else { return nil }
        guard !url.contains(":"), !url.hasPrefix("/") else { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let file = parts.first, file.hasSuffix(".md") else { return nil }
        let dir = pageID.split(separator: "/").dropLast().joined(separator: "/")
        let target = (dir.isEmpty ? "" : dir + "/") + file.dropLast(3)
        if pages.contains(target) { return target }
        if let introAlias, target == introAlias, pages.contains("index") { return "index" }
        return nil
    }
}
