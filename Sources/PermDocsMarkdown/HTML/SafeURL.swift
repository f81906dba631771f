/// Decides whether a link or image URL from a guide may go into a page.
public enum SafeURL {
    /// True for http(s), mailto, fragment and scheme-less relative URLs; false
    /// for `javascript:`, `data:` and every other scheme, however it is spelt.
    ///
    /// The scheme is what stands before the first colon when no `/`, `?` or
    /// `#` comes before it, with spaces, control characters and DEL removed
    /// (browsers skip them: `java\tscript:`), compared without case.
    public static func isAllowed(_ url: String) -> Bool {
        // On the UTF-8 bytes: this runs for every link and image of a site, and
        // Foundation's scalar filtering and lowercasing showed in profiles.
        var bytesOf = url
        let decided = bytesOf.withUTF8 { bytes -> Bool? in
            var colon = -1
            for (i, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
                if byte == UInt8(ascii: ":") { colon = i; break }
            }
            // No colon at all: no scheme.
            guard colon >= 0 else { return true }
            // Beyond ASCII, the colon may be part of a larger Character (a
            // combining mark after it), and lowercasing and equality follow
            // Unicode rules (the Kelvin sign lowercases to `k`): String decides those.
            let afterColon = bytes[(colon + 1)...].first { $0 > 0x20 && $0 != 0x7F }
            if let afterColon, afterColon >= 0x80 { return nil }
            var scheme: [UInt8] = []
            scheme.reserveCapacity(colon)
            for byte in bytes[..<colon] {
                guard byte < 0x80 else { return nil }
                guard byte > 0x20 && byte != 0x7F else { continue }
                scheme.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
            }
            return scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) || scheme.elementsEqual("mailto".utf8)
        }
        return decided ?? isAllowedAsCharacters(url)
    }

    /// The rule on Characters and Strings, for a URL with a scheme that is not
    /// all ASCII: scalars up to U+0020 and DEL removed, the first colon
    /// Character found, the text before it lowercased and compared.
    private static func isAllowedAsCharacters(_ url: String) -> Bool {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let beforeColon = cleaned[..<colon]
        // A colon after a path, query or fragment start is not a scheme.
        if beforeColon.contains("/") || beforeColon.contains("?") || beforeColon.contains("#") { return true }
        let scheme = beforeColon.lowercased()
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }
}
