import Foundation
import PermDocsPolicy

/// Finds the statements of a block that the guide says are optional, when it
/// says so of one statement and not of the block: "The `AllowKMS` statement is
/// optional", "the `route53:ListHostedZonesByName` statement can be removed if
/// you specify the hosted zone", "the second statement is only needed when…".
/// Such a sentence names a statement by its Sid, by an action only it grants,
/// or by its place; the rest of the policy stays required.
enum OptionalStatements {
    /// A sentence that says something may be left out.
    static let marker = ContextPhrases.pattern(#"\boptional(ly)?\b|\b(can|may) (safely )?be (removed|omitted|left out|dropped|skipped)\b|\bonly (needed|required|necessary) (if|when|for)\b|\bnot (needed|required|necessary) (if|unless|when)\b|\bremove (it|this|them|these)? ?if you (do not|don't)\b"#)
    static let ordinals = ["first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4]
    static let ordinalStatement = ContextPhrases.pattern(#"\b(first|second|third|fourth|fifth|last) statement\b"#)

    /// The sentences of `text` (split after `.`, `!` or `?` and a space).
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previous: Character = " "
        for c in text {
            if c == " " && (previous == "." || previous == "!" || previous == "?") {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The indices of the statements `sentence` names, or empty.
    static func named(in sentence: String, policy: Policy) -> Set<Int> {
        var out = Set<Int>()
        for (i, st) in policy.statements.enumerated() {
            if let sid = st.sid?.value, sid.count >= 3, sentence.contains(sid) { out.insert(i) }
        }
        // An action named in the sentence that only some statements grant.
        let lower = sentence.lowercased()
        for (i, st) in policy.statements.enumerated() {
            let names = (st.actions ?? []).map { $0.value.written.lowercased() }.filter { $0.contains(":") && !$0.hasSuffix("*") }
            let elsewhere = Set(policy.statements.enumerated().filter { $0.offset != i }.flatMap { ($0.element.actions ?? []).map { $0.value.written.lowercased() } })
            if names.contains(where: { lower.contains($0) && !elsewhere.contains($0) }) { out.insert(i) }
        }
        if let m = ordinalStatement.regex.firstMatch(in: sentence, range: NSRange(sentence.startIndex..., in: sentence)),
           let r = Range(m.range(at: 1), in: sentence) {
            let word = sentence[r].lowercased()
            if word == "last" { if !policy.statements.isEmpty { out.insert(policy.statements.count - 1) } }
            else if let k = ordinals[word], k < policy.statements.count { out.insert(k) }
        }
        return out
    }

    /// The optional statements of `block` (by index) and the sentences of its
    /// lead-in left once those that speak of single statements are removed.
    static func read(_ block: PolicyBlock) -> (indices: Set<Int>, leadIn: String?) {
        guard let policy = block.policy, policy.statements.count > 1 else { return ([], block.context.leadIn ?? block.leadIn) }
        var indices = Set<Int>()
        var rest: [String] = []
        let lead = block.context.leadIn ?? block.leadIn
        for (text, isLead) in [(lead, true), (block.context.after, false)] {
            guard let text else { continue }
            for sentence in sentences(text) {
                let names = ContextPhrases.mentions(marker, sentence) ? named(in: sentence, policy: policy) : []
                if !names.isEmpty && names.count < policy.statements.count {
                    indices.formUnion(names)
                } else if isLead {
                    rest.append(sentence)
                }
            }
        }
        return (indices, lead == nil ? nil : rest.joined(separator: " "))
    }
}
