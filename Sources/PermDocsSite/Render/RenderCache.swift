import Foundation
import PermDocsAnalysis
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
    /// The whole last render, when it was in this process: what
    /// `SiteRenderer.renderChanges(since:cache:)` starts from.
    var previousRender: RenderedSite? { get }
}

extension RenderCache {
    /// Caches kept across processes hold no inputs.
    public func reusable(_ path: String, inputs: AnyHashable) -> (Fingerprint, Data)? { nil }
    /// Caches kept across processes hold no render.
    public var previousRender: RenderedSite? { nil }
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
    /// The analyzed site the files were drawn from, and the salt of their
    /// fingerprints (theme, binary, generator): what the next render in the
    /// process compares with (`PageChanges`).
    var source: AnalyzedSite?
    var salt: Fingerprint?
    /// The theme the files were rendered with (the next build reuses it while its files are the same).
    var theme: Theme?
    /// File path → its position in `files`, so a page can be replaced in place.
    var positions: [String: Int] = [:]
    /// True when only changed pages were rendered and every site-wide output
    /// was taken from the last render (`SiteRenderer.renderChanges`).
    public internal(set) var onlyPagesChanged = false
    /// With `onlyPagesChanged`, the paths whose bytes differ from the last render's.
    public internal(set) var changedPaths: [String] = []
}

/// A render cache in memory: the last render of this process (`serve`),
/// its pages reused by fingerprint, by inputs, or all at once
/// (`previousRender`).
public struct MemoryRenderCache: RenderCache {
    public let previousRender: RenderedSite?

    public init() {
        previousRender = nil
    }

    /// The cache holding `rendered`, the last render.
    public init(_ rendered: RenderedSite) {
        previousRender = rendered
    }

    /// The cache holding the pages among `files` that have a fingerprint, and
    /// the inputs of those that have them (a render without its analyzed site:
    /// pages are reused one by one).
    public init(files: [OutputFile], fingerprints: [String: Fingerprint], inputs: [String: AnyHashable] = [:]) {
        var rendered = RenderedSite(files: files, fingerprints: fingerprints, reused: 0, rendered: 0, inputs: inputs)
        rendered.positions = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        previousRender = rendered
    }

    public func reusable(_ path: String, fingerprint: Fingerprint) -> Data? {
        guard let rendered = previousRender, rendered.fingerprints[path] == fingerprint,
              let position = rendered.positions[path] else { return nil }
        return rendered.files[position].data
    }

    public func reusable(_ path: String, inputs: AnyHashable) -> (Fingerprint, Data)? {
        guard let rendered = previousRender, let stored = rendered.inputs[path], stored == inputs,
              let fingerprint = rendered.fingerprints[path], let position = rendered.positions[path] else { return nil }
        return (fingerprint, rendered.files[position].data)
    }
}
