// Hand-written, with reason (see `TemplateProgram`): a port of
// hummingbird-project/swift-mustache 2.1.1's parser (Template+Parser.swift,
// Apache-2.0, copyright the Hummingbird authors), kept step for step so that
// a template splits into the same text and tags, with the same standalone
// lines and partial indentation, as swift-mustache splits it. The theme is
// still parsed by swift-mustache first: it reports template errors (with
// their line and column), so this parser only ever reads templates
// swift-mustache accepted. Tags outside the subset `TemplateProgram`
// renders (transforms, inheritance, set delimiters, dynamic partials, other
// content types) make it give up, and the theme is rendered by swift-mustache.

/// A template split into what `TemplateProgram` renders.
indirect enum TemplateNode {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// A partial; `indentation` for a standalone partial tag (swift-mustache's rule: "" is none).
    case partial(String, indentation: String?)
}

/// A tag's name: `.` (the current value), `a.b` (looked up the context stack
/// from its first part) or `.a.b` (from the current value only).
struct TemplateName {
    enum Start { case current, stack, currentOnly }
    let start: Start
    let parts: [String]

    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        if name == "." {
            start = .current
        } else if name.first == "." {
            start = .currentOnly
        } else {
            start = .stack
        }
    }
}

enum TemplateParser {
    /// Why a template is not read: a tag swift-mustache has and `TemplateProgram` does not.
    struct Unsupported: Error {
        let reason: String
    }

    /// The one content type `TemplateProgram` writes (`Theme.contentTypePragma`).
    static let contentType = "PERMDOCS_HTML"

    static func parse(_ text: String) throws -> [TemplateNode] {
        var cursor = Cursor(text)
        return try parse(&cursor, state: State())
    }

    private struct State {
        var sectionName: String?
        var newLine = true
    }

