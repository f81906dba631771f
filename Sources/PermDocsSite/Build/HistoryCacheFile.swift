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
    static let header = "permdocs-history 1 \(PermDocsVersion.current)"

    /// The cache in `folder`, and why it was ignored when it was.
    public static func load(from folder: URL) -> (cache: HistoryCache, problem: String?) {
        let url = folder.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else { return (HistoryCache(), nil) }
        switch parse(data) {
        case .success(let entries): return (HistoryCache(entries: entries), nil)
        case .failure(let reason):
            return (HistoryCache(), "the history cache \(url.path) is \(reason) and was ignored; every past version is analyzed")
        }
    }

    private enum ParseResult {
        case success([String: ToolSnapshot?])
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
        var entries: [String: ToolSnapshot?] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return .failure("damaged (a line is not key and snapshot)") }
            if parts[1] == "-" {
                entries[String(parts[0])] = .some(nil)
                continue
            }
            guard let snapshot = try? PermissionSnapshot(permissionsJSON: Data(parts[1].utf8)), let tool = snapshot.tools.first else {
                return .failure("damaged (a snapshot does not read)")
            }
            entries[String(parts[0])] = .some(tool)
        }
        return .success(entries)
    }

    /// The cache file holding `entries`, in key order.
    public static func file(_ entries: [String: ToolSnapshot?]) -> OutputFile {
        var body = header + "\n"
        for (key, snapshot) in entries.sorted(by: { $0.key < $1.key }) {
            let value = snapshot.map { tool in
                ExportJSON.object(["format": .int(PermissionSnapshot.exportFormat), "tools": .array([SiteExports.json(tool)])]).compactText
            }
            body += key + "\t" + (value ?? "-") + "\n"
        }
        return OutputFile(path: fileName, text: body + "end \(entries.count) \(ContentHash.hex(Data(body.utf8)))\n")
    }
}
