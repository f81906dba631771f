extension String {
    /// Whether the text holds `${`, which opens a policy variable
    /// (`${aws:username}`) or a catalog placeholder (`${TagKey}`).
    ///
    /// Asked of every ARN and condition key checked: ASCII text is searched
    /// as bytes, where `String.contains("${")` went through Foundation's
    /// string search for each; other text still goes through `contains`,
    /// whose idea of a character decides there.
    var containsDollarBrace: Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.indices.dropLast().contains { bytes[$0] == UInt8(ascii: "$") && bytes[$0 + 1] == UInt8(ascii: "{") }
        } ?? nil
        return answer ?? contains("${")
    }
}
