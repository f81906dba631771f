import Mustache
import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport
import XCTest
@testable import PermDocsSite

/// `TemplateProgram` renders the theme's templates as swift-mustache renders
/// them, byte for byte: every page of the seed site, random templates over
/// random values (standalone lines, CRLF, indented partials, dotted names,
/// empty values), and a theme with a tag only swift-mustache renders goes
/// to swift-mustache. (The guides corpus is compared in `CorpusTests`.)
final class TemplateProgramTests: XCTestCase {
    func testEveryPageOfTheSeedSiteIsTheSameAsSwiftMustacheRendersIt() throws {
        let site = try TestSupport.build(try TestSupport.seedContentFiles()).site
        let theme = try Theme(reader: TestSupport.defaultTheme)
        XCTAssertNotNil(theme.program, "the default theme is rendered by TemplateProgram")
        let fast = SiteRenderer(theme: theme, site: site).render()
        let reference = SiteRenderer(theme: theme.renderedBySwiftMustache, site: site).render()
        XCTAssertEqual(fast.map(\.path), reference.map(\.path))
        XCTAssertGreaterThan(fast.filter { $0.path.hasSuffix(".html") }.count, 20)
        for (a, b) in zip(fast, reference) where a.data != b.data {
            XCTFail("\(a.path) differs from swift-mustache's:\n\(Self.firstDifference(a.data, b.data))")
        }
    }

    func testRandomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var random = FuzzRandom(seed: 9)
        var compared = 0
        for round in 0..<3_000 {
            var generator = TemplateGenerator(random: random)
            // t may include p and q, p may include q (indentations add up), q none: no partial includes itself.
            let templates = ["t": generator.template(depth: 3, partials: ["p", "q"]), "p": generator.template(depth: 1, partials: ["q"]), "q": generator.template(depth: 1, partials: [])]
            let value = generator.value(depth: 3)
            random = generator.random
            let pragma = Theme.contentTypePragma
            var library = MustacheLibrary()
            do {
                for (name, text) in templates { library.register(try MustacheTemplate(string: pragma + text), named: name) }
            } catch {
                continue  // a template swift-mustache rejects never reaches TemplateProgram
            }
            let program = try XCTUnwrap(TemplateProgram(templates: templates.mapValues { pragma + $0 }), "round \(round): \(templates)")
            let expected = library.render(value.any, withTemplate: "t") ?? "(none)"
            var out: [UInt8] = []
            XCTAssertTrue(program.render("t", value, into: &out))
            let actual = String(decoding: out, as: UTF8.self)
            if actual != expected {
                XCTFail("round \(round): templates \(templates.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(reflecting: $0.value))" }) value \(value.any)\nswift-mustache: \(String(reflecting: expected))\nprogram:        \(String(reflecting: actual))")
                return
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 2_000, "most random templates are valid, so the comparison covers them")
    }

    func testATagOnlySwiftMustacheRendersLeavesTheWholeThemeToIt() throws {
        let pragma = Theme.contentTypePragma
        for template in ["{{uppercased(title)}}", "{{< base}}{{/base}}", "{{$block}}x{{/block}}", "{{=<% %>=}}<% title %>",
                         "{{% CONTENT_TYPE: TEXT }}{{title}}", "{{>*name}}", "{{#reversed(list)}}{{.}}{{/reversed(list)}}"] {
            XCTAssertNil(TemplateProgram(templates: ["t": pragma + template, "base": pragma]), template)
        }
        XCTAssertNotNil(TemplateProgram(templates: ["t": pragma + "{{title}}{{! a comment }}{{> base}}", "base": pragma]))

        // A theme whose layout upper-cases the title: swift-mustache renders it, transform and all.
        let themeFolder = try ThemeFolder(editing: "layout.mustache") { $0.replacingOccurrences(of: "<title>{{title}}</title>", with: "<title>{{uppercased(title)}}</title>") }
        defer { themeFolder.remove() }
        let theme = try Theme(reader: DiskContentReader(root: themeFolder.url))
        XCTAssertNil(theme.program)
        let site = try TestSupport.build(try TestSupport.seedContentFiles()).site
        let index = try XCTUnwrap(SiteRenderer(theme: theme, site: site).render().first { $0.path == "index.html" })
        let title = site.config.title.uppercased()
        XCTAssertFalse(title.isEmpty || title.contains { "&<>\"'".contains($0) }, "a title that reads the same escaped")
        XCTAssertTrue(String(decoding: index.data, as: UTF8.self).contains("<title>\(title)</title>"))
    }

    func testAPartialThatIncludesItselfStopsInsteadOfOverflowingTheStack() throws {
        let pragma = Theme.contentTypePragma
        let program = try XCTUnwrap(TemplateProgram(templates: ["t": pragma + "[{{> loop}}]", "loop": pragma + "x{{> loop}}"]))
        var out: [UInt8] = []
        XCTAssertTrue(program.render("t", .object(TemplateObject()), into: &out))
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "[" + String(repeating: "x", count: TemplateProgram.partialDepthLimit) + "]")
        // A partial that recurses through a section ends where its data ends, at any depth below the limit.
        let tree = try XCTUnwrap(TemplateProgram(templates: ["t": pragma + "{{> node}}", "node": pragma + "({{name}}{{#child}}{{> node}}{{/child}})"]))
        // The leaf declares its empty child, as encoded models do: Mustache would otherwise find its parent's.
        var value = TemplateValue.object(TemplateObject(names: ["name", "child"], values: [.string("leaf"), .null]))
        for i in 0..<10 { value = .object(TemplateObject(names: ["name", "child"], values: [.string("\(i)"), value])) }
        out = []
        XCTAssertTrue(tree.render("t", value, into: &out))
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "(9(8(7(6(5(4(3(2(1(0(leaf)))))))))))")
    }

    private static func firstDifference(_ a: Data, _ b: Data) -> String {
        let x = Array(a), y = Array(b)
        let i = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[max(0, i - 80)..<min(bytes.count, i + 80)], as: UTF8.self) }
        return "at byte \(i):\n\(around(x))\n---\n\(around(y))"
    }
}

