import Foundation
import PermDocsCore

/// A regular expression over guide prose, run only on texts that hold the
/// words it cannot match without (`RequiredWords`), one top-level
/// alternative at a time.
///
/// Why: most texts around a block name none of a phrase's words, and every
/// `NSRegularExpression` call copies the text to UTF-16 and runs ICU; reading
/// grantees was a quarter of a guides build. A byte search answers "no" for
/// those texts at a fraction of the cost, and the answer is the regex's own:
/// a text it skips cannot match. A phrase joins many alternatives (`anyOf`);
/// ICU tries each of them at every position of the text, so each
/// alternative is its own regex, run only when its own words are there
/// (a text naming "role" and "user" runs 3 of 17, not all of them).
struct PhrasePattern: @unchecked Sendable {
    /// The whole expression (immutable, safe to share across threads).
    let regex: NSRegularExpression
    /// The top-level alternatives, in order, each with its required words.
    private let alternatives: [Alternative]
    private let caseInsensitive: Bool

    private struct Alternative {
        let regex: NSRegularExpression
        /// `RequiredWords` as lowercase (when case-insensitive) ASCII bytes:
        /// branches of clauses of words; nil when it must always run.
        let branches: [[[[UInt8]]]]?

        func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let branches else { return true }
            return branches.contains { clauses in clauses.allSatisfy { words in words.contains { String.search(bytes, for: $0) } } }
        }
    }

    init(_ pattern: String, caseInsensitive: Bool = true) {
        let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
        let whole = try! NSRegularExpression(pattern: pattern, options: options)
        regex = whole
        self.caseInsensitive = caseInsensitive
        let parts = Self.topLevelAlternatives(pattern)
        alternatives = parts.map { part in
            Alternative(regex: parts.count == 1 ? whole : try! NSRegularExpression(pattern: part, options: options),
                        branches: RequiredWords.of(part, caseInsensitive: caseInsensitive)?.map { $0.map { $0.sorted().map { Array($0.utf8) } } })
        }
    }

    /// `pattern` split at each `|` outside groups and classes. Matching
    /// `a|b` is finding `a` or `b`; the leftmost match is the leftmost of
    /// theirs, the earlier alternative's at equal places.
    static func topLevelAlternatives(_ pattern: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inClass = false
        var escaped = false
        for c in pattern.unicodeScalars {
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if c == "|" && depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.unicodeScalars.append(c)
        }
        parts.append(current)
        // Anything unbalanced stays one expression (ICU reads it as it is).
        return depth == 0 && !inClass && !escaped ? parts : [pattern]
    }

    /// The alternatives that may match `text`, in order: those whose
    /// required words it holds (compared ASCII-folded when case-insensitive).
    private func candidates(in text: PhraseText) -> [Alternative] {
        if caseInsensitive {
            guard let folded = text.folded else { return alternatives }
            return folded.withUnsafeBufferPointer { b in alternatives.filter { $0.mayOccur(in: b) } }
        }
        var string = text.string
        return string.withUTF8 { b in alternatives.filter { $0.mayOccur(in: b) } }
    }

    /// False only when `text` misses a required word of every alternative,
    /// so the pattern cannot match it.
    func mayOccur(in text: String) -> Bool {
        !candidates(in: PhraseText(text)).isEmpty
    }

    /// True when the pattern occurs in `text`.
    func occurs(in text: String?) -> Bool {
        guard let text else { return false }
        return occurs(in: PhraseText(text))
    }

    /// True when the pattern occurs in `text`, read once for several patterns.
    ///
    /// The alternatives are tried in order as their words are found, with no
    /// list of them made, and the text's UTF-16 range is measured only for
    /// the first that must run: most texts hold no alternative's words.
    func occurs(in text: PhraseText) -> Bool {
        guard !text.string.isEmpty else { return false }
        var range: NSRange?
        func matches(_ alternative: Alternative) -> Bool {
            let whole = range ?? NSRange(text.string.startIndex..., in: text.string)
            range = whole
            return alternative.regex.firstMatch(in: text.string, range: whole) != nil
        }
        if caseInsensitive {
            guard let folded = text.folded else { return alternatives.contains(where: matches) }
            return folded.withUnsafeBufferPointer { b in alternatives.contains { $0.mayOccur(in: b) && matches($0) } }
        }
        var string = text.string
        return string.withUTF8 { b in alternatives.contains { $0.mayOccur(in: b) && matches($0) } }
    }

    /// The first text the pattern matches in `text`: the leftmost match of
    /// any alternative, the earliest alternative's where several start there.
    func firstMatch(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        var best: NSRange?
        for alternative in candidates(in: PhraseText(text)) {
            guard let m = alternative.regex.firstMatch(in: text, range: range) else { continue }
            if best == nil || m.range.location < best!.location { best = m.range }
        }
        guard let best, let r = Range(best, in: text) else { return nil }
        return String(text[r])
    }

    /// `text` with every match replaced by `replacement` (unchanged when none).
    func replacingMatches(in text: String, with replacement: String) -> String {
        guard mayOccur(in: text) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }
}
