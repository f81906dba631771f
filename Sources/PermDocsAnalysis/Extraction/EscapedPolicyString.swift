/// A policy written as an escaped JSON string: in a shell variable or command
/// (`POLICY="{\"Version\": …}"`, `--policy-document "{\"Version\": …}"`), or
/// as the string value of another JSON or YAML document (a CloudFormation
/// `PolicyDocument` or `DestinationPolicy`, a `--details` argument). Decoded
/// with every character mapped to where its escape sequence starts in the
/// file, so a finding in the policy points at the guide's line and column.
import PermDocsCore

enum EscapedPolicyString {
    /// The escaped policies of `text` in order, decoded. One starts at a `{`
    /// followed (after spaces) by `\"`, and ends at its balancing `}`; when the
    /// string around it closes first (a stray `"` in the guide), what was
    /// decoded so far is returned, so that the reader reports the error. Only
    /// text that names `"Statement"` or `"Effect"` once decoded is returned.
    /// A piece is meant as a policy when its first key is a policy element, it
    /// names at least two, and the string around it does not end early to be
    /// joined to a program's variable (`"{\"AWS\":\"" + accountId + "\"}"`).
    static func policies(in text: MappedText) -> [EmbeddedPolicies.Piece] {
        let s = text.scalars
        guard mayHoldEscapedPolicy(s) else { return [] }
        var found: [EmbeddedPolicies.Piece] = []
        var i = 0
        while i < s.count {
            guard s[i] == "{", startsEscapedObject(s, at: i) else {
                i += 1
                continue
            }
            let (decoded, end) = decode(text, from: i)
            let string = decoded.string
            if string.contains("\"Statement\"") || string.contains("\"Effect\"") {
                let joined = end < s.count && s[end] == "\"" && isFollowedByConcatenation(s, after: end)
                let elements = policyElements.filter { string.contains("\"\($0)\"") }.count
                found.append(EmbeddedPolicies.Piece(text: decoded, start: i, isMeantAsPolicy: startsWithPolicyElement(decoded.scalars) && elements >= 2 && !joined))
            }
            i = max(end, i + 1)
        }
        return found
    }

    /// False unless the text holds `\"Statement\"` or `\"Effect\"`, checked on
    /// bytes before any decoding.
    static func mayHoldEscapedPolicy(_ s: [Unicode.Scalar]) -> Bool {
        ScalarSearch.contains(s, #"\"Statement\""#) || ScalarSearch.contains(s, #"\"Effect\""#)
    }

    /// Keys a policy or statement may start with.
    static let policyElements: Set<String> = ["Version", "Id", "Statement", "Sid", "Effect", "Action", "NotAction",
                                               "Principal", "NotPrincipal", "Resource", "NotResource", "Condition"]

    /// True when the decoded object's first key is a policy element.
    static func startsWithPolicyElement(_ s: [Unicode.Scalar]) -> Bool {
        var i = 1
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        guard i < s.count, s[i] == "\"" else { return false }
        var key = ""
        i += 1
        while i < s.count, s[i] != "\"", key.unicodeScalars.count < 20 {
            key.unicodeScalars.append(s[i])
            i += 1
        }
        return policyElements.contains(key)
    }

    /// True when the quote at `quote` is followed, after spaces, by `+`.
    static func isFollowedByConcatenation(_ s: [Unicode.Scalar], after quote: Int) -> Bool {
        var i = quote + 1
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        return i < s.count && s[i] == "+"
    }

    /// True when the `{` at `i` is followed, after spaces (also escaped ones:
    /// `\n`, `\t`), by an escaped quote.
    static func startsEscapedObject(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i + 1
        while j < s.count {
            if s[j] == " " || s[j] == "\t" || s[j] == "\n" || s[j] == "\r" {
                j += 1
            } else if s[j] == "\\", j + 1 < s.count, s[j + 1] == "n" || s[j + 1] == "t" || s[j + 1] == "r" {
                j += 2
            } else {
                break
            }
        }
        return j + 1 < s.count && s[j] == "\\" && s[j + 1] == "\""
    }

    /// Decodes from the `{` at `start` to its balancing `}` (or to the
    /// unescaped `"` that ends the enclosing string, or the end of the text),
    /// and returns the decoded text with the offset just past what was read.
    static func decode(_ text: MappedText, from start: Int) -> (MappedText, Int) {
        let s = text.scalars
        var out = MappedText(file: text.file)
        var depth = 0
        // String state of the decoded JSON, so braces inside its strings do not count.
        var inString = false
        var escapedInString = false
        var i = start
        while i < s.count {
            var c = s[i]
            let at = text.positions[i]
            var escaped = false
            if c == "\\" && i + 1 < s.count {
                escaped = true
                let (decoded, length) = unescape(s, at: i)
                c = decoded
                i += length
            } else if c == "\"" {
                break  // the enclosing string ends before the policy does
            } else {
                i += 1
            }
            out.append(c, at: at)
            if inString {
                if escapedInString {
                    escapedInString = false
                } else if c == "\\" {
                    escapedInString = true
                } else if c == "\"" && escaped {
                    inString = false
                }
            } else if c == "\"" && escaped {
                inString = true
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { break }
            }
        }
        return (out, i)
    }

    /// The character an escape sequence at `i` (a backslash) stands for, and
    /// how many characters it takes: `\"` `\\` `\/` `\n` `\t` `\r` `\uXXXX`;
    /// any other escaped character stands for itself (as in a shell string).
    static func unescape(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int) {
        let e = s[i + 1]
        switch e {
        case "n": return ("\n", 2)
        case "t": return ("\t", 2)
        case "r": return ("\r", 2)
        case "u":
            guard i + 5 < s.count else { return (e, 2) }
            var hex = ""
            hex.unicodeScalars.append(contentsOf: s[(i + 2)...(i + 5)])
            if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v), v >= 0x20 { return (u, 6) }
            return (e, 2)
        default:
            return (e, 2)
        }
    }
}
