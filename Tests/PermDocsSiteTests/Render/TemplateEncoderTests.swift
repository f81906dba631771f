import Mustache
import XCTest
@testable import PermDocsSite

/// Page models reach the template engine as the fields they declare: an
/// empty optional is an empty field (never the same name from an enclosing
/// context), the page frame's fields are the page's own.
final class TemplateEncoderTests: XCTestCase {
    private struct Item: Encodable {
        var name: String
        var url: String?
        var count: Int
        var flag: Bool
    }

    private struct Page: Encodable {
        var frame: PageFrame
        var items: [Item]
        var note: String?
        var code: DerivedHTML
    }

    static func frame(title: String, root: String) -> PageFrame {
        PageFrame(root: root, title: title, siteTitle: "", siteDescription: "", stylesheet: "", indexURL: "", matrixURL: "",
                  findingsURL: "", overlapURL: "", searchURL: "", searchDataURL: "", filterScript: "", matrixScript: "",
                  searchScript: "", copyScript: "", commonScript: "", favicon: "", generator: "", catalogVersion: "", catalogDate: "", tools: [], canonicalURL: nil)
    }

    private func render(_ template: String, _ page: Page) throws -> String {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: template), named: "t")
        return library.render(TemplateEncoder.tree(page), withTemplate: "t") ?? "(nothing)"
    }

    private let page = Page(
        frame: TemplateEncoderTests.frame(title: "Site", root: "page-url"),
        items: [Item(name: "a", url: "a-url", count: 2, flag: true), Item(name: "b", url: nil, count: 0, flag: false)],
        note: nil, code: DerivedHTML(.highlightedJSON, source: "{\"a\": 1}"))

    func testAnEmptyOptionalIsEmptyAndNotLookedUpInTheEnclosingContext() throws {
        // Item "b" has no url: without the empty field, Mustache would print the page's root.
        XCTAssertEqual(try render("{{#items}}{{name}}=[{{url}}]{{#url}}!{{/url}}{{^url}}none{{/url}};{{/items}}", page),
                       "a=[a-url]!;b=[]none;")
        XCTAssertEqual(try render("{{#items}}{{#name}}{{root}}{{/name}}|{{/items}}", page), "page-url|page-url|",
                       "a name the model does not declare is still found in the enclosing context")
        XCTAssertEqual(try render("{{#note}}yes{{/note}}{{^note}}no{{/note}}[{{note}}]", page), "no[]")
    }

    func testTheFrameFieldsArePageFieldsAndScalarsKeepTheirKind() throws {
        XCTAssertEqual(try render("{{title}} {{root}} {{frame.title}}|{{#items}}{{count}}{{#flag}}+{{/flag}}{{^flag}}-{{/flag}}{{/items}}", page),
                       "Site page-url |2+0-")
    }

    func testDerivedHTMLIsRenderedWhenTheTemplateShowsIt() throws {
        XCTAssertEqual(try render("{{{code}}}", page), DerivedHTML(.highlightedJSON, source: "{\"a\": 1}").renderText)
        let tree = TemplateEncoder.tree(page) as? [String: Any]
        XCTAssertTrue(tree?["code"] is DerivedHTML, "kept as a value the engine renders, so a reused page never highlights")
    }

    func testEveryFieldCountsInTheFingerprint() {
        func fp(_ page: Page) -> Fingerprint? {
            PageRequest(template: "t", page: page).fingerprint(salt: Fingerprint(high: 0, low: 0))
        }
        XCTAssertNotNil(fp(page))
        var other = page
        other.items[1].url = ""
        XCTAssertNotEqual(fp(page), fp(other), "an empty string is not an absent value")
        other = page
        other.frame.title = "Other"
        XCTAssertNotEqual(fp(page), fp(other))
        other = page
        other.code = DerivedHTML(.highlightedJSON, source: "{}")
        XCTAssertNotEqual(fp(page), fp(other))
        XCTAssertEqual(fp(page), fp(page))
    }

    private struct Pair: Encodable { var first: String; var second: String }
    private struct Lists: Encodable { var lists: [[String]] }
    private struct Number: Encodable { var value: Int }
    private struct Text: Encodable { var value: String }
    private struct Flag: Encodable { var value: Bool }
    private struct Maybe: Encodable { var value: String? }

    /// The fingerprint taken while a model is encoded tells apart models
    /// that would feed the same characters without their boundaries and kinds.
    func testTheModelFingerprintKeepsBoundariesKindsAndOrder() {
        func fp<T: Encodable>(_ model: T) -> Fingerprint? {
            PageRequest(template: "t", page: model).fingerprint(salt: Fingerprint(high: 0, low: 0))
        }
        XCTAssertNotEqual(fp(Pair(first: "ab", second: "c")), fp(Pair(first: "a", second: "bc")), "strings carry their length")
        XCTAssertNotEqual(fp(Lists(lists: [["a"], ["b"]])), fp(Lists(lists: [["a", "b"]])), "nested lists are closed")
        XCTAssertNotEqual(fp(Lists(lists: [["a"], ["b"]])), fp(Lists(lists: [["b"], ["a"]])), "lists keep their order")
        XCTAssertNotEqual(fp(Number(value: 1)), fp(Text(value: "1")), "values carry their kind")
        XCTAssertNotEqual(fp(Number(value: 1)), fp(Flag(value: true)))
        XCTAssertNotEqual(fp(Maybe(value: nil)), fp(Maybe(value: "")), "an absent value is not an empty one")
        XCTAssertNotEqual(fp(Pair(first: "a", second: "b")), fp(Pair(first: "b", second: "a")))
        XCTAssertEqual(fp(Pair(first: "a", second: "b")), fp(Pair(first: "a", second: "b")))
        XCTAssertNotEqual(PageRequest(template: "a", page: Flag(value: true)).fingerprint(salt: Fingerprint(high: 0, low: 0)),
                          PageRequest(template: "b", page: Flag(value: true)).fingerprint(salt: Fingerprint(high: 0, low: 0)),
                          "the template counts")
        XCTAssertNotEqual(fp(Flag(value: true)), PageRequest(template: "t", page: Flag(value: true)).fingerprint(salt: Fingerprint(high: 1, low: 0)),
                          "the salt counts")
    }
}
