import Foundation
import PermDocsCore

/// A regular expression over guide prose, run only on texts that hold the
/// words it cannot match without (`RequiredWords`).
///
/// Why: most texts around a block name none of a phrase's words, and every
/// `NSRegularExpression` call copies the text to UTF-16 and runs ICU; reading
/// grantees was a quarter of a guides build. A byte search answers "no" for
/// those texts at a fraction of the cost, and the answer is the regex's own:
/// a text it skips cannot match.
struct PhrasePattern: @unchecked Sendable {
    /// The expression itself (immutable, safe to share across threads).
    let regex: NSRegularExpression
    /// `RequiredWords` as lowercase (when case-insensitive) ASCII bytes:
    /// branches of clauses of words; nil when the pattern must always run.
    private let branches: [[[[UInt8]]]]?
    private let caseInsensitive: Bool

    init(_ pattern: String, caseInsensitive: Bool = true) {
        regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        self.caseInsensitive = caseInsensitive
        branches = RequiredWords.of(pattern, caseInsensitive: caseInsensitive)?.map { $0.map { $0.sorted().map { Array($0.utf8) } } }
    }

    /// False only when `text` misses a required word of every branch, so
    /// the pattern cannot match it.
    func mayOccur(in text: String) -> Bool {
        guard let branches else { return true }
        var bytes = Array(text.utf8)
        if caseInsensitive {
            // ICU folds case fully: "ſ" matches "s", the Kelvin sign "k",
            // "ß" "ss". A text with any character that folds to something
            // else goes to the regex; the byte search folds only ASCII.
            if bytes.contains(where: { $0 >= 0x80 }),
               text.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseFolded }) {
                return true
            }
            for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        }
        return bytes.withUnsafeBufferPointer { text in
            branches.contains { clauses in clauses.allSatisfy { words in words.contains { String.search(text, for: $0) } } }
        }
    }

    /// True when the pattern occurs in `text`.
    func occurs(in text: String?) -> Bool {
        guard let text, !text.isEmpty, mayOccur(in: text) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The first text the pattern matches in `text`.
    func firstMatch(in text: String) -> String? {
        guard mayOccur(in: text),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range, in: text) else { return nil }
        return String(text[r])
    }

    /// `text` with every match replaced by `replacement` (unchanged when none).
    func replacingMatches(in text: String, with replacement: String) -> String {
        guard mayOccur(in: text) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }
}
