/// Which findings a change adds and which it resolves. Findings are matched
/// by rule id, tool, page and the value they concern (see `FindingRecord`),
/// never by line or column: moving a policy down a page is not a change.
/// Several findings with the same key (two `empty-condition`s on one page)
/// are matched by count.
import PermDocsCore

enum FindingMatch {
    /// Findings of `target` with no counterpart in `base` (new), and of
    /// `base` with none in `target` (resolved), each sorted most severe first.
    static func compare(base: [FindingRecord], target: [FindingRecord]) -> (new: [FindingRecord], resolved: [FindingRecord]) {
        (sorted(unmatched(target, against: base)), sorted(unmatched(base, against: target)))
    }

    private static func unmatched(_ records: [FindingRecord], against others: [FindingRecord]) -> [FindingRecord] {
        var available: [[String]: Int] = [:]
        for r in others { available[r.matchKey, default: 0] += 1 }
        return records.filter { r in
            guard let n = available[r.matchKey], n > 0 else { return true }
            available[r.matchKey] = n - 1
            return false
        }
    }

    /// Most severe first, then by id, page, value and place.
    static func sorted(_ records: [FindingRecord]) -> [FindingRecord] {
        records.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.matchKey != b.matchKey { return a.matchKey.lexicographicallyPrecedes(b.matchKey) }
            return a.location < b.location
        }
    }
}
