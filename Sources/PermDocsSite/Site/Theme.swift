import Foundation
import Mustache
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

/// A theme: Mustache templates and static assets in a folder a user can edit
/// without recompiling. `templates/NAME.mustache` are pages and partials
/// (`{{> header}}`); everything under `assets/` is copied to the site as is.
public struct Theme {
    /// The templates as swift-mustache parsed them (it reports their errors, and renders a theme `program` cannot).
    public let library: MustacheLibrary
    /// The same templates, rendered from typed values (`TemplateProgram`);
    /// nil when a template uses a tag only swift-mustache renders.
    let program: TemplateProgram?
    /// Asset path under the theme's `assets/` → bytes.
    public var assets: [(path: String, data: Data)]
    /// Every template's text and every asset's bytes, by path: a page rendered
    /// with another theme is rendered again, never reused.
    public let fingerprint: Fingerprint

    /// Templates every theme must have.
    public static let requiredTemplates = ["layout", "index", "tool", "page", "figure", "matrix", "findings", "overlap", "service", "set", "search"]

    /// Put before every template (on its first line, so line numbers stay as
    /// written): `{{name}}` then escapes with `HTMLEscaping.text`, the same five
    /// characters as swift-mustache's own HTML escaping, but on UTF-8 bytes.
    /// Mustache's escaping looked each Character up in a dictionary, and was a
    /// tenth of the build of a 7,825-page site.
    static let contentTypePragma: String = {
        MustacheContentTypes.register(EscapedHTML(), named: "PERMDOCS_HTML")
        return "{{% CONTENT_TYPE: PERMDOCS_HTML }}"
    }()

    private struct EscapedHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.text(text) }
    }

    public init(reader: any ContentReader) throws {
        try self.init(reader: reader, reusing: nil)
    }

    /// The theme in `reader`; `previous` itself when its templates and assets
    /// are the same (its fingerprint): `serve` parses the templates again only
    /// after the theme changed, not on every rebuild.
    public init(reader: any ContentReader, reusing previous: Theme?) throws {
        var hasher = FingerprintHasher()
        var templates: [(path: String, text: String)] = []
        for path in try reader.files(under: "templates").sorted() where path.hasSuffix(".mustache") {
            let text = try reader.readText(path)
            hasher.combine(path)
            hasher.combine(text)
            templates.append((path, text))
        }
        let assets = try reader.files(under: "assets").map { path in
            (path: String(path.dropFirst("assets/".count)), data: try reader.read(path))
        }
        for asset in assets.sorted(by: { $0.path < $1.path }) {
            hasher.combine(asset.path)
            asset.data.withUnsafeBytes { hasher.combine($0) }
        }
        if let previous, previous.fingerprint == hasher.fingerprint {
            self = previous
            return
        }
        var library = MustacheLibrary()
        let pragma = Self.contentTypePragma
        var texts: [String: String] = [:]
        for (path, text) in templates {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            texts[name] = pragma + text
            do {
                library.register(try MustacheTemplate(string: pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
                throw PermDocsError("template error: \(error.error)", at: SourceLocation(file: path, line: line, column: column))
            }
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw PermDocsError("the theme has no templates/\(name).mustache", file: "templates/\(name).mustache")
        }
        self.library = library
        program = TemplateProgram(templates: texts)
        self.assets = assets
        fingerprint = hasher.fingerprint
    }

    /// The same theme rendered by swift-mustache alone, as a theme whose
    /// templates use tags only swift-mustache renders is (for the tests and
    /// the benchmark that compare the two engines).
    public var renderedBySwiftMustache: Theme {
        Theme(library: library, program: nil, assets: assets, fingerprint: fingerprint)
    }

    private init(library: MustacheLibrary, program: TemplateProgram?, assets: [(path: String, data: Data)], fingerprint: Fingerprint) {
        self.library = library
        self.program = program
        self.assets = assets
        self.fingerprint = fingerprint
    }

    /// Whether the theme has `templates/NAME.mustache` (optional pages such as `404`).
    public func hasTemplate(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders a page as bytes: its template with its model, then the layout around it.
    func pageData(_ request: PageRequest) -> Data {
        guard let program, request.rawContext == nil, case .object(let model) = request.model else {
            var context = request.context
            context["body"] = library.render(context, withTemplate: request.template) ?? ""
            return Data((library.render(context, withTemplate: "layout") ?? "").utf8)
        }
        var body: [UInt8] = []
        body.reserveCapacity(16_384)
        _ = program.render(request.template, .object(model), into: &body)
        var html: [UInt8] = []
        html.reserveCapacity(body.count + 4_096)
        _ = program.render("layout", .object(model.setting("body", .utf8(body))), into: &html)
        return Data(html)
    }

    /// A page's guide with its policy figures, drawn by the `guide` partial
    /// as the `tool` and `page` templates draw it (without findings).
    public func guideHTML(_ guide: RenderedGuide, blocks: [PolicyBlock]) -> String {
        let parts = PolicyFigure().guide(guide, blocks: blocks)
        guard let program else {
            return library.render(["guide": TemplateEncoder.tree(parts)], withTemplate: "guide") ?? ""
        }
        var html: [UInt8] = []
        _ = program.render("guide", .object(TemplateObject(names: ["guide"], values: [TemplateEncoder.encode(parts).tree])), into: &html)
        return String(decoding: html, as: UTF8.self)
    }
}
