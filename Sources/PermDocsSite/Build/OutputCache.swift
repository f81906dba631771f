import Foundation
import PermDocsAnalysis
import PermDocsCore

/// The render cache `permdocs build` keeps in its output folder
/// (`.permdocs-cache`): for each page, the fingerprint of the request it was
/// rendered from. A later build reuses the page's file from the output folder
/// when its request's fingerprint is unchanged and the file still has the
/// bytes the writer's manifest records for it (a file edited by hand is
/// rendered again). The bytes' hashes are the manifest's, not made twice.
///
/// The file ends with a line holding the number of entries and a hash of
/// everything before it, so a truncated or altered cache is detected. A cache
/// that is missing (with an existing site), of another format or permdocs
/// version, truncated or damaged is reported once and ignored: the build is
/// then a clean one. Nothing in it is trusted beyond "these bytes were
/// rendered from this fingerprint", and those bytes are checked on reuse.
public struct OutputCache: RenderCache {
    /// The cache's name inside the output folder.
    public static let fileName = ".permdocs-cache"
    static let header = "permdocs-cache 3 \(PermDocsVersion.current)"

    private let folder: URL
    private let entries: [String: Fingerprint]
    /// Path → hash of the bytes the last build wrote (`OutputWriter`'s manifest).
    private let written: [String: String]

    /// What loading found: the cache, or why there is none to use (nil reason
    /// for a first build, where there is nothing to say).
    public struct Loaded {
        public var cache: OutputCache?
        public var problem: String?
    }

    /// Reads the cache of the site in `folder`.
    public static func load(from folder: URL) -> Loaded {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: folder.path) else { return Loaded(cache: nil, problem: nil) }
        guard let data = try? Data(contentsOf: url) else {
            return Loaded(cache: nil, problem: "no build cache in \(folder.path)/ (\(fileName)); every page is rendered")
        }
        switch parse(data) {
        case .success(let entries):
            return Loaded(cache: OutputCache(folder: folder, entries: entries, written: OutputWriter.manifest(in: folder)), problem: nil)
        case .failure(let reason): return Loaded(cache: nil, problem: "the build cache \(url.path) is \(reason) and was ignored; every page is rendered")
        }
    }

    private enum ParseResult {
        case success([String: Fingerprint])
        case failure(String)
    }

    private static func parse(_ data: Data) -> ParseResult {
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("permdocs-cache ") else { return .failure("not a permdocs cache") }
        guard text.hasSuffix("\n") else { return .failure("truncated") }
        var lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return .failure("truncated") }
        guard first == header else { return .failure("from another permdocs version (\(first.dropFirst("permdocs-cache ".count)))") }
        guard let last = lines.popLast(), last.hasPrefix("end ") else { return .failure("truncated") }
        let trailer = last.split(separator: " ")
        let body = lines.joined(separator: "\n") + "\n"
        guard trailer.count == 3, Int(trailer[1]) == lines.count - 1, trailer[2] == ContentHash.hex(Data(body.utf8)) else {
            return .failure("damaged (its checksum does not match)")
        }
        var entries: [String: Fingerprint] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let fingerprint = Fingerprint(hex: parts[0]) else {
                return .failure("damaged (a line is not fingerprint and path)")
            }
            entries[String(parts[1])] = fingerprint
        }
        return .success(entries)
    }

    /// The cache file for a build: its pages' fingerprints, in path order.
    public static func file(fingerprints: [String: Fingerprint]) -> OutputFile {
        var body = header + "\n"
        for (path, fingerprint) in fingerprints.sorted(by: { $0.key < $1.key }) {
            body += "\(fingerprint)\t\(path)\n"
        }
        let count = fingerprints.count
        return OutputFile(path: fileName, text: body + "end \(count) \(ContentHash.hex(Data(body.utf8)))\n")
    }

    public func reusable(_ path: String, fingerprint: Fingerprint) -> Data? {
        guard entries[path] == fingerprint, let hash = written[path],
              let data = try? Data(contentsOf: folder.appendingPathComponent(path)),
              ContentHash.hex(data) == hash else { return nil }
        return data
    }
}
