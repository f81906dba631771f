import Foundation
import PermDocsCore
import PermDocsPolicy

/// One fingerprint of everything a build's output is made from: every file
/// the content loader may read (`site.yml` and the files under `tools/`, by
/// path and bytes), the theme (`Theme.fingerprint`: templates and assets), the
/// action catalog (its source, version, date and location), the generator
/// line and the permdocs binary (`BuildIdentity`, which also covers the
/// compiled-in catalog and risk data).
///
/// Two builds with the same input fingerprint produce the same files and the
/// same findings, so `permdocs build` can leave an output folder alone when
/// its `BuildRecord` holds this fingerprint (and the folder still holds what
/// was written). It is made from the raw bytes, before any parsing, so it is
/// cheap next to analysis: reading and hashing, nothing more.
public enum InputFingerprint {
    /// The fingerprint of `content` rendered with `theme` by this binary.
    /// Throws what the reader throws (a listing that fails): the build then
    /// runs in full and reports it as it always does.
    public static func of(content: any ContentReader, theme: Theme, catalog: ActionCatalog, generator: String,
                          concurrency: Int = ProcessInfoConcurrency.default) throws -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine("permdocs-input 3")
        hasher.combine(BuildIdentity.current)
        hasher.combine(generator)
        hasher.combine(theme.fingerprint)
        hasher.combine(catalog.source)
        hasher.combine(catalog.sourceDate)
        hasher.combine(catalog.location)
        // Every file under tools/ is listed (a new image changes nothing the
        // loader reads, but costs only a full build); the bytes of the ones the
        // loader reads are hashed.
        let paths = ["site.yml"].filter(content.fileExists) + (try content.files(under: "tools"))
        hasher.combine(UInt64(paths.count))
        // Reading and hashing 7,825 guides was one thread's 0.4 s: each file is
        // read and hashed on its own (in parallel), and the per-file hashes are
        // combined in path order, so the fingerprint does not depend on timing.
        let files = ParallelMap.map(paths, concurrency: concurrency) { path in
            Result { () -> Fingerprint? in
                guard path == "site.yml" || path.hasSuffix(".md") else { return nil }
                var file = FingerprintHasher()
                try content.read(path).withUnsafeBytes { file.combine($0) }
                return file.fingerprint
            }
        }
        for (path, outcome) in zip(paths, files) {
            hasher.combine(path)
            if let bytes = try outcome.get() { hasher.combine(bytes) }
        }
        return hasher.fingerprint
    }
}
