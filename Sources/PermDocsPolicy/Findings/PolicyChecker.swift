/// Runs every check on a classified policy block: the grammar, the catalog,
/// and the risk rules. Each finding points at the offending value in the guide
/// and names its block, whose kind decides which rules apply.
import PermDocsCore

public struct PolicyChecker: Sendable {
    // Constants: `grantedRisks` remembers what the catalog and the risk data say.
    public let catalog: ActionCatalog
    public let risks: RiskRules
    /// The catalog's ARN formats as patterns (nil for a format that is no
    /// pattern), each read once for all blocks: every statement with ARNs asks
    /// for the formats of each of its actions' resource types, and a guide
    /// names the same few hundred types over and over (reading them was half
    /// of `resource-type-mismatch`'s time).
    let arnPatterns = LockedMemo<String, ARNPattern?>()
    /// What each wildcard action, as written, grants in the risk rules'
    /// eyes, worked out once for all blocks (see `GrantedRisks`).
    let grantedRisks = LockedMemo<String, GrantedRisks>()

    public init(catalog: ActionCatalog, risks: RiskRules) {
        self.catalog = catalog
        self.risks = risks
    }

    /// The checker with the bundled catalog and risk data.
    public static func bundled() throws -> PolicyChecker {
        PolicyChecker(catalog: try ActionCatalog.bundled(), risks: try RiskRules.bundled())
    }

    /// The findings of one block, in source order.
    ///
    /// An excerpt that repeats a fuller policy of its guide gets grammar
    /// findings only (its Sid, Version or keys may differ): the catalog and
    /// risk findings of its actions are the fuller policy's, reported there.
    /// Risk rules apply only to what the tool's user or role is granted: not to
    /// trust policies, and not to resource policies, where Resource "*" means
    /// the resource the policy is attached to.
    /// JSON that is not an AWS policy (`not-aws`) is not checked at all: its
    /// grammar and names are another language's.
    public func findings(for block: PolicyBlock) -> [Diagnostic] {
        guard let policy = block.policy, block.kind != .notAWS else { return [] }
        let context = PolicyCheckContext(block: block, policy: policy)
        var out = GrammarChecks(context: context).findings()
        out += AccountIDChecks(context: context).findings()
        if block.excerptOf != nil { return out.sortedForOutput() }
        out += CatalogChecks(context: context, catalog: catalog).findings()
        out += ResourceTypeChecks(context: context, catalog: catalog, arnPatterns: arnPatterns).findings()
        out += ConditionKeyApplicabilityChecks(context: context, catalog: catalog).findings()
        if block.kind != .trust && block.kind != .resource {
            out += RiskChecks(context: context, catalog: catalog, risks: risks, grantedRisks: grantedRisks).findings()
        }
        return out.sortedForOutput()
    }
}
