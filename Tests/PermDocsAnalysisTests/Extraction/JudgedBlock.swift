import Foundation

/// One row of `Fixtures/Judged/judged-blocks.tsv`: a policy block of the
/// real-guide corpus whose kind and grantee were judged by reading the guide
/// (before the classifier was changed), with the one-line reason.
///
/// The set measures the classifier; it is not a list of special cases, so no
/// code may look a block up in it.
struct JudgedBlock {
    /// Page path under `../shared/corpus/guides` (the tool's repository first).
    var page: String
    /// Line where the block's text starts (as its figure caption says).
    var line: Int
    /// identity, trust, resource, excerpt, optional, not-aws or unparsed.
    var kind: String
    /// user, service-role, resource or none.
    var grantee: String
    var reason: String
    /// How the block was picked: `every-k` (every k-th block of the corpus) or
    /// `hard-case` (added for a pattern the issue names).
    var sampled: String

    /// The repository (tool) the page belongs to.
    var repository: String { String(page.prefix { $0 != "/" }) }

    /// The rows of a TSV with a header line; blank lines are skipped.
    static func rows(_ tsv: String) throws -> [JudgedBlock] {
        var rows: [JudgedBlock] = []
        for (n, line) in tsv.split(separator: "\n").enumerated().dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, let number = Int(f[1]) else {
                throw NSError(domain: "JudgedBlock", code: 1, userInfo: [NSLocalizedDescriptionKey: "line \(n + 1): expected 6 tab-separated fields"])
            }
            rows.append(JudgedBlock(page: f[0], line: number, kind: f[2], grantee: f[3], reason: f[4], sampled: f[5]))
        }
        return rows
    }
}