    private static func parse(_ p: inout Cursor, state: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = state
        var whiteSpaceBefore = ""
        func text(_ s: String) { nodes.append(.text(Array(s.utf8))) }
        while !p.atEnd {
            if state.newLine {
                whiteSpaceBefore = String(p.read(while: { $0 == " " || $0 == "\t" }))
            }
            let read = readUntilDelimiterOrNewline(&p)
            if p.current.isNewline {
                text(whiteSpaceBefore + read + String(p.current))
                state.newLine = true
                p.advance()
                continue
            }
            if read.count > 0 {
                text(whiteSpaceBefore + read)
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if p.atEnd { break }
            var setNewLine = false
            switch p.current {
            case "#", "^":
                let inverted = p.current == "^"
                p.advance()
                let name = try parseName(&p)
                if isStandalone(&p, state) {
                    setNewLine = true
                } else if whiteSpaceBefore.count > 0 {
                    text(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                var inner = state
                inner.sectionName = name
                if !setNewLine { inner.newLine = false }
                let body = try parse(&p, state: inner)
                nodes.append(inverted ? .invertedSection(TemplateName(name), body) : .section(TemplateName(name), body))
            case "/":
                p.advance()
                let name = try parseName(&p)
                guard name == state.sectionName else { throw Unsupported(reason: "section closed by another name") }
                if !isStandalone(&p, state), whiteSpaceBefore.count > 0 {
                    text(whiteSpaceBefore)
                }
                return nodes
            case "!":
                p.advance()
                guard p.skip(pastString: "}}") else { throw Unsupported(reason: "unfinished comment") }
                setNewLine = isStandalone(&p, state)
            case "{", "&":
                let triple = p.current == "{"
                if whiteSpaceBefore.count > 0 {
                    text(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                p.advance()
                let name = try parseName(&p)
                if triple {
                    guard p.current == "}" else { throw Unsupported(reason: "unfinished name") }
                    p.advance()
                }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case ">":
                p.advance()
                p.read(while: \.isWhitespace)
                if p.current == "*" { throw Unsupported(reason: "dynamic partial") }
                let name = try parsePartialName(&p)
                if whiteSpaceBefore.count > 0 { text(whiteSpaceBefore) }
                if isStandalone(&p, state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "%":
                p.advance()
                try readContentType(&p)
                setNewLine = isStandalone(&p, state)
            case "<", "$":
                throw Unsupported(reason: "template inheritance")
            case "=":
                throw Unsupported(reason: "set delimiter")
            default:
                if whiteSpaceBefore.count > 0 {
                    text(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                nodes.append(.variable(TemplateName(try parseName(&p)), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported(reason: "unclosed section") }
        return nodes
    }

    /// Text up to a tag's `{{` (read past) or a line end (not read).
    private static func readUntilDelimiterOrNewline(_ p: inout Cursor) -> String {
        var total = ""
        while !p.atEnd {
            total += p.read(while: { $0 != "\n" && $0 != "\r\n" && $0 != "{" })
            if p.current.isNewline {
                break
            } else if p.current == "{" {
                if p.skip(string: "{{") { break }
                total += "{"
                p.advance()
            }
        }
        return total
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    private static let configCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    private static func parseName(_ p: inout Cursor) throws -> String {
        p.read(while: \.isWhitespace)
        let name = String(p.read(while: { nameCharacters.contains($0) }))
        p.read(while: \.isWhitespace)
        guard p.skip(string: "}}") else { throw Unsupported(reason: "unfinished name") }
        guard !name.contains("(") && !name.contains(")") else { throw Unsupported(reason: "transform") }
        return name
    }

    private static func parsePartialName(_ p: inout Cursor) throws -> String {
        p.read(while: \.isWhitespace)
        let name = String(p.read(while: { partialNameCharacters.contains($0) }))
        p.read(while: \.isWhitespace)
        guard p.skip(string: "}}") else { throw Unsupported(reason: "unfinished partial name") }
        return name
    }

    /// `{{% CONTENT_TYPE: PERMDOCS_HTML }}`, the only pragma read.
    private static func readContentType(_ p: inout Cursor) throws {
        p.read(while: \.isWhitespace)
        let variable = p.read(while: { configCharacters.contains($0) })
        p.read(while: \.isWhitespace)
        guard p.current == ":" else { throw Unsupported(reason: "pragma") }
        p.advance()
        p.read(while: \.isWhitespace)
        let value = p.read(while: { configCharacters.contains($0) })
        p.read(while: \.isWhitespace)
        guard p.skip(string: "}}"), variable == "CONTENT_TYPE", value == contentType[...] else {
            throw Unsupported(reason: "content type other than \(contentType)")
        }
    }

    /// Whether a tag stands alone on its line; if so its line end is read.
    private static func isStandalone(_ p: inout Cursor, _ state: State) -> Bool {
        guard state.newLine else { return false }
        if p.atEnd { return true }
        var q = p
        q.read(while: { $0 == " " || $0 == "\t" })
        guard q.current.isNewline else { return false }
        q.advance()
        p = q
        return true
    }
}

/// A position in a template's Characters (swift-mustache reads Characters,
/// so `\r\n` is one line end and `{` with a combining mark is not a brace).
private struct Cursor {
    let text: String
    var index: String.Index

    init(_ text: String) {
        self.text = text
        index = text.startIndex
    }

    var atEnd: Bool { index == text.endIndex }
    var current: Character { atEnd ? "\0" : text[index] }

    mutating func advance() { index = text.index(after: index) }

    @discardableResult
    mutating func read(while accept: (Character) -> Bool) -> Substring {
        let start = index
        while !atEnd, accept(text[index]) { advance() }
        return text[start..<index]
    }

    /// Reads `string` if it comes next (by Characters).
    mutating func skip(string: String) -> Bool {
        var i = index
        for c in string {
            guard i < text.endIndex, text[i] == c else { return false }
            i = text.index(after: i)
        }
        index = i
        return true
    }

    /// Reads up to and past the next `string`; false (nothing read) when there is none.
    mutating func skip(pastString string: String) -> Bool {
        var i = index
        while i < text.endIndex {
            var q = Cursor(text)
            q.index = i
            if q.skip(string: string) {
                index = q.index
                return true
            }
            i = text.index(after: i)
        }
        return false
    }
}
