/// An IAM wildcard pattern: `*` matches any run of characters (including
/// none), `?` exactly one; every other character stands for itself, as IAM
/// has no other wildcard (no `[…]` classes, no escapes). Matching ignores case.
///
/// Matching is iterative: a single pass that, on a mismatch, retries from the
/// last `*` one character further on. It takes at most pattern × text steps
/// and no stack, whatever the pattern.
import PermDocsCore

public struct WildcardPattern: Sendable, Hashable, CustomStringConvertible {
    /// Scalar values of the lowercased pattern, with the two wildcards as
    /// values no Unicode scalar can have.
    private let elements: [UInt32]
    /// The pattern as given.
    public let description: String

    private static let anyOne: UInt32 = 0xFFFF_FFFE
    private static let anyRun: UInt32 = 0xFFFF_FFFF

    /// A pattern where `*` and `?` are wildcards.
    public init(_ pattern: String) {
        description = pattern
        elements = pattern.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "*": return Self.anyRun
            case "?": return Self.anyOne
            default: return scalar.value
            }
        }
    }

    /// A condition-key template such as `aws:RequestTag/${TagKey}`: each
    /// `${…}` (or `<…>`, as in the catalog's `s3:ExistingObjectTag/<key>`)
    /// stands for one or more characters; `*` and `?` are literal.
    init(conditionKeyTemplate template: String) {
        description = template
        var elements: [UInt32] = []
        var scalars = template.lowercased().unicodeScalars[...]
        while let first = scalars.first {
            if first == "$", scalars.dropFirst().first == "{", let close = scalars.firstIndex(of: "}") {
                elements += [Self.anyOne, Self.anyRun]
                scalars = scalars[scalars.index(after: close)...]
            } else if first == "<", let close = scalars.firstIndex(of: ">") {
                elements += [Self.anyOne, Self.anyRun]
                scalars = scalars[scalars.index(after: close)...]
            } else {
                elements.append(first.value)
                scalars = scalars.dropFirst()
            }
        }
        self.elements = elements
    }

    /// Whether `text` contains `*` or `?`, so that it is a pattern rather than a name.
    public static func containsWildcard(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    /// Whether the pattern has any wildcard in it.
    public var hasWildcards: Bool {
        elements.contains { $0 == Self.anyOne || $0 == Self.anyRun }
    }

    /// Whether the whole of `text` matches, ignoring case.
    public func matches(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = text
            return text.withUTF8 { bytes in
                match(count: bytes.count) { i in
                    let byte = bytes[i]
                    return UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
            }
        }
        let scalars = text.lowercased().unicodeScalars.map(\.value)
        return match(count: scalars.count) { scalars[$0] }
    }

    /// The matcher proper, over a text given as `count` lowercased scalar values.
    private func match(count: Int, at value: (Int) -> UInt32) -> Bool {
        var p = 0, t = 0
        var star = -1, resume = 0
        while t < count {
            if p < elements.count, elements[p] != Self.anyRun,
               elements[p] == Self.anyOne || elements[p] == value(t) {
                p += 1
                t += 1
            } else if p < elements.count, elements[p] == Self.anyRun {
                star = p
                resume = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < elements.count, elements[p] == Self.anyRun { p += 1 }
        return p == elements.count
    }
}
