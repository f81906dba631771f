import PermDocsCore

/// A JSON policy, or policy statements, found in a guide.
public struct PolicyBlock: Hashable, Sendable {
    /// What the block is for (`BlockKind`, in Core so that diagnostics can name it).
    public typealias Kind = BlockKind

    /// Who the permissions go to.
    public enum Grantee: String, Hashable, Sendable, CaseIterable {
        /// The user (or their group or role) who runs the tool.
        case user
        /// A role a service or the tool's software assumes: a service role such
        /// as `vmimport`, an execution role, instance profile, task or node
        /// role, a Kubernetes service account's role.
        case serviceRole = "service-role"
        /// Nobody is granted anything by attaching it: a resource policy (bucket,
        /// key, queue, endpoint policy) names its principals itself.
        case resource
        /// Not a grant at all: a trust policy, JSON that is not an AWS policy,
        /// or text that did not parse. (Not named `none`, which an optional
        /// grantee would confuse with `Optional.none`.)
        case nobody = "none"

        /// The grantee a block of `kind` has whatever its context says: only
        /// identity policies, excerpts and optional add-ons go to a user or a
        /// role (nil for those).
        public static func fixed(for kind: Kind) -> Grantee? {
            switch kind {
            case .resource: return .resource
            case .trust, .notAWS, .unparsed: return .nobody
            case .identity, .excerpt, .optionalAddOn: return nil
            }
        }
    }

    /// Where in the page the block was written.
    public enum Origin: String, Hashable, Sendable {
        case codeBlock = "code block"
        case tableCell = "table cell"
        case htmlPre = "HTML <pre>"
        case embedded = "embedded in code"
    }

    /// Anchor on its page, unique there (`policy-3`).
    public var anchor: String
    public var toolSlug: String
    /// Page path relative to the content folder.
    public var file: String
    public var pageID: String
    /// Where the block's text starts.
    public var location: SourceLocation
    public var origin: Origin
    /// Key of the node that holds the block on its page (see `PolicyCandidate.originKey`).
    public var originKey: SourcePosition
    /// The heading the block stands under, and that heading's id.
    public var heading: String?
    public var headingID: String?
    /// The paragraph before the block that introduces it.
    public var leadIn: String?
    /// The prose around the block: page title, heading chain, the paragraphs
    /// and steps before and after it.
    public var context: BlockContext = BlockContext()
    /// The JSON text as read (escapes resolved, no-break spaces made spaces).
    public var text: String
    public var policy: Policy?
    /// For a code block, its literal as written (what its figure shows); nil otherwise.
    public var displayCode: String?
    /// The text with each scalar's place in the file, so that a check can point
    /// at any node of the policy (JSON node offsets index into it). Empty when
    /// the text did not parse.
    public var textMap: MappedText = MappedText(file: "")
    /// Set when the text is not valid JSON.
    public var syntaxError: Diagnostic?
    public var kind: Kind
    public var grantee: Grantee
    /// For an excerpt that repeats a fuller policy: that policy's page and anchor.
    public var excerptOf: BlockReference?
    /// The statements (by index) the guide says are optional when it says so
    /// of single statements rather than of the block ("the `AllowKMS`
    /// statement is optional"); empty for an optional add-on, all optional.
    public var optionalStatements: Set<Int> = []

    public init(anchor: String, toolSlug: String, file: String, pageID: String,
                location: SourceLocation, origin: Origin, originKey: SourcePosition,
                heading: String?, headingID: String?, leadIn: String?,
                text: String, policy: Policy?, displayCode: String? = nil,
                textMap: MappedText = MappedText(file: ""), syntaxError: Diagnostic?,
                kind: Kind, grantee: Grantee, excerptOf: BlockReference?) {
        self.anchor = anchor
        self.toolSlug = toolSlug
        self.file = file
        self.pageID = pageID
        self.location = location
        self.origin = origin
        self.originKey = originKey
        self.heading = heading
        self.headingID = headingID
        self.leadIn = leadIn
        self.text = text
        self.policy = policy
        self.displayCode = displayCode
        self.textMap = textMap
        self.syntaxError = syntaxError
        self.kind = kind
        self.grantee = grantee
        self.excerptOf = excerptOf
    }

    /// True when the block's actions count towards what the tool's user or role
    /// needs. Trust and resource policies say who may use a role or resource;
    /// they are shown apart. JSON that is not an AWS policy names no AWS action.
    public var grantsPermissions: Bool {
        policy != nil && Grantee.fixed(for: kind) == nil
    }

    /// True when the statement at `index` is needed only for some uses: the
    /// block is an optional add-on, or the guide says so of that statement.
    public func isOptional(statementAt index: Int) -> Bool {
        kind == .optionalAddOn || optionalStatements.contains(index)
    }

    public var reference: BlockReference { BlockReference(toolSlug: toolSlug, pageID: pageID, anchor: anchor) }
}
