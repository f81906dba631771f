/// Policies written inside other code (a shell session, a template, a program):
/// here-document bodies, `{…}` objects on a command line, and escaped JSON
/// strings, in the order they stand in the code.
import PermDocsCore
import PermDocsPolicy

enum EmbeddedPolicies {
    /// One policy-like piece of code.
    struct Piece {
        var text: MappedText
        /// Where the piece starts in the code, for ordering.
        var start: Int
        /// True when the piece is meant as a policy (a here-document body or
        /// an escaped string that reads like policy JSON): if it does not
        /// parse it is reported. Other pieces may be code around a brace.
        var isMeantAsPolicy: Bool
    }

    /// The policy-like pieces of `code` (not itself policy JSON), in order.
    static func pieces(in code: MappedText) -> [Piece] {
        var pieces: [Piece] = []
        var covered: [Range<Int>] = []
        for body in ShellHeredoc.bodies(in: code) {
            let trimmed = body.text.trimmed()
            guard PolicyCandidate.looksLikePolicyJSON(trimmed) else { continue }
            pieces.append(Piece(text: trimmed, start: body.range.lowerBound, isMeantAsPolicy: true))
            covered.append(body.range)
        }
        if let range = statementValue(in: code.scalars) {
            // `"Statement": [{…}, {…}]` cut out of a policy: its value is one statement list.
            return pieces + [Piece(text: code.slice(range), start: range.lowerBound, isMeantAsPolicy: false)]
        }
        for range in objects(in: code.scalars) where !covered.contains(where: { $0.contains(range.lowerBound) }) {
            pieces.append(Piece(text: code.slice(range), start: range.lowerBound, isMeantAsPolicy: false))
        }
        pieces += EscapedPolicyString.policies(in: code)
        return pieces.sorted { $0.start < $1.start }
    }

    /// The value of a `"Statement":` member that the code starts with (a piece
    /// cut out of a policy), when it reads as JSON.
    static func statementValue(in s: [Unicode.Scalar]) -> Range<Int>? {
        var i = 0
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        let key = Array("\"Statement\"".unicodeScalars)
        guard i + key.count < s.count, Array(s[i..<(i + key.count)]) == key else { return nil }
        i += key.count
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        guard i < s.count, s[i] == ":" else { return nil }
        i += 1
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        guard let (_, end) = try? JSONReader.readValue(scalars: s, from: i) else { return nil }
        return i..<end
    }

    /// The balanced `{…}` objects of the code that name `"Statement"` or
    /// `"Effect"`, outermost only, in one pass (a `{` left open ends the search).
    static func objects(in s: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s[i] == "{" else {
                i += 1
                continue
            }
            var depth = 0
            var inString = false
            var j = i
            while j < s.count {
                let c = s[j]
                if inString {
                    if c == "\\" { j += 1 } else if c == "\"" { inString = false }
                } else if c == "\"" {
                    inString = true
                } else if c == "{" {
                    depth += 1
                } else if c == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                j += 1
            }
            guard j < s.count else { return found }
            // Only an object whose scalars hold one of the words in a row can
            // contain it (an ASCII text has no other canonically equivalent
            // spelling): most objects of code are turned down without making
            // a string of them, the others searched as before.
            if ScalarSearch.contains(s[i...j], "\"Statement\"") || ScalarSearch.contains(s[i...j], "\"Effect\"") {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: s[i...j])
                let string = String(text)
                if string.contains("\"Statement\"") || string.contains("\"Effect\"") { found.append(i..<(j + 1)) }
            }
            i = j + 1
        }
        return found
    }
}
