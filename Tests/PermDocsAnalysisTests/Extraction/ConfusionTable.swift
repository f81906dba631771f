/// Counts of (expected, actual) labels, printed as a table whose rows are what
/// was expected and whose columns are what permdocs said, so that a test's log
/// shows where the classifier goes wrong, not only how often.
struct ConfusionTable {
    var title: String
    /// Labels in the order to print them; others are appended as they appear.
    var labels: [String]
    private(set) var counts: [String: [String: Int]] = [:]

    init(title: String, labels: [String]) {
        self.title = title
        self.labels = labels
    }

    mutating func add(expected: String, actual: String) {
        counts[expected, default: [:]][actual, default: 0] += 1
        for label in [expected, actual] where !labels.contains(label) { labels.append(label) }
    }

    /// The table as fixed-width text; only labels that occur get a row or column.
    var text: String {
        let used = labels.filter { l in counts[l] != nil || counts.values.contains { $0[l] != nil } }
        let width = max(12, (used.map(\.count).max() ?? 0) + 1)
        func pad(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var out = "\(title) (rows: judged, columns: permdocs)\n" + pad("") + used.map(pad).joined() + "\n"
        for e in used where counts[e] != nil {
            out += pad(e) + used.map { pad(String(counts[e]?[$0] ?? 0)) }.joined() + "\n"
        }
        return out
    }
}
