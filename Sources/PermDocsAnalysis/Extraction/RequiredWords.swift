/// The words a regular expression cannot match without, per branch: every
/// match holds, for some top-level branch, one word of each of that branch's
/// clauses. `\b(attach|add)\w* (it )?to the roles?\b` gives one branch with
/// the clauses {attach, add}, {" to the role"}; `\busers?\b|\bgroups?\b` two
/// branches, {user} and {group}.
///
/// Read from the pattern's text by a small parser that knows only what the
/// guide phrases use (literals, escapes, classes, groups, lookarounds,
/// quantifiers). Anything it does not know, and any top-level branch without
/// a clause, gives `nil`: the pattern must then always be run. It errs only
/// that way: a word is required only if it stands outside every optional
/// part, and a group's clause is the union of one clause of each of its
/// branches.
enum RequiredWords {
    /// One clause: a match holds at least one of its words.
    typealias Clause = Set<String>

    /// The branches of `pattern`, each a list of clauses that all hold,
    /// lowercased when `caseInsensitive`; `nil` when some match may hold none
    /// of them (or the pattern is not understood).
    static func of(_ pattern: String, caseInsensitive: Bool) -> [[Clause]]? {
        var parser = Parser(pattern: Array(pattern.unicodeScalars))
        let branches = parser.alternation()
        guard !parser.failed, parser.position == parser.pattern.count, !branches.contains(where: \.isEmpty) else { return nil }
        return branches.map { clauses in clauses.map { caseInsensitive ? Set($0.map { $0.lowercased() }) : $0 } }
    }

    private struct Parser {
        let pattern: [Unicode.Scalar]
        var position = 0
        var failed = false

        /// Branches separated by `|` up to a `)` or the end, each with its clauses.
        mutating func alternation() -> [[Clause]] {
            var branches: [[Clause]] = []
            while true {
                branches.append(sequence())
                guard !failed, position < pattern.count, pattern[position] == "|" else { return branches }
                position += 1
            }
        }

        /// One branch: its literal runs and mandatory groups, each a clause.
        mutating func sequence() -> [Clause] {
            var clauses: [Clause] = []
            var run = ""
            func offer(_ words: Clause?) {
                guard let words, !words.isEmpty, !words.contains("") else { return }
                clauses.append(words)
            }
            func endRun() {
                if !run.isEmpty { offer([run]) }
                run = ""
            }
            while position < pattern.count && !failed {
                let c = pattern[position]
                switch c {
                case "|", ")":
                    endRun()
                    return clauses
                case "(":
                    endRun()
                    position += 1
                    var lookaround = false
                    if peek("?") {
                        if peek("?:") { position += 2 } else if peek("?!") || peek("?=") { position += 2; lookaround = true } else if peek("?<!") || peek("?<=") { position += 3; lookaround = true } else { failed = true; return [] }
                    }
                    let inner = alternation()
                    guard peek(")") else { failed = true; return [] }
                    position += 1
                    let optional = quantifier()
                    // The group's clause: one word of the strongest clause of each branch.
                    if !lookaround && !optional && !inner.contains(where: \.isEmpty) {
                        offer(inner.reduce(into: Clause()) { $0.formUnion($1.max { Self.strength($0) < Self.strength($1) }!) })
                    }
                case "[":
                    endRun()
                    skipClass()
                    _ = quantifier()
                case "\\":
                    guard position + 1 < pattern.count else { failed = true; return [] }
                    let e = pattern[position + 1]
                    position += 2
                    if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                        // A class or an assertion (\b, \w, \s); anything longer (\u, \p, \Q) is not understood.
                        guard "bBwWsSdD".unicodeScalars.contains(e) else { failed = true; return [] }
                        endRun()
                        _ = quantifier()
                    } else {
                        let (keep, ends) = literal(e)
                        if keep { run.unicodeScalars.append(e) }
                        if ends { endRun() }
                    }
                case ".", "^", "$":
                    endRun()
                    position += 1
                    _ = quantifier()
                case "?", "*", "+", "{":
                    failed = true  // a quantifier with nothing before it
                    return []
                default:
                    position += 1
                    let (keep, ends) = literal(c)
                    if keep { run.unicodeScalars.append(c) }
                    if ends { endRun() }
                }
            }
            endRun()
            return clauses
        }

        /// A literal character: kept in the run unless a quantifier makes it
        /// optional. Only ASCII is kept (non-ASCII ends the run). Returns whether to keep it, and whether the run ends after it.
        mutating func literal(_ c: Unicode.Scalar) -> (keep: Bool, endsRun: Bool) {
            let before = position
            let optional = quantifier()
            // After a repeat (`a+`) the next character need not follow this one directly.
            return (c.isASCII && !optional, !c.isASCII || position != before)
        }

        /// Skips a quantifier after an element; true when it allows zero.
        mutating func quantifier() -> Bool {
            guard position < pattern.count else { return false }
            var optional: Bool
            switch pattern[position] {
            case "?", "*": optional = true; position += 1
            case "+": optional = false; position += 1
            case "{":
                // Any bounded repeat counts as optional (conservative).
                guard let close = pattern[position...].firstIndex(of: "}") else { failed = true; return false }
                optional = true
                position = close + 1
            default: return false
            }
            if position < pattern.count, pattern[position] == "?" || pattern[position] == "+" { position += 1 }  // lazy, possessive
            return optional
        }

        /// Skips `[...]`, escapes included; nested sets are not understood.
        mutating func skipClass() {
            position += 1
            if peek("^") { position += 1 }
            if peek("]") { position += 1 }
            while position < pattern.count {
                switch pattern[position] {
                case "\\": position += 2
                case "[": failed = true; return
                case "]": position += 1; return
                default: position += 1
                }
            }
            failed = true
        }

        func peek(_ s: String) -> Bool {
            let scalars = Array(s.unicodeScalars)
            return position + scalars.count <= pattern.count && Array(pattern[position..<position + scalars.count]) == scalars
        }

        static func strength(_ words: Set<String>) -> Int { words.map(\.utf8.count).min() ?? 0 }
    }
}
