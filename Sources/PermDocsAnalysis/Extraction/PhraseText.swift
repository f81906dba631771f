/// A text of guide prose made ready for `PhrasePattern`: its UTF-8 with the
/// ASCII letters lowercased, made once and searched by every pattern asked
/// of the text (a grantee reading asks up to seven of each text; folding the
/// text again for each was a third of the phrase matching that was left).
struct PhraseText {
    let string: String
    /// The UTF-8 of `string`, ASCII letters lowercased; nil when a non-ASCII
    /// character of it changes under case folding, which ICU applies in
    /// full ("ſ" matches "s", the Kelvin sign "k", "ß" "ss") and a byte
    /// search does not: case-insensitive patterns then run every alternative.
    let folded: [UInt8]?

    init(_ string: String) {
        self.string = string
        var bytes = Array(string.utf8)
        var ascii = true
        for i in bytes.indices {
            let b = bytes[i]
            if b >= 0x80 { ascii = false } else if b >= 0x41 && b <= 0x5A { bytes[i] = b | 0x20 }
        }
        if !ascii, string.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseFolded }) {
            folded = nil
        } else {
            folded = bytes
        }
    }
}
