// Hand-written, with reason. swift-mustache renders a tag in about 2 µs:
// each lookup up the context stack casts `Any` to several of its protocols
// (`MustacheParent`, `MustacheCustomRepresentation`, `MustacheLambda`, …)
// and prints values through `String(describing:)`. Measured on the real
// corpora that was a quarter of a guides build's CPU and a third of the
// 7,825-page bench's (perf: `swift_conformsToProtocol` and `getChild` on
// top), whatever shape the data had (`Benchmarks/template-representation`).
// No other listed engine reads Mustache. So the theme's templates are
// still parsed (and their errors reported) by swift-mustache, and rendered
// here from typed values (`TemplateValue`), with swift-mustache's rules;
// `TemplateProgramTests` renders every page kind and random templates with
// both and requires the same bytes. A theme that uses what this does not
// render (transforms, inheritance, set delimiters, dynamic partials, other
// content types) is rendered by swift-mustache (`Theme`).
import PermDocsMarkdown

/// A theme's templates, parsed for rendering from `TemplateValue`s.
struct TemplateProgram {
    private let templates: [String: [TemplateNode]]

    /// The templates by name (their text as swift-mustache parses it, with
    /// the content-type pragma in front); nil when one of them uses a tag this does not render.
    init?(templates: [String: String]) {
        var parsed: [String: [TemplateNode]] = [:]
        for (name, text) in templates {
            guard let nodes = try? TemplateParser.parse(text) else { return nil }
            parsed[name] = nodes
        }
        self.templates = parsed
    }

    func hasTemplate(_ name: String) -> Bool { templates[name] != nil }

    /// `name` rendered with `value` as the context; nil when there is no such template.
    func render(_ name: String, _ value: TemplateValue, into out: inout [UInt8]) -> Bool {
        guard let nodes = templates[name] else { return false }
        var renderer = Renderer(templates: templates, stack: [value])
        renderer.render(nodes, indentation: nil, into: &out)
        return true
    }

    /// How deep partials may include partials. A theme's partial that
    /// includes itself with no section to end it would otherwise recurse
    /// until the thread's stack overflows (swift-mustache crashes there);
    /// deeper partials render as nothing. Real themes nest a few levels.
    static let partialDepthLimit = 64

    private struct Renderer {
        let templates: [String: [TemplateNode]]
        var stack: [TemplateValue]
        var partialDepth = 0

        /// One template or section, as swift-mustache's `render(context:)`:
        /// with an indentation, a token's output that starts a line is indented.
        mutating func render(_ nodes: [TemplateNode], indentation: String?, into out: inout [UInt8]) {
            guard let indentation, !indentation.isEmpty else {
                for node in nodes { render(node, indentation: indentation, into: &out) }
                return
            }
            let start = out.count
            for node in nodes {
                let before = out.count
                let atLineStart = endsWithLineFeed(out, from: start)
                render(node, indentation: indentation, into: &out)
                if atLineStart && out.count > before {
                    out.insert(contentsOf: indentation.utf8, at: before)
                }
            }
        }

        /// Whether the output since `start` ends with `\n` as a Character
        /// (swift-mustache's `string.last == "\n"`: not `\r\n`).
        private func endsWithLineFeed(_ out: [UInt8], from start: Int) -> Bool {
            let n = out.count
            guard n > start, out[n - 1] == 0x0A else { return false }
            return !(n - 2 >= start && out[n - 2] == 0x0D)
        }

        mutating func render(_ node: TemplateNode, indentation: String?, into out: inout [UInt8]) {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = lookUp(name) else { return }
                append(value, escaped: escaped, into: &out)
            case .section(let name, let body):
                switch lookUp(name) {
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(body, indentation: indentation, into: &out)
                        stack.removeLast()
                    }
                case .bool(let flag)?:
                    if flag { render(body, indentation: indentation, into: &out) }
                case .null?, nil:
                    break
                case let value?:
                    stack.append(value)
                    render(body, indentation: indentation, into: &out)
                    stack.removeLast()
                }
            case .invertedSection(let name, let body):
                switch lookUp(name) {
                case .list(let items)?:
                    if items.isEmpty {
                        stack.append(.list(items))
                        render(body, indentation: indentation, into: &out)
                        stack.removeLast()
                    }
                case .bool(let flag)?:
                    if !flag { render(body, indentation: indentation, into: &out) }
                case .null?, nil:
                    render(body, indentation: indentation, into: &out)
                case .some:
                    break
                }
            case .partial(let name, let indented):
                guard let nodes = templates[name], partialDepth < TemplateProgram.partialDepthLimit else { return }
                let inner = indented.map { (indentation ?? "") + $0 } ?? indentation
                partialDepth += 1
                render(nodes, indentation: inner, into: &out)
                partialDepth -= 1
            }
        }

        /// swift-mustache's `getChild`: the first part looked up from the
        /// top of the stack down, the other parts inside what it found.
        private func lookUp(_ name: TemplateName) -> TemplateValue? {
            guard let top = stack.last else { return nil }
            switch name.start {
            case .current:
                return top
            case .currentOnly:
                return descend(top, name.parts[...])
            case .stack:
                guard let first = name.parts.first else { return top }
                // By index, not `reversed()`: no copy of each frame.
                var i = stack.count
                while i > 0 {
                    i -= 1
                    if let found = child(first, of: stack[i]) {
                        return name.parts.count == 1 ? found : descend(found, name.parts.dropFirst())
                    }
                }
                return nil
            }
        }

        private func descend(_ value: TemplateValue, _ parts: ArraySlice<String>) -> TemplateValue? {
            var value = value
            for part in parts {
                guard let next = child(part, of: value) else { return nil }
                value = next
            }
            return value
        }

        /// A value's field. swift-mustache reads a dictionary's key, and
        /// anything else through `Mirror`: only `DerivedHTML`'s stored fields have names there.
        private func child(_ name: String, of value: TemplateValue) -> TemplateValue? {
            switch value {
            case .object(let object):
                return object.value(named: name)
            case .derived(let derived):
                if name == "kind" { return .string(String(describing: derived.kind)) }
                if name == "source" { return .string(derived.source) }
                return nil
            default:
                return nil
            }
        }

        /// A variable's text, as swift-mustache prints it (`String(describing:)`).
        private func append(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
            let text: String
            switch value {
            case .string(let s): text = s
            case .utf8(let bytes):
                guard escaped else { return out.append(contentsOf: bytes) }
                text = String(decoding: bytes, as: UTF8.self)
            case .int(let i): text = String(i)
            case .bool(let b): text = b ? "true" : "false"
            case .double(let d): text = String(describing: d)
            case .null: return
            case .derived(let d): text = d.renderText
            case .list, .object: text = String(describing: value.any)
            }
            if escaped {
                HTMLEscaping.appendText(text, to: &out)
            } else {
                out.append(contentsOf: text.utf8)
            }
        }
    }
}
