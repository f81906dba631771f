/// The policies a tool's guide implies, combined: what to attach, in one
/// document per purpose. For a set of tools, their union.
///
/// - `required`: the statements of every identity policy and excerpt
///   (Allow and Deny), merged by `MergedPolicyDocument`'s rules. Excerpts that
///   repeat a fuller policy merge away.
/// - `optionalAddOns`: the statements of optional add-ons, on their own, so
///   that `required` never grants what the guide calls optional.
/// - `trustPolicies`: each trust policy as written; they say who may assume
///   a role and are never merged into a permissions policy.
/// - Statements that name a Principal are resource-policy statements (such
///   as a bucket policy shown in a guide); they cannot stand in an identity
///   policy and are listed in `resourcePolicyBlocks` instead.
///
/// The user's and the service role's statements both go into `required`
/// (it is everything the guide grants); `required(for:)` splits them.
import PermDocsCore
import PermDocsPolicy

public struct CombinedPolicy: Sendable {
    /// A trust policy of a guide.
    public struct TrustPolicy: Hashable, Sendable {
        public var block: BlockReference
        /// The policy pretty-printed by `JSONWriter`.
        public var json: String
    }

    /// The tools combined, in the order given.
    public let tools: [String]
    public let required: MergedPolicyDocument
    public let optionalAddOns: MergedPolicyDocument
    public let trustPolicies: [TrustPolicy]
    /// Blocks holding statements with a Principal, left out of the documents.
    public let resourcePolicyBlocks: [BlockReference]

    private let requiredSources: [(SourceStatement, PolicyBlock.Grantee)]
    private let catalog: ActionCatalog?

    /// The policy one tool's guide implies.
    public init(tool: AnalyzedTool, catalog: ActionCatalog?) {
        self.init(tools: [tool], catalog: catalog)
    }

    /// The union of the tools' policies, statements taken tool by tool in the
    /// order given, then in page and block order.
    public init(tools: [AnalyzedTool], catalog: ActionCatalog?) {
        var required: [(SourceStatement, PolicyBlock.Grantee)] = []
        var optional: [SourceStatement] = []
        var trust: [TrustPolicy] = []
        var resourceBlocks: [BlockReference] = []
        for tool in tools {
            for block in tool.blocks {
                guard let policy = block.policy else { continue }
                if block.kind == .trust {
                    trust.append(TrustPolicy(block: block.reference, json: JSONWriter.pretty(policy.node)))
                    continue
                }
                guard block.grantsPermissions else { continue }
                for (index, st) in policy.statements.enumerated() {
                    if st.principal != nil || st.notPrincipal != nil {
                        if !resourceBlocks.contains(block.reference) { resourceBlocks.append(block.reference) }
                        continue
                    }
                    let source = SourceStatement(statement: st, block: block.reference)
                    if block.isOptional(statementAt: index) { optional.append(source) } else { required.append((source, block.grantee)) }
                }
            }
        }
        self.tools = tools.map(\.slug)
        self.catalog = catalog
        requiredSources = required
        self.required = MergedPolicyDocument(merging: required.map(\.0), catalog: catalog)
        optionalAddOns = MergedPolicyDocument(merging: optional, catalog: catalog)
        trustPolicies = trust
        resourcePolicyBlocks = resourceBlocks
    }

    /// The union of the policies of the tools named by `slugs`, in the site's tool order.
    public init(site: AnalyzedSite, slugs: Set<String>, catalog: ActionCatalog?) {
        self.init(tools: site.tools.filter { slugs.contains($0.slug) }, catalog: catalog)
    }

    /// The required statements that go to one grantee: what to attach to the
    /// user, or to the tool's service role.
    public func required(for grantee: PolicyBlock.Grantee) -> MergedPolicyDocument {
        MergedPolicyDocument(merging: requiredSources.filter { $0.1 == grantee }.map(\.0), catalog: catalog)
    }
}
