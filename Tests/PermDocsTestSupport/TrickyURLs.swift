/// Link URLs put together from pieces that the byte-level link rules must
/// read exactly as the Character-level ones they replaced: schemes in any
/// case, spaces, tabs and control characters, percent escapes, `#` `?` `/` `:`
/// in every order, combining marks that join the character before them,
/// a Prepend mark, the Kelvin sign (lowercased to `k`), non-ASCII text and CRLF.
public enum TrickyURLs {
    static let pieces = [
        "", "a", "HTTP", "https", "hTTps", "javascript", "java\tscript", "MAILTO", "mailto", "data", "ftp",
        "setup", "setup.md", "index.md", ".md", "README.md", "../", "x/y/", "sub/", "/", "#", "?", ":", "//",
        "%41", "%", "%zz", "%C3%A9", "é", "e\u{301}", "\u{301}", "\u{212A}", "\u{0130}", "\u{600}", "🙂",
        " ", "\t", "\u{0B}", "\u{A0}", "\u{3000}", "\u{7F}", "\u{1}", "\r\n", "\r", "\n", "roles", "-", "+", ".",
    ]

    /// `count` URLs of one to six pieces, the same ones on every run (a fixed
    /// linear congruential sequence), after every piece alone and every pair.
    public static func sample(count: Int = 20_000) -> [String] {
        var urls = pieces
        for a in pieces { for b in pieces { urls.append(a + b) } }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<count {
            urls.append((0...next(6)).map { _ in pieces[next(pieces.count)] }.joined())
        }
        return urls
    }
}
