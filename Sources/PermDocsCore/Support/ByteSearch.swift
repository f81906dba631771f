extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the text. Foundation's
    /// `contains(_: String)` goes through NSString and UTF-16 and was a tenth
    /// of a corpus build's time; this stays on the UTF-8 bytes, in place when
    /// the string is stored contiguously (native Swift strings are).
    public func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        if let found = utf8.withContiguousStorageIfAvailable({ Self.search($0, for: n) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { Self.search($0, for: n) }
    }

    private static func search(_ hay: UnsafeBufferPointer<UInt8>, for n: [UInt8]) -> Bool {
        guard hay.count >= n.count else { return false }
        let first = n[0]
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
