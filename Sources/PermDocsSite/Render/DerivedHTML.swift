import Mustache
import PermDocsMarkdown

/// HTML made from a source text by a pure function (the JSON highlighter),
/// made only when a page is rendered. Its fingerprint is its kind and source,
/// so a page reused from the render cache never pays for it. The function's
/// own code is covered by the render salt's build identity (`BuildIdentity`).
public struct DerivedHTML: MustacheCustomRenderable, FingerprintSource, Encodable {
    public enum Kind: String, Sendable {
        /// `JSONHighlighter.html`: a policy's JSON with its tokens in spans.
        case highlightedJSON
    }

    public let kind: Kind
    public let source: String

    public init(_ kind: Kind, source: String) {
        self.kind = kind
        self.source = source
    }

    public var renderText: String {
        switch kind {
        case .highlightedJSON: return JSONHighlighter.html(source)
        }
    }

    public var isNull: Bool { false }

    /// Its kind and source (the template engine reads the value itself, see `TemplateEncoder`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(kind.rawValue)
        try container.encode(source)
    }

    public func fingerprint(into hasher: inout FingerprintHasher) {
        hasher.combine(kind.rawValue)
        hasher.combine(source)
    }
}
