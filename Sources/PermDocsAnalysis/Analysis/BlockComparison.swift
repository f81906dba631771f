import PermDocsPolicy

/// Blocks compared for what is drawn from them after analysis: the action
/// index, the site-wide pages and the data exports. A block's `context` (the
/// prose around it) is read by classification and by checks, whose outcomes
/// are the block's other fields and its findings; nothing reads it later. A
/// paragraph added after a policy changes the context and nothing else, so
/// the index and the site-wide outputs of the last build stay valid.
public enum BlockComparison {
    /// True when the lists are equal but for each block's `context`. Returns
    /// at once for lists sharing storage (a page whose analysis was reused).
    public static func sameExceptContext(_ a: [PolicyBlock], _ b: [PolicyBlock]) -> Bool {
        if a == b { return true }
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            if x == y { return true }
            var (x, y) = (x, y)
            x.context = BlockContext()
            y.context = BlockContext()
            return x == y
        }
    }
}
