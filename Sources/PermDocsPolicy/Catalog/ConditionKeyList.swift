/// A short list of condition keys (one action's) asked whether it holds a
/// key, answering as `ConditionKeySet(keys).contains(key)` does: ignoring
/// case, and with each `${…}` or `<…>` of a listed key standing for one or
/// more characters.
///
/// The checker asks this of every action of every statement with a
/// condition, twice per key; building a `ConditionKeySet` for each question
/// lowercased every listed key and searched it for `${` through Foundation
/// (the largest own cost of `condition-key-not-applicable`). Here ASCII
/// keys are compared byte by byte, in place, with the placeholders read as
/// the comparison reaches them; a list or key with any other character is
/// answered by `ConditionKeySet` itself, whose Unicode lowercasing may
/// change a text's length.
enum ConditionKeyList {
    /// Whether `key` is one of `keys` or fills one of their templates.
    static func contains(_ keys: [String], _ key: String) -> Bool {
        let answer = key.utf8.withContiguousStorageIfAvailable { text -> Bool? in
            guard isASCII(text) else { return nil }
            for listed in keys {
                let matched = listed.utf8.withContiguousStorageIfAvailable { template -> Bool? in
                    isASCII(template) ? matches(template: template, text: text) : nil
                } ?? nil
                guard let matched else { return nil }
                if matched { return true }
            }
            return false
        } ?? nil
        return answer ?? ConditionKeySet(keys).contains(key)
    }

    /// Whether the whole of `text` fills `template`, both ASCII, ignoring
    /// case. The iterative wildcard match of `WildcardPattern`, where a
    /// placeholder reads one character and then opens a run: on a mismatch
    /// the last run takes one more character and matching resumes after it.
    static func matches(template: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = 0, t = 0
        // Where matching resumes after the last placeholder, and the text
        // position its run had reached; -1 before any placeholder.
        var afterRun = -1, resume = 0
        while t < text.count {
            if p < template.count, let end = placeholderEnd(template, at: p) {
                t += 1
                p = end
                afterRun = p
                resume = t
            } else if p < template.count, lowered(template[p]) == lowered(text[t]) {
                p += 1
                t += 1
            } else if afterRun >= 0 {
                p = afterRun
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        return p == template.count
    }

    /// The index just past the placeholder starting at `p` (`${…}` or `<…>`,
    /// closed somewhere after it), or nil when none starts there.
    private static func placeholderEnd(_ template: UnsafeBufferPointer<UInt8>, at p: Int) -> Int? {
        let close: UInt8
        switch template[p] {
        case UInt8(ascii: "$") where p + 1 < template.count && template[p + 1] == UInt8(ascii: "{"):
            close = UInt8(ascii: "}")
        case UInt8(ascii: "<"):
            close = UInt8(ascii: ">")
        default:
            return nil
        }
        var q = p + 1
        while q < template.count {
            if template[q] == close { return q + 1 }
            q += 1
        }
        return nil
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
