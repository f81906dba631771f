import Foundation
import PermDocsCore

/// Pages of an earlier build that a new one may reuse: a page whose request
/// has the same fingerprint as when the cached bytes were rendered is not
/// rendered again. `serve` keeps one in memory; `permdocs build` reads one
/// from the output folder (`OutputCache`).
public protocol RenderCache {
    /// The bytes of the page at `path`, when they were rendered from a request
    /// with this fingerprint; nil otherwise (the page is then rendered).
    func reusable(_ path: String, fingerprint: Fingerprint) -> Data?
}

/// The render step's result: the files, and the fingerprint of each page
/// (for the next build's cache).
public struct RenderedSite {
    public var files: [OutputFile]
    /// Page path → fingerprint of its request (pages whose context could not be fingerprinted are absent).
    public var fingerprints: [String: Fingerprint]
    /// How many pages were reused from the cache instead of rendered.
    public var reused: Int
    /// How many pages were rendered.
    public var rendered: Int
}

/// A render cache in memory: the last build's pages with their fingerprints.
public struct MemoryRenderCache: RenderCache {
    private var pages: [String: (Fingerprint, Data)] = [:]

    public init() {}

    /// The cache holding the pages among `files` that have a fingerprint.
    public init(files: [OutputFile], fingerprints: [String: Fingerprint]) {
        let data = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        for (path, fingerprint) in fingerprints {
            if let bytes = data[path] { pages[path] = (fingerprint, bytes) }
        }
    }

    public func reusable(_ path: String, fingerprint: Fingerprint) -> Data? {
        guard let (stored, data) = pages[path], stored == fingerprint else { return nil }
        return data
    }
}
