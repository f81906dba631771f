import Foundation
import PermDocsAnalysis
import PermDocsCore

/// The history cache `permdocs build` keeps in its output folder
/// (`.permdocs-history`, written only with `history:`): per past version of a
/// tool, its snapshot as `data/permissions.json` writes a tool (`-` for a
/// version that did not load), keyed by the version's content
/// (`HistoryWalk`). A warm build then analyzes only versions it has not seen.
///
/// Validated as `OutputCache` is: a header with the format and the permdocs
/// version, a last line with the entry count and a hash of the rest. A cache
/// that is truncated, damaged or of another version is reported once and
/// ignored (every version in the window is analyzed again); a missing one is
/// not worth a word (the first build with `history:`).
public enum HistoryCacheFile {
    public static let fileName = ".permdocs-history"
    static let header = "permdocs-history 2 \(PermDocsVersion.current)"

    /// The cache in `folder`, and why it was ignored when it was.
    public static func load(from folder: URL) -> (cache: HistoryCache, problem: String?) {
        let url = folder.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else { return (HistoryCache(), nil) }
        switch parse(data) {
        case .success(let entries, let lines):
            let cache = HistoryCache(entries: entries)
            cache.persisted = lines
            return (cache, nil)
        case .failure(let reason):
            return (HistoryCache(), "the history cache \(url.path) is \(reason) and was ignored; every past version is analyzed")
        }
    }

    private enum ParseResult {
        /// The entries, and each one's value as written.
        case success([String: ToolSnapshot?], [String: String])
        case failure(String)
    }

    private static func parse(_ data: Data) -> ParseResult {
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("permdocs-history ") else { return .failure("not a permdocs history cache") }
        guard text.hasSuffix("\n") else { return .failure("truncated") }
        var lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first == header else {
            return .failure("from another permdocs version (\(lines.first?.dropFirst("permdocs-history ".count) ?? ""))")
        }
        guard let last = lines.popLast(), last.hasPrefix("end ") else { return .failure("truncated") }
        let trailer = last.split(separator: " ")
        let body = lines.joined(separator: "\n") + "\n"
        guard trailer.count == 3, Int(trailer[1]) == lines.count - 1, trailer[2] == ContentHash.hex(Data(body.utf8)) else {
            return .failure("damaged (its checksum does not match)")
        }
        var pairs: [(key: String, value: String)] = []
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return .failure("damaged (a line is not key and snapshot)") }
            pairs.append((String(parts[0]), String(parts[1])))
        }
        // Decoding is most of a warm build's history step: in parallel.
        let decoded = ParallelMap.map(pairs, concurrency: ProcessInfoConcurrency.default) { pair -> ToolSnapshot?? in
            if pair.value == "-" { return .some(nil) }
            guard let snapshot = try? PermissionSnapshot(permissionsJSON: Data(pair.value.utf8)), let tool = snapshot.tools.first else { return nil }
            return .some(tool)
        }
        var entries: [String: ToolSnapshot?] = [:]
        for (pair, snapshot) in zip(pairs, decoded) {
            guard let snapshot else { return .failure("damaged (a snapshot does not read)") }
            entries[pair.key] = snapshot
        }
        return .success(entries, Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
    }

    /// The cache file holding `entries`, in key order; an entry whose line
    /// `persisted` holds (as read from the last file) is written as it was read.
    public static func file(_ entries: [String: ToolSnapshot?], persisted: [String: String] = [:]) -> OutputFile {
        var body = header + "\n"
        for (key, snapshot) in entries.sorted(by: { $0.key < $1.key }) {
            let value = persisted[key] ?? snapshot.map { tool in
                ExportJSON.object(["format": .int(PermissionSnapshot.exportFormat), "tools": .array([SiteExports.json(tool)])]).compactText
            } ?? "-"
            body += key + "\t" + value + "\n"
        }
        return OutputFile(path: fileName, text: body + "end \(entries.count) \(ContentHash.hex(Data(body.utf8)))\n")
    }
}
