import Foundation
import Mustache

/// A theme: Mustache templates and static assets in a folder a user can edit
/// without recompiling. `templates/NAME.mustache` are pages and partials
/// (`{{> header}}`); everything under `assets/` is copied to the site as is.
public struct Theme {
    public var library: MustacheLibrary
    /// Asset path under the theme's `assets/` → bytes.
    public var assets: [(path: String, data: Data)]

    /// Templates every theme must have.
    public static let requiredTemplates = ["layout", "index", "tool", "page", "matrix", "findings", "overlap", "pair", "action", "service", "set", "search"]

    public init(reader: any ContentReader) throws {
        var library = MustacheLibrary()
        for path in try reader.files(under: "templates") where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            let text = try reader.readText(path)
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw PermDocsError("template error: \(error.error)", at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber))
            }
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw PermDocsError("the theme has no templates/\(name).mustache", file: "templates/\(name).mustache")
        }
        self.library = library
        assets = try reader.files(under: "assets").map { path in
            (String(path.dropFirst("assets/".count)), try reader.read(path))
        }
    }

    /// Renders `template` with `context`, then wraps it in the layout.
    public func page(_ template: String, context: [String: Any]) -> String {
        var ctx = context
        ctx["body"] = library.render(context, withTemplate: template) ?? ""
        return library.render(ctx, withTemplate: "layout") ?? ""
    }
}
