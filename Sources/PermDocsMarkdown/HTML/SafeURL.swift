/// Decides whether a link or image URL from a guide may go into a page.
public enum SafeURL {
    /// True for http(s), mailto, fragment and scheme-less relative URLs; false
    /// for `javascript:`, `data:` and every other scheme, however it is spelt.
    public static func isAllowed(_ url: String) -> Bool {
        // Fast path for the common cases, on bytes: no colon before the first
        // `/`, `?` or `#` means no scheme.
        for byte in url.utf8 {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
            if byte == UInt8(ascii: ":") { break }
        }
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let beforeColon = cleaned[..<colon]
        // A colon after a path, query or fragment start is not a scheme.
        if beforeColon.contains("/") || beforeColon.contains("?") || beforeColon.contains("#") { return true }
        let scheme = beforeColon.lowercased()
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }
}
