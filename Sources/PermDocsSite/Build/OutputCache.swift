import Foundation
import PermDocsAnalysis
import PermDocsCore

/// The render cache `permdocs build` keeps in its output folder
/// (`.permdocs-cache`): for each page, the fingerprint of the request it was
/// rendered from and the hash of its bytes. A later build reuses the page's
/// file from the output folder when its request's fingerprint is unchanged
/// and the file still has those bytes (a file edited by hand is rendered again).
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
    static let header = "permdocs-cache 1 \(PermDocsVersion.current)"

    private let folder: URL
    private let entries: [String: (fingerprint: Fingerprint, content: String)]

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
        case .success(let entries): return Loaded(cache: OutputCache(folder: folder, entries: entries), problem: nil)
        case .failure(let reason): return Loaded(cache: nil, problem: "the build cache \(url.path) is \(reason) and was ignored; every page is rendered")
        }
    }

    private enum ParseResult {
        case success([String: (fingerprint: Fingerprint, content: String)])
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
        var entries: [String: (fingerprint: Fingerprint, content: String)] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 2)
            guard parts.count == 3, let fingerprint = Fingerprint(hex: parts[0]), parts[1].utf8.count == 32 else {
                return .failure("damaged (a line is not fingerprint, hash and path)")
            }
            entries[String(parts[2])] = (fingerprint, String(parts[1]))
        }
        return .success(entries)
    }

    /// The cache file for a build: its pages' fingerprints and their bytes' hashes, in path order.
    public static func file(for site: RenderedSite) -> OutputFile {
        var body = header + "\n"
        var count = 0
        for file in site.files {
            guard let fingerprint = site.fingerprints[file.path] else { continue }
            body += "\(fingerprint)\t\(ContentHash.hex(file.data))\t\(file.path)\n"
            count += 1
        }
        return OutputFile(path: fileName, text: body + "end \(count) \(ContentHash.hex(Data(body.utf8)))\n")
    }

    public func reusable(_ path: String, fingerprint: Fingerprint) -> Data? {
        guard let entry = entries[path], entry.fingerprint == fingerprint,
              let data = try? Data(contentsOf: folder.appendingPathComponent(path)),
              ContentHash.hex(data) == entry.content else { return nil }
        return data
    }
}
