/// A JSON policy, or policy statements, found in a guide.
public struct PolicyBlock: Hashable, Sendable {
    /// What the block is for, decided from its JSON and its context.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Permissions to attach to a user, group or role.
        case identity
        /// Who may assume a role (a Principal with `sts:AssumeRole`, no Resource).
        case trust
        /// Attached to a resource (a bucket, key, topic) and naming who may use it.
        case resource
        /// Statements shown on their own, often repeating a fuller policy of the same guide.
        case excerpt
        /// Statements the guide says to add only for some uses.
        case optionalAddOn = "optional"
        /// Meant as a policy but not valid JSON; its diagnostic says where.
        case unparsed

        public var label: String {
            switch self {
            case .identity: return "Identity policy"
            case .trust: return "Trust policy"
            case .resource: return "Resource policy"
            case .excerpt: return "Statement excerpt"
            case .optionalAddOn: return "Optional add-on"
            case .unparsed: return "Not valid JSON"
            }
        }
    }

    /// Who the permissions go to.
    public enum Grantee: String, Hashable, Sendable {
        /// The user (or their group or role) who runs the tool.
        case user
        /// A service role the tool assumes, such as `vmimport`.
        case serviceRole = "service-role"
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

    /// True when the block's actions count towards what the tool's user or role
    /// needs. Trust and resource policies say who may use a role or resource;
    /// they are shown apart.
    public var grantsPermissions: Bool {
        policy != nil && kind != .trust && kind != .resource && kind != .unparsed
    }

    public var reference: BlockReference { BlockReference(toolSlug: toolSlug, pageID: pageID, anchor: anchor) }
}

/// Names one block across the site.
public struct BlockReference: Hashable, Comparable, Sendable {
    public var toolSlug: String
    public var pageID: String
    public var anchor: String

    public static func < (a: BlockReference, b: BlockReference) -> Bool {
        (a.toolSlug, a.pageID, a.anchorNumber, a.anchor) < (b.toolSlug, b.pageID, b.anchorNumber, b.anchor)
    }

    private var anchorNumber: Int { Int(anchor.split(separator: "-").last ?? "") ?? 0 }
}
