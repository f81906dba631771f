/// Reads the text of one candidate as a careful reviewer reads a block: one
/// policy; several JSON values one after another (each policy among them its
/// own policy, the guide having pasted them together); statements separated
/// by commas without the brackets of an array, also a comma-led fragment with
/// `#` comments (one statement list); or text that is not valid JSON, with
/// the error where the text really goes wrong.
import PermDocsCore
import PermDocsPolicy

enum PoliciesInText {
    /// One policy read from the text.
    struct Found {
        var policy: Policy
        /// The text the policy's node offsets index into (the candidate's
        /// text, or that text without a fragment's comments).
        var text: MappedText
        /// Where the policy's value starts and ends in `text`.
        var range: Range<Int>
    }

    enum Outcome {
        /// The policies, in order; `pasted` is true when the guide pasted
        /// several whole values together (the block is not valid JSON as written).
        case policies([Found], pasted: Bool)
        /// Valid JSON that is no policy (a template, an API answer).
        case notPolicy
        case invalid(JSONSyntaxError)
    }

    static func read(_ text: MappedText) -> Outcome {
        let s = text.scalars
        let parser = PolicyParser(locate: text.location(at:))
        let firstError: JSONSyntaxError
        do {
            let node = try JSONReader.parse(scalars: s)
            guard let policy = parser.policy(from: node) else { return .notPolicy }
            return .policies([Found(policy: policy, text: text, range: 0..<s.count)], pasted: false)
        } catch let error as JSONSyntaxError {
            firstError = error
        } catch {
            return .notPolicy  // the reader throws only syntax errors
        }
        do {
            let values = try ConcatenatedJSONValues.read(scalars: s)
            return outcome(values, in: text)
        } catch let error as JSONSyntaxError {
            // Comments make sense only in a fragment: read it without them.
            if isFragment(s), let uncommented = FragmentComments.stripped(text),
               let values = try? ConcatenatedJSONValues.read(scalars: uncommented.scalars),
               values.nodes.allSatisfy(PolicyParser.looksLikeStatement) {
                return outcome(values, in: uncommented)
            }
            // When another object or a comma follows the first value, the
            // values before the error read well: the error is where the text goes wrong.
            let next = firstError.offset < s.count ? s[firstError.offset] : " "
            let continues = next == "{" || next == "[" || next == ","
            return .invalid(continues && error.offset > firstError.offset ? error : firstError)
        } catch {
            return .invalid(firstError)
        }
    }

    /// True when the text starts with a comma, or a comma stands between two
    /// objects (`},` then `{`): a piece of a longer policy.
    static func isFragment(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        if i < s.count && s[i] == "," { return true }
        var last: Unicode.Scalar = " "
        var afterCloseComma = false
        for c in s where !c.properties.isWhitespace {
            if afterCloseComma && c == "{" { return true }
            afterCloseComma = last == "}" && c == ","
            last = c
        }
        return false
    }

    /// The policies of several values: statements separated by commas are
    /// one statement list; otherwise every policy among the values is its own.
    static func outcome(_ values: ConcatenatedJSONValues, in text: MappedText) -> Outcome {
        let parser = PolicyParser(locate: text.location(at:))
        let nodes = values.nodes
        let elements = values.elements
        if nodes.allSatisfy(PolicyParser.looksLikeStatement) && (values.isCommaSeparated || nodes.count == 1) {
            let node = nodes.count == 1 ? nodes[0] : JSONNode(.array(nodes), offset: nodes[0].offset)
            guard let policy = parser.policy(from: node) else { return .notPolicy }
            return .policies([Found(policy: policy, text: text, range: nodes[0].offset..<elements[elements.count - 1].end)], pasted: false)
        }
        var found: [Found] = []
        for element in elements {
            if let policy = parser.policy(from: element.node) {
                found.append(Found(policy: policy, text: text, range: element.node.offset..<element.end))
            }
        }
        if found.isEmpty { return .notPolicy }
        return .policies(found, pasted: nodes.count > 1)
    }
}
