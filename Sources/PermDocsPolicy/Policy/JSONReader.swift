// Hand-written because no JSON reader on this machine keeps positions or sees
// duplicate keys: Foundation's JSONSerialization and Codable drop both, and a
// linter must say "line 12, column 9: duplicate key Action". This one reads
// strict RFC 8259 JSON into `JSONValue`, never recursing deeper than
// `maximumDepth`, so any input ends in a value or a positioned error.
import PermDocsCore


/// An error in JSON text, at a scalar offset of the text that was read.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var message: String
    public var offset: Int
}

/// Reads JSON text into positioned nodes.
public struct JSONReader {
    public static let maximumDepth = 256

    private let s: [Unicode.Scalar]
    private var i = 0
    private var depth = 0

    /// Parses `text` as one JSON document, with nothing but white space after it.
    public static func parse(_ text: String) throws -> JSONNode {
        try parse(scalars: Array(text.unicodeScalars))
    }

    public static func parse(scalars: [Unicode.Scalar]) throws -> JSONNode {
        var reader = JSONReader(s: scalars)
        reader.skipWhitespace()
        let node = try reader.readValue()
        reader.skipWhitespace()
        if reader.i < scalars.count {
            throw JSONSyntaxError(message: "unexpected \(reader.describe(scalars[reader.i])) after the end of the JSON value", offset: reader.i)
        }
        return node
    }

    /// Reads one JSON value that starts at `start` (white space before it
    /// skipped) and returns it with the offset just past its end, leaving
    /// whatever follows to the caller: text holding several values one after
    /// another (`ConcatenatedJSONValues`) reads them one by one.
    public static func readValue(scalars: [Unicode.Scalar], from start: Int) throws -> (node: JSONNode, end: Int) {
        var reader = JSONReader(s: scalars)
        reader.i = start
        reader.skipWhitespace()
        let node = try reader.readValue()
        return (node, reader.i)
    }

    private init(s: [Unicode.Scalar]) { self.s = s }

    private mutating func skipWhitespace() {
        while i < s.count {
            switch s[i] {
            case " ", "\t", "\n", "\r": i += 1
            default: return
            }
        }
    }

    private func describe(_ c: Unicode.Scalar) -> String {
        switch c {
        case "\u{00A0}": return "no-break space"
        case "\u{201C}", "\u{201D}": return "curly quote “ (use a straight \")"
        default:
            if c.value < 0x20 { return "control character U+\(String(c.value, radix: 16, uppercase: true))" }
            return "'\(Character(c))'"
        }
    }

    private func unexpected(_ expected: String) -> JSONSyntaxError {
        if i >= s.count {
            return JSONSyntaxError(message: "unexpected end of text, expected \(expected)", offset: i)
        }
        var message = "unexpected \(describe(s[i])), expected \(expected)"
        if s[i] == "." && i + 2 < s.count && s[i + 1] == "." && s[i + 2] == "." {
            message = "unexpected '...' (an ellipsis is not JSON), expected \(expected)"
        } else if s[i] == "/" || s[i] == "#" {
            message = "unexpected '\(Character(s[i]))' (JSON has no comments), expected \(expected)"
        }
        return JSONSyntaxError(message: message, offset: i)
    }

    private mutating func readValue() throws -> JSONNode {
        guard i < s.count else { throw unexpected("a value") }
        let start = i
        switch s[i] {
        case "{": return JSONNode(try readObject(), offset: start)
        case "[": return JSONNode(try readArray(), offset: start)
        case "\"": return JSONNode(.string(try readString()), offset: start)
        case "-", "0"..."9": return JSONNode(.number(try readNumber()), offset: start)
        case "t": try readLiteral("true"); return JSONNode(.bool(true), offset: start)
        case "f": try readLiteral("false"); return JSONNode(.bool(false), offset: start)
        case "n": try readLiteral("null"); return JSONNode(.null, offset: start)
        default: throw unexpected("a value")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth {
            throw JSONSyntaxError(message: "nesting deeper than \(Self.maximumDepth) levels", offset: i)
        }
    }

    private mutating func readObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1  // {
        var members: [JSONMember] = []
        var comma = i  // the last ',' read: where a trailing comma is reported
        skipWhitespace()
        if i < s.count && s[i] == "}" { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard i < s.count, s[i] == "\"" else {
                if i < s.count && s[i] == "}" && !members.isEmpty {
                    throw JSONSyntaxError(message: "trailing comma before '}'", offset: comma)
                }
                throw unexpected("a key in double quotes")
            }
            let keyOffset = i
            let key = try readString()
            skipWhitespace()
            guard i < s.count, s[i] == ":" else { throw unexpected("':' after the key") }
            i += 1
            skipWhitespace()
            let value = try readValue()
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard i < s.count else { throw unexpected("',' or '}'") }
            if s[i] == "," { comma = i; i += 1; continue }
            if s[i] == "}" { i += 1; return .object(members) }
            throw unexpected("',' or '}'")
        }
    }

