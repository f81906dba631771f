extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the text. Foundation's
    /// `contains(_: String)` goes through NSString and UTF-16 and was a tenth
    /// of a corpus build's time; this stays on the UTF-8 bytes.
    func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let hay = Array(utf8)
        guard hay.count >= n.count else { return false }
        var i = 0
        let last = hay.count - n.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n.count && hay[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
