import Foundation

/// Snapshots of past versions of tools, keyed by the version's content (see
/// `ToolVersion.key`), so that a rebuild analyzes only versions it has not
/// seen. `permdocs serve` keeps one for its run; `permdocs build` loads one
/// from the output folder (`HistoryCacheFile`) and writes back the entries
/// the build used, so versions that leave the window are forgotten.
///
/// A version that does not load (a guide that was broken at that commit) is
/// remembered as nil, so that it is not read again either.
public final class HistoryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: ToolSnapshot?]
    private var used: Set<String> = []
    /// Each entry's line as the cache file it was read from holds it (see
    /// `HistoryCacheFile`), so that writing the file back encodes only new entries.
    public var persisted: [String: String] = [:]
    /// Versions analyzed anew and versions reused by the last walk.
    public private(set) var lastAnalyzed = 0
    public private(set) var lastReused = 0

    public init(entries: [String: ToolSnapshot?] = [:]) {
        self.entries = entries
    }

    /// The snapshot kept for `key`: `.some(nil)` for a version that did not load, nil when unknown.
    func lookup(_ key: String) -> ToolSnapshot?? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key] else { return nil }
        used.insert(key)
        return .some(entry)
    }

    func store(_ key: String, _ snapshot: ToolSnapshot?) {
        lock.lock()
        defer { lock.unlock() }
        entries[key] = .some(snapshot)
        used.insert(key)
    }

    /// Starts a walk: forgets which entries the last one used.
    func beginWalk() {
        lock.lock()
        defer { lock.unlock() }
        used = []
    }

    func endWalk(analyzed: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        lastAnalyzed = analyzed
        lastReused = reused
    }

    /// The entries the last walk used, by key: what a persisted cache keeps.
    public var usedEntries: [String: ToolSnapshot?] {
        lock.lock()
        defer { lock.unlock() }
        var out: [String: ToolSnapshot?] = [:]
        for key in used { out[key] = entries[key] }
        return out
    }
}
