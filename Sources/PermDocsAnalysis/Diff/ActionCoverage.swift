/// How a tool reaches a catalog action that it does not have a row for: a
/// row exists only for actions some guide of that site names, so when one
/// side names `ec2:DescribeInstances` and the other has only `ec2:Describe*`,
/// the other side's state is worked out here from its pattern rows. This is
/// what keeps a new `ec2:Describe*` that covers what was named before from
/// reading as a hundred changes: the named actions show as "explicit → via
/// wildcard", the pattern as one addition.
///
/// Only wildcard patterns are matched, not NotAction statements (whose
/// coverage is "everything but"); and only catalog actions, as the
/// `ActionIndex` never lets a wildcard cover an action that does not exist.
import PermDocsPolicy

enum ActionCoverage {
    /// The state `tool` gives the known action `action` through its patterns, or nil when none covers it.
    static func state(of action: ActionState, id: ActionRow.ID, in tool: ToolSnapshot) -> ActionState? {
        guard id.kind == .action, action.isKnown else { return nil }
        let covering = tool.actions.filter { $0.key.kind == .pattern && ActionPattern($0.value.name).matches(action.name) }.map(\.value)
        guard !covering.isEmpty else { return nil }
        let allowing = covering.filter { $0.how != .denied }
        let required = allowing.filter { $0.how == .explicit }
        let how: ActionNeed.How
        let granting: [ActionState]
        if !required.isEmpty {
            (how, granting) = (.wildcard, required)
        } else if !allowing.isEmpty {
            (how, granting) = (.optional, allowing)
        } else {
            (how, granting) = (.denied, [])
        }
        let grantees = [PolicyBlock.Grantee.user, .serviceRole].filter { g in granting.contains { $0.grantees.contains(g) } }
        return ActionState(name: action.name, kind: .action, isKnown: true, how: how, grantees: grantees,
                           patterns: Array(Set(allowing.map(\.name))).sorted(), isDenied: covering.contains(where: \.isDenied),
                           isNamed: false)
    }
}
