/// An IAM wildcard: `*` matches any run of characters, `?` exactly one; IAM
/// has no other wildcard. Matching ignores case and is iterative (linear
/// backtracking on the last `*`), so no pattern can blow up.
public struct WildcardPattern: Sendable, Hashable {
    private let scalars: [Unicode.Scalar]

    public init(_ pattern: String) {
        scalars = Array(pattern.lowercased().unicodeScalars)
    }

    public func matches(_ text: String) -> Bool {
        let t = Array(text.lowercased().unicodeScalars)
        var p = 0, i = 0
        var star = -1, mark = 0
        while i < t.count {
            if p < scalars.count && (scalars[p] == "?" || scalars[p] == t[i]) {
                p += 1
                i += 1
            } else if p < scalars.count && scalars[p] == "*" {
                star = p
                mark = i
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                i = mark
            } else {
                return false
            }
        }
        while p < scalars.count && scalars[p] == "*" { p += 1 }
        return p == scalars.count
    }
}
