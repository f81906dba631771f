import PermDocsCore

/// What one page shows, before the theme turns it into HTML: the template
/// to render and its page model (`IndexPage`, `ToolPage`, …), encoded once
/// into the tree the template engine reads (`TemplateEncoder`). The
/// fingerprint of a request (with the theme's) decides whether an earlier
/// build's file can be reused, so everything the page shows must be in its model.
public struct PageRequest {
    public var template: String
    /// The page model as the templates read it.
    let model: TemplateValue
    /// A context given as it is (tests of the fingerprint), rendered by swift-mustache.
    let rawContext: [String: Any]?
    /// The model's fingerprint, taken while it was encoded (nil for a context given as it is).
    let modelFingerprint: Fingerprint?

    init<Page: Encodable>(template: String, page: Page) {
        self.template = template
        let encoded = TemplateEncoder.encode(page)
        model = encoded.tree
        rawContext = nil
        modelFingerprint = encoded.fingerprint
    }

    /// A request over an encoded tree as it is (for tests of the fingerprint).
    init(template: String, context: [String: Any]) {
        self.template = template
        model = .null
        rawContext = context
        modelFingerprint = nil
    }

    /// The page model as swift-mustache reads it.
    var context: [String: Any] {
        rawContext ?? model.any as? [String: Any] ?? [:]
    }

    /// The request's fingerprint under `salt` (the theme's and the build's);
    /// nil when the model holds a value the hasher cannot fingerprint.
    public func fingerprint(salt: Fingerprint) -> Fingerprint? {
        var hasher = FingerprintHasher()
        hasher.combine(salt)
        hasher.combine(template)
        if let modelFingerprint {
            hasher.combine(modelFingerprint)
        } else {
            hasher.combine(any: context)
        }
        return hasher.unknownValues == 0 ? hasher.fingerprint : nil
    }
}

/// One unit of the render step: a themed page (fingerprinted, reusable) or
/// files made without the theme's templates (data, policies, sets), always made.
enum RenderJob {
    case page(path: String, request: () -> PageRequest)
    /// A page that can also be reused by its inputs, compared by value
    /// (`ToolPageInputs`), without making its request.
    case keyedPage(path: String, inputs: AnyHashable, request: () -> PageRequest)
    case files(() -> [OutputFile])
}
