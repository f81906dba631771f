/// What every check of one block needs: the block, and a way to turn a JSON
/// node's offset into the line and column of the guide where it was written.
import PermDocsCore

struct PolicyCheckContext {
    let block: PolicyBlock
    let policy: Policy

    /// The guide location of a scalar offset of the block's JSON text.
    func location(_ offset: Int) -> SourceLocation {
        block.textMap.location(at: offset)
    }

    /// True for trust policies: Principal required, Resource not allowed.
    var isTrust: Bool { block.kind == .trust }

    /// A finding tied to this block, so the site shows it beside the block.
    func finding(_ rule: FindingRule, _ message: String, at location: SourceLocation, fix: String? = nil, subject: String? = nil) -> Diagnostic {
        var d = rule.finding(message, at: location, fix: fix, subject: subject)
        d.block = block.reference
        d.blockKind = block.kind
        return d
    }
}