    private mutating func readArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1  // [
        var elements: [JSONNode] = []
        var comma = i  // the last ',' read: where a trailing comma is reported
        skipWhitespace()
        if i < s.count && s[i] == "]" { i += 1; return .array(elements) }
        while true {
            skipWhitespace()
            if i < s.count && s[i] == "]" && !elements.isEmpty {
                throw JSONSyntaxError(message: "trailing comma before ']'", offset: comma)
            }
            elements.append(try readValue())
            skipWhitespace()
            guard i < s.count else { throw unexpected("',' or ']'") }
            if s[i] == "," { comma = i; i += 1; continue }
            if s[i] == "]" { i += 1; return .array(elements) }
            throw unexpected("',' or ']'")
        }
    }

    private mutating func readLiteral(_ word: String) throws {
        for c in word.unicodeScalars {
            guard i < s.count, s[i] == c else { throw unexpected("'\(word)'") }
            i += 1
        }
    }

    private mutating func readNumber() throws -> String {
        let start = i
        if s[i] == "-" { i += 1 }
        guard i < s.count, ("0"..."9").contains(s[i]) else { throw unexpected("a digit") }
        if s[i] == "0" { i += 1 } else { while i < s.count, ("0"..."9").contains(s[i]) { i += 1 } }
        if i < s.count, s[i] == "." {
            i += 1
            guard i < s.count, ("0"..."9").contains(s[i]) else { throw unexpected("a digit after '.'") }
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
        }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            i += 1
            if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
            guard i < s.count, ("0"..."9").contains(s[i]) else { throw unexpected("a digit in the exponent") }
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: s[start..<i])
        return text
    }

    private mutating func readString() throws -> String {
        let open = i
        i += 1  // "
        var out = String.UnicodeScalarView()
        while true {
            guard i < s.count else {
                throw JSONSyntaxError(message: "string not closed: missing '\"'", offset: open)
            }
            let c = s[i]
            switch c {
            case "\"":
                i += 1
                return String(out)
            case "\\":
                i += 1
                guard i < s.count else { throw unexpected("an escape character") }
                switch s[i] {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    let first = try readHex4()
                    if (0xD800..<0xDC00).contains(first), i + 2 < s.count, s[i + 1] == "\\", s[i + 2] == "u" {
                        i += 2
                        let second = try readHex4()
                        if (0xDC00..<0xE000).contains(second) {
                            let v = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                        } else {
                            out.append("\u{FFFD}")
                            out.append(Unicode.Scalar(second) ?? "\u{FFFD}")
                        }
                    } else {
                        out.append(Unicode.Scalar(first) ?? "\u{FFFD}")
                    }
                default:
                    throw JSONSyntaxError(message: "invalid escape '\\\(Character(s[i]))' in a string", offset: i - 1)
                }
                i += 1
            default:
                if c.value < 0x20 {
                    if c == "\n" {
                        throw JSONSyntaxError(message: "string not closed before the end of the line", offset: open)
                    }
                    throw JSONSyntaxError(message: "\(describe(c)) inside a string", offset: i)
                }
                out.append(c)
                i += 1
            }
        }
    }

    /// Reads the four hex digits after `\u`; leaves `i` on the last digit.
    private mutating func readHex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            i += 1
            guard i < s.count, s[i].isASCII, let d = UInt32(String(s[i]), radix: 16) else {
                throw unexpected("four hex digits after \\u")
            }
            v = v * 16 + d
        }
        return v
    }
}
