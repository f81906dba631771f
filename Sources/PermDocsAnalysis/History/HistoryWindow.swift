/// How far back the site's permission history goes (`history:` in
/// `site.yml`): the last `commits` commits that changed guides, commits since
/// a date, or both limits at once.
import PermDocsCore
import Yams

public struct HistoryWindow: Hashable, Sendable {
    /// At most this many commits that touched `tools/`, newest first.
    public var commits: Int?
    /// Only commits made on or after this day (`YYYY-MM-DD`, UTC).
    public var since: String?

    public init(commits: Int? = nil, since: String? = nil) {
        self.commits = commits
        self.since = since
    }

    /// The most commits a window may span: each is a `git ls-tree`, and a
    /// window meant as "everything" should say so with a date instead.
    public static let maximumCommits = 10_000

    /// `since` as seconds since 1970 (midnight UTC), for sources that filter themselves.
    public var sinceTime: Int64? {
        since.flatMap(Self.dayStart)
    }

    /// Reads `history:`: a number of commits (`history: 20`) or a mapping
    /// with `commits` and/or `since` (`history: {since: 2026-01-01}`).
    static func parse(_ node: Node, file: String) throws -> HistoryWindow {
        let usage = "'history' must be a number of commits (history: 20) or a mapping such as {since: 2026-01-01} or {commits: 50, since: 2026-01-01}"
        if let text = YAMLReading.text(node) {
            return HistoryWindow(commits: try commitCount(text, at: YAMLReading.location(of: node, file: file)))
        }
        guard let mapping = node.mapping else { throw PermDocsError(usage, at: YAMLReading.location(of: node, file: file)) }
        var window = HistoryWindow()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard let text = YAMLReading.text(value) else {
                throw PermDocsError("'\(key)' must be a single value", at: YAMLReading.location(of: value, file: file))
            }
            let here = YAMLReading.location(of: value, file: file)
            switch key {
            case "commits": window.commits = try commitCount(text, at: here)
            case "since":
                guard dayStart(text) != nil else {
                    throw PermDocsError("'since' must be a date written YYYY-MM-DD (such as 2026-01-01), not '\(text)'", at: here)
                }
                window.since = text
            default:
                throw PermDocsError("unknown key '\(key)' in 'history' (expected commits, since)", at: YAMLReading.location(of: keyNode, file: file))
            }
        }
        guard window.commits != nil || window.since != nil else { throw PermDocsError(usage, at: YAMLReading.location(of: node, file: file)) }
        return window
    }

    private static func commitCount(_ text: String, at location: SourceLocation) throws -> Int {
        guard let n = Int(text), n >= 1, n <= maximumCommits else {
            throw PermDocsError("'history' commits must be a whole number from 1 to \(maximumCommits), not '\(text)'", at: location)
        }
        return n
    }

    /// Midnight UTC of a `YYYY-MM-DD` day, in seconds since 1970; nil when it is not such a day.
    static func dayStart(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
              (1970...9999).contains(y), (1...12).contains(m), (1...CommitDate.daysIn(month: m, year: y)).contains(d) else { return nil }
        return CommitDate.days(year: y, month: m, day: d) * 86_400
    }
}
