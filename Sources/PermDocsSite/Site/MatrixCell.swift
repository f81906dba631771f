/// What one matrix cell shows for how a tool needs a row: a symbol, a word
/// for screen readers (the symbol is `aria-hidden`), a one-letter state for
/// the row's `data-t` (read by `matrix.js`), and the block to link to.
import PermDocsAnalysis
import PermDocsCore

public struct MatrixCell: Equatable {
    /// `e` explicit for the user, `r` explicit for a service role only, `w` via wildcard or NotAction, `o` optional, `d` denied.
    public var state: Character
    public var symbol: String
    /// The visually hidden text, also the link's title: says the pattern for a wildcard.
    public var label: String
    public var block: BlockReference?

    /// The state letter of a tool that does not reach the row.
    public static let noneState: Character = "."

    public init(need: ActionNeed) {
        switch need.how {
        case .explicit:
            let named = need.requiredGrants.first { $0.isNamed }
            if need.onlyServiceRole {
                self.init(state: "r", symbol: "◆", label: "named, for its service role", block: named?.block)
            } else {
                self.init(state: "e", symbol: "●", label: "named explicitly", block: named?.block)
            }
        case .wildcard:
            let patterns = need.requiredWildcardPatterns
            let label = patterns.isEmpty ? "via a NotAction statement" : "via wildcard " + patterns.joined(separator: ", ")
            self.init(state: "w", symbol: "◐", label: label, block: need.requiredGrants.first?.block)
        case .optional:
            self.init(state: "o", symbol: "○", label: "only in an optional add-on", block: need.allowGrants.first?.block)
        case .denied:
            self.init(state: "d", symbol: "⊘", label: "denied", block: need.deniedBlocks.first)
        }
    }

    init(state: Character, symbol: String, label: String, block: BlockReference?) {
        self.state = state
        self.symbol = symbol
        self.label = label
        self.block = block
    }

    /// States that count as needing the row (a required Allow reaches it).
    public static let requiredStates: Set<Character> = ["e", "r", "w"]
}
