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
    /// The fingerprint and bytes of the page at `path`, when it was rendered
    /// from equal inputs (`ToolPageInputs`, in one process); nil otherwise.
    func reusable(_ path: String, inputs: AnyHashable) -> (Fingerprint, Data)?
}

extension RenderCache {
    /// Caches kept across processes hold no inputs.
    public func reusable(_ path: String, inputs: AnyHashable) -> (Fingerprint, Data)? { nil }
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
    /// Page path → its inputs, for pages that have them (`ToolPageInputs`).
    public var inputs: [String: AnyHashable] = [:]
}

/// A render cache in memory: the last build's pages with their fingerprints.
public struct MemoryRenderCache: RenderCache {
    private var pages: [String: (Fingerprint, Data)] = [:]
    private var inputs: [String: AnyHashable] = [:]

    public init() {}

    /// The cache holding the pages among `files` that have a fingerprint, and
    /// the inputs of those that have them.
    public init(files: [OutputFile], fingerprints: [String: Fingerprint], inputs: [String: AnyHashable] = [:]) {
        let data = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        for (path, fingerprint) in fingerprints {
            if let bytes = data[path] { pages[path] = (fingerprint, bytes) }
        }
        self.inputs = inputs.filter { pages[$0.key] != nil }
    }

    public func reusable(_ path: String, fingerprint: Fingerprint) -> Data? {
        guard let (stored, data) = pages[path], stored == fingerprint else { return nil }
        return data
    }

    public func reusable(_ path: String, inputs: AnyHashable) -> (Fingerprint, Data)? {
        guard let stored = self.inputs[path], stored == inputs else { return nil }
        return pages[path]
    }
}
