import PermDocsCore
import Yams

/// What YAML aliases may do in front matter and `site.yml`, checked before
/// Yams expands them.
///
/// An alias stands for its anchor's whole node, so a few hundred bytes can
/// stand for a billion nodes. Two uses cost that much, and are refused at the
/// alias's line and column:
///
/// - **An alias in a mapping key.** Yams hashes every key of a mapping to find
///   duplicates, and hashing an alias walks all it stands for: after 30
///   anchors that each double the one before (700 bytes), `? *a29` took
///   minutes. permdocs' keys are names, written out; none needs an alias.
/// - **More than `expansionLimit` nodes reached through aliases** in the whole
///   text. permdocs reads every value it is given (a field's list, a tool
///   set's slugs), so 4,000 fields aliasing one 4,000-item list (50 KB) were
///   16 million items to read. An anchored tool list reused by a few tool sets
///   is a few hundred.
///
/// To see where the aliases stand without expanding them, the text is first
/// read with each `*name` turned into a plain scalar `\u{FDD0}name` (the same
/// number of characters, so every position is unchanged): what libyaml read
/// as an alias is now a plain scalar starting with the marker, in the same
/// place. No plain scalar can start with `*`, so a marker at the start of one
/// is always an alias; a `*` inside quotes, a comment, a block scalar or the
/// middle of a plain scalar becomes a marker in the middle of text, which
/// nothing reads.
enum YAMLAliases {
    /// The most nodes the aliases of one text may stand for, all together.
    static let expansionLimit = 100_000

    /// A noncharacter, reserved by Unicode for uses like this one; libyaml reads it as printable.
    static let marker = Unicode.Scalar(0xFDD0)!

    /// A node of the masked text that breaks the rules, and why.
    struct Problem {
        var node: Node
        var message: String
    }

    /// `text` with every `*` that could start an alias replaced by the marker,
    /// or nil when there is none (the usual case, read once).
    static func masked(_ text: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        var changed = false
        for i in scalars.indices.dropLast() where scalars[i] == "*" && isAnchorCharacter(scalars[i + 1]) {
            scalars[i] = marker
            changed = true
        }
        guard changed else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// The first problem of `root`, composed from a `masked` text: an alias in
    /// a key (or one whose plain scalar runs on past its name) first, in
    /// document order, then the alias past which the expansion exceeds the limit.
    ///
    /// Call it while the `Parser` that composed `root` is alive: Yams holds a
    /// node's anchor weakly, and the parser keeps the anchors.
    static func problem(in root: Node) -> Problem? {
        aliasInKey(root) ?? expansionPastLimit(root)
    }

    /// An alias whose plain scalar runs on past the name (`*a:b`, `{*a :b}`)
    /// is refused wherever it stands: libyaml ends an alias at the name, so
    /// the text after it is either a syntax error or, in a flow collection,
    /// makes the alias a key.
    private static func aliasInKey(_ root: Node) -> Problem? {
        func visit(_ node: Node, inKey: Bool) -> Problem? {
            switch node {
            case .scalar(let scalar):
                guard scalar.style == .plain, let alias = alias(scalar.string) else { return nil }
                if !alias.standsAlone {
                    return Problem(node: node, message: "an alias must be followed by a space, ',', ']' or '}' (*\(alias.name)…)")
                }
                return inKey ? Problem(node: node, message: "an alias cannot be a mapping key or part of one (*\(alias.name)); write the key out") : nil
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if let found = visit(key, inKey: true) ?? visit(value, inKey: inKey) { return found }
                }
                return nil
            case .sequence(let sequence):
                for item in sequence {
                    if let found = visit(item, inKey: inKey) { return found }
                }
                return nil
            default:
                return nil
            }
        }
        return visit(root, inKey: false)
    }

    /// Adds up, in document order, how many nodes each alias stands for (its
    /// anchor's node with the aliases inside it expanded); sizes saturate just
    /// past the limit, so a billion laughs counts in linear time.
    private static func expansionPastLimit(_ root: Node) -> Problem? {
        let cap = expansionLimit + 1
        var anchorSizes: [String: Int] = [:]  // the latest definition of each anchor, as an alias sees it
        var expanded = 0
        var problem: Problem?

        func size(_ node: Node) -> Int {
            guard problem == nil else { return 0 }
            var total = 1
            switch node {
            case .scalar(let scalar):
                if scalar.style == .plain, let alias = alias(scalar.string) {
                    let stands = anchorSizes[alias.name] ?? 1  // an undefined alias is Yams' error, reported later
                    expanded = min(expanded + stands, cap)
                    if expanded == cap {
                        problem = Problem(node: node, message: "aliases here stand for more than \(expansionLimit) values in all (at *\(alias.name)); write the values out")
                    }
                    return stands
                }
            case .mapping(let mapping):
                for (key, value) in mapping { total = min(total + size(key) + size(value), cap) }
            case .sequence(let sequence):
                for item in sequence { total = min(total + size(item), cap) }
            default:
                break
            }
            // The anchor is defined once its node is complete, as libyaml registers it.
            if let anchor = node.anchor { anchorSizes[anchor.rawValue] = total }
            return total
        }
        _ = size(root)
        return problem
    }

    /// For a plain scalar starting with the marker: the alias name and
    /// whether the scalar holds nothing else.
    private static func alias(_ text: String) -> (name: String, standsAlone: Bool)? {
        var scalars = text.unicodeScalars[...]
        guard scalars.first == marker else { return nil }
        scalars = scalars.dropFirst()
        let name = scalars.prefix(while: isAnchorCharacter)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: name)
        return (String(out), name.count == scalars.count)
    }

    /// The characters of an anchor or alias name, as libyaml reads them.
    private static func isAnchorCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "0"..."9", "A"..."Z", "a"..."z", "_", "-": return true
        default: return false
        }
    }

    /// `text` with the marker turned back into `*`, for Yams' messages about
    /// the masked text (a duplicate key names it as written).
    static func unmasked(_ text: String) -> String {
        guard text.unicodeScalars.contains(marker) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(s == marker ? "*" : s) }
        return String(out)
    }
}
