import Foundation
import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown
import PermDocsTestSupport

/// `LinkCheck.problem` reads an all-ASCII link on its bytes (trimming, the
/// scheme, `#` and `?`, percent-decoding only where a `%` is); every link
/// must get the finding the Character- and Foundation-level reading gave.
final class LinkCheckBytesTests: XCTestCase {
    let pages: Set<String> = ["index", "setup", "sub/setup", "README", "é"]
    let ids: [String: Set<String>] = ["index": ["top", "A", "é", "a b"], "setup": ["roles", "%", "a%zz"], "sub/setup": ["roles"], "é": ["ü"]]

    func testPercentEscapesAndSpacesAroundTheLinkAreReadAsBefore() {
        func message(_ url: String) -> String? {
            LinkCheck.problem(url, from: "index", pages: pages, introAlias: "README") { self.ids[$0] ?? [] }?.message
        }
        XCTAssertNil(message("  #top\t"), "spaces and tabs around a link are not part of it")
        XCTAssertNil(message("#%41"), "%41 is A")
        XCTAssertNil(message("#%C3%A9"), "an escaped é")
        XCTAssertNil(message("#a%20b"))
        XCTAssertNil(message("setup.md#a%zz"), "a bad escape is kept as written")
        XCTAssertEqual(message("#%42"), "leads to no heading or anchor '#B' of this page")
        XCTAssertNil(message("javascript:x"), "a scheme is not checked")
        XCTAssertEqual(message("\u{A0}#nothing"), "leads to no heading or anchor '#nothing' of this page", "a no-break space is trimmed too")
    }

    func testAgreesWithTheCharacterLevelReadingOnTrickyURLs() {
        for from in ["index", "sub/page"] {
            for url in TrickyURLs.sample(count: 10_000) + TrickyURLs.sample(count: 200).map({ " \($0)\t" }) {
                let lookup: (String) -> Set<String> = { self.ids[$0] ?? [] }
                let found = LinkCheck.problem(url, from: from, pages: pages, introAlias: "README", ids: lookup)
                let expected = Self.reference(url, from: from, pages: pages, introAlias: "README", ids: lookup)
                XCTAssertEqual(found?.message, expected?.message, url.debugDescription)
                XCTAssertEqual(found?.fix, expected?.fix, url.debugDescription)
            }
        }
    }

    /// The check as it stood before it was read on bytes.
    static func reference(_ url: String, from pageID: String, pages: Set<String>, introAlias: String?, ids: (String) -> Set<String>) -> LinkCheck.Problem? {
        func hasScheme(_ url: String) -> Bool {
            guard let first = url.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
            for c in url.unicodeScalars {
                if c == ":" { return true }
                if c == "/" || c == "?" || c == "#" { return false }
                guard c.isASCII, CharacterSet.alphanumerics.contains(c) || c == "+" || c == "-" || c == "." else { return false }
            }
            return false
        }
        let url = url.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, !hasScheme(url), !url.hasPrefix("/") else { return nil }
        let hash = url.firstIndex(of: "#")
        let beforeHash = hash.map { String(url[..<$0]) } ?? url
        let fragment = hash.map { String(url[url.index(after: $0)...]) } ?? ""
        let path = beforeHash.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let decodedFragment = fragment.removingPercentEncoding ?? fragment
        if path.isEmpty {
            guard !decodedFragment.isEmpty, !ids(pageID).contains(decodedFragment) else { return nil }
            return LinkCheck.Problem(message: "leads to no heading or anchor '#\(decodedFragment)' of this page",
                                     fix: "link to a heading id of the page (they are shown by the # beside each heading)")
        }
        guard path.hasSuffix(".md") else {
            return LinkCheck.Problem(message: "leads to '\(path)', which the site does not publish (only the guides' pages are)",
                                     fix: "link to a page of the guide, or to the file's published address (an https:// URL)")
        }
        guard let target = PageLinks.targetPage(url, from: pageID, pages: pages, introAlias: introAlias) else {
            return LinkCheck.Problem(message: "leads to '\(path)', which is not a page of this tool",
                                     fix: "link to a .md file of the same tool, by its path from this page")
        }
        guard !decodedFragment.isEmpty else { return nil }
        guard !ids(target).contains(decodedFragment) else { return nil }
        return LinkCheck.Problem(message: "leads to no heading or anchor '#\(decodedFragment)' of '\(path)'",
                                 fix: "link to a heading id of '\(path)' (shown by the # beside each heading)")
    }
}
