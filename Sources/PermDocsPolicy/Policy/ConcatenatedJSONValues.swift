/// Text holding several JSON values one after another, as guides write them:
/// two whole policies pasted into one block (`{…}\n{…}`), or statements
/// separated by commas without the brackets of an array (`{…},\n{…}`),
/// perhaps led or ended by a comma as a fragment cut out of a longer policy is
/// (`,\n{…}`). Read in one pass; every node keeps its offset in the text.
import PermDocsCore

public struct ConcatenatedJSONValues: Sendable {
    /// One value and whether a comma stands between it and the value before.
    public struct Element: Sendable {
        public var node: JSONNode
        /// The offset just past the value.
        public var end: Int
        /// True when a comma separates the value from the one before it (or,
        /// for the first, when the text starts with a comma).
        public var afterComma: Bool
    }

    /// The values in the order they stand, with their separators.
    public var elements: [Element]
    /// True when the text starts with a comma (a fragment that continues a policy).
    public var leadingComma: Bool
    /// True when a comma follows the last value.
    public var trailingComma: Bool

    /// The values in order.
    public var nodes: [JSONNode] { elements.map(\.node) }

    /// True when every value after the first follows a comma: the text is a
    /// list of values without its brackets.
    public var isCommaSeparated: Bool { elements.dropFirst().allSatisfy(\.afterComma) }

    /// Reads every value of `scalars`, each separated from the next by white
    /// space or one comma. Throws the first syntax error, at its offset, also
    /// when the text holds no value at all.
    public static func read(scalars s: [Unicode.Scalar]) throws -> ConcatenatedJSONValues {
        var i = skipWhitespace(s, from: 0)
        var leading = false
        if i < s.count && s[i] == "," {
            leading = true
            i = skipWhitespace(s, from: i + 1)
        }
        var elements: [Element] = []
        var comma = leading
        var trailing = false
        while i < s.count {
            let (node, end) = try JSONReader.readValue(scalars: s, from: i)
            elements.append(Element(node: node, end: end, afterComma: comma))
            i = skipWhitespace(s, from: end)
            comma = false
            if i < s.count && s[i] == "," {
                comma = true
                i = skipWhitespace(s, from: i + 1)
                if i == s.count { trailing = true }
            }
        }
        if elements.isEmpty {
            throw JSONSyntaxError(message: "unexpected end of text, expected a value", offset: i)
        }
        return ConcatenatedJSONValues(elements: elements, leadingComma: leading, trailingComma: trailing)
    }

    private static func skipWhitespace(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
        return i
    }
}