/// A copy of the default theme with one template edited, in a temporary folder.
private struct ThemeFolder {
    let url: URL

    init(editing template: String, _ edit: (String) -> String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Themes/default"), to: url)
        let file = url.appendingPathComponent("templates/\(template)")
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

extension FuzzRandom {
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Random templates and values built from the pieces where Mustache's
/// whitespace and lookup rules differ: line ends, indentation, standalone
/// tags, names found in an enclosing value or not at all, empty values.
private struct TemplateGenerator {
    var random: FuzzRandom

    /// Names a variable prints: scalars wherever they are found (a printed
    /// object or list is Swift's description of a dictionary, in no fixed order).
    static let scalarNames = ["x", "y", "num", "flag", "none", "code", "code.source", "code.kind", "o.x", "o.o.y", "list.x", ".x", ".y", "missing"]
    /// Names a section opens: objects, lists, scalars.
    static let sectionNames = ["o", "list", "strings", "x", "y", "num", "flag", "none", "code", "o.o", ".o", "missing"]
    static let texts = ["a", " ", "  ", "\t", "\n", "\r\n", "<b>&'\"", "x y", "{", "}", "é", "\u{2028}", "\r"]

    mutating func template(depth: Int, partials: [String]) -> String {
        var out = ""
        for _ in 0..<random.below(9) {
            switch random.below(10) {
            case 0...2:
                out += random.pick(Self.texts)
            case 3...5:
                let name = random.pick(Self.scalarNames)
                out += random.pick(["{{\(name)}}", "{{ \(name) }}", "{{{\(name)}}}", "{{&\(name)}}", "{{#strings}}{{.}},{{/strings}}"])
            case 6:
                out += random.pick(["{{! note }}", "{{!\nmulti\n}}"])
            case 7:
                // A partial, often on a line of its own and indented.
                let name = random.pick(partials + ["missing"])
                out += random.pick(["", "\n", "  ", "\n  ", "\n\t"]) + random.pick(["{{> \(name)}}", "{{>\(name)}}"]) + random.pick(["", "\n", " \n", "\r\n", "x"])
            default:
                guard depth > 0 else { continue }
                let name = random.pick(Self.sectionNames)
                let open = random.pick(["#", "^"])
                let around = ["", "\n", "  ", "\n  ", " \n"]
                out += random.pick(around) + "{{\(open)\(name)}}" + random.pick(around)
                out += template(depth: depth - 1, partials: partials)
                out += random.pick(around) + "{{/\(name)}}" + random.pick(around)
            }
        }
        return out
    }

    mutating func value(depth: Int) -> TemplateValue {
        let object = TemplateObject()
        for name in ["x", "y", "o", "list", "strings", "flag", "none", "num", "code"] where random.below(4) > 0 {
            object.set(name, field(name, depth: depth))
        }
        return .object(object)
    }

    private mutating func field(_ name: String, depth: Int) -> TemplateValue {
        switch name {
        case "list":
            guard depth > 0 else { return .list([]) }
            return .list((0..<random.below(3)).map { _ in value(depth: depth - 1) })
        case "strings":
            return .list((0..<random.below(3)).map { _ in .string("s<\(random.below(9))>") })
        case "o":
            return depth > 0 && random.below(4) > 0 ? value(depth: depth - 1) : .null
        case "flag": return .bool(random.below(2) == 0)
        case "none": return .null
        case "num": return random.below(2) == 0 ? .int(random.below(3) - 1) : .double(Double(random.below(5)) / 2)
        case "code": return .derived(DerivedHTML(.highlightedJSON, source: random.pick(["{\"a\": 1}", "[]", "<x>"])))
        default:
            guard random.below(5) > 0 else { return .null }
            let text = random.pick(["", "v", "<i>\"q\"&'", "line\nbreak", "ü"])
            // Text kept as UTF-8 (a page's body) is a string to the templates.
            return random.below(3) == 0 ? .utf8(Array(text.utf8)) : .string(text)
        }
    }
}
