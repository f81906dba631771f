/// What every check of one block needs: the block, and a way to turn a JSON
/// node's offset into the line and column of the guide where it was written.
///
/// A class, made once per block: each rule set holds the context and each
/// of their per-statement closures captures it, and as a struct every one
/// of those copies retained and released each of the block's many fields
/// (copying and destroying `PolicyBlock` was a fifth of the checker's time).
import PermDocsCore

final class PolicyCheckContext {
    let block: PolicyBlock
    let policy: Policy
    /// The block's reference, which every finding carries.
    private let reference: BlockReference

    init(block: PolicyBlock, policy: Policy) {
        self.block = block
        self.policy = policy
        reference = block.reference
    }

    /// The guide location of a scalar offset of the block's JSON text.
    func location(_ offset: Int) -> SourceLocation {
        block.textMap.location(at: offset)
    }

    /// True for trust policies: Principal required, Resource not allowed.
    var isTrust: Bool { block.kind == .trust }

    /// A finding tied to this block, so the site shows it beside the block.
    func finding(_ rule: FindingRule, _ message: String, at location: SourceLocation, fix: String? = nil, subject: String? = nil) -> Diagnostic {
        var d = rule.finding(message, at: location, fix: fix, subject: subject)
        d.block = reference
        d.blockKind = block.kind
        return d
    }
}
