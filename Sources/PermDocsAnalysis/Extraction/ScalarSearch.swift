/// Searching a text held as scalars (`MappedText.scalars`) for an ASCII
/// word in place, without making a `String` of it first: code blocks are
/// long, and joining their scalars into a string only to search it was a
/// tenth of extraction. For an ASCII `word` the answer is the byte search's
/// on the joined string (`containsBytes`): UTF-8 encodes only ASCII scalars
/// with ASCII bytes.
enum ScalarSearch {
    /// True when the scalars of the ASCII `word` occur, in a row, in `scalars`.
    static func contains(_ scalars: [Unicode.Scalar], _ word: String) -> Bool {
        contains(scalars[...], word)
    }

    /// The same in a part of the scalars.
    static func contains(_ scalars: ArraySlice<Unicode.Scalar>, _ word: String) -> Bool {
        let needle = Array(word.unicodeScalars)
        guard let first = needle.first else { return true }
        guard scalars.count >= needle.count else { return false }
        return scalars.withUnsafeBufferPointer { hay in
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var k = 1
                    while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The UTF-8 size of the string the scalars make.
    static func utf8Count(_ scalars: [Unicode.Scalar]) -> Int {
        scalars.reduce(0) { $0 + UTF8.width($1) }
    }
}
