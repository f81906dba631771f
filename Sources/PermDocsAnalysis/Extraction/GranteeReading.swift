import PermDocsPolicy

/// Decides whether an identity policy, excerpt or optional add-on goes to the
/// user who runs the tool or to a role that a service or the tool's software
/// assumes, from the prose around it.
///
/// The texts are read in rings, nearest first (`rings`): the block's own
/// section (lead-in, the step after it, the paragraphs and steps before it),
/// its headings, the first paragraphs of the enclosing sections, the page
/// title and first paragraph. In each ring:
///
/// 1. the first text that names an attachment target decides: "add the
///    following policy to the IAM entity", "make sure the user has" (user);
///    "attach it to the role", `role-policy.json`, "this policy is attached to
///    the … role", "allows AWS DMS to" (role);
/// 2. else the first text that names only people (users, principals,
///    administrators) or only a kind of role that software assumes (execution
///    role, instance profile, service account, a `…ServiceRole` policy name;
///    in a heading, a role the section sets up: "Set up an IAM Role").
///
/// A target in a farther text of the same ring beats a mere mention in a
/// nearer one: "add the following statement to the permissions policy for
/// the IAM entity" decides even when the lead-in names the instance profile
/// being tagged. Failing every ring, a trust policy for a service or a web
/// identity in the same section, or a sibling section under the same
/// heading, makes it the role's; else it is the user's.
struct GranteeReading {
    /// Sections (file and heading chain) that hold a trust policy letting a
    /// service or a web identity (a Kubernetes service account) assume a role.
    var roleSections: Set<String>
    /// What each text says, read once: the blocks of a page share its title,
    /// first paragraph, headings and outer paragraphs, and each reading runs
    /// several patterns (NSRegularExpression copies the text to UTF-16 for
    /// each). Without it, reading grantees was a fifth of a corpus build.
    private let memo = Memo()

    private final class Memo {
        var targets: [String: PolicyBlock.Grantee?] = [:]
        var kinds: [String: PolicyBlock.Grantee?] = [:]
        var headingKinds: [String: PolicyBlock.Grantee?] = [:]
        var withoutNoise: [String: String] = [:]
        /// Texts read for a target that named none, kept to read their kind.
        var prepared: [String: PhraseText] = [:]
    }

    init(blocks: [PolicyBlock]) {
        var sections = Set<String>()
        for block in blocks where block.kind == .trust {
            let kinds = Set(block.policy?.statements.flatMap { $0.principal?.value.entries.map(\.kind.value) ?? [] } ?? [])
            guard kinds.contains("Service") || kinds.contains("Federated") else { continue }
            sections.insert(Self.section(block, dropping: 0))
            if block.context.headings.count >= 2 { sections.insert(Self.section(block, dropping: 1)) }
        }
        roleSections = sections
    }

    /// A key for the block's section, or its parent section when `n` is 1.
    static func section(_ block: PolicyBlock, dropping n: Int) -> String {
        ([block.file] + block.context.headings.dropLast(n)).joined(separator: "\u{1F}")
    }

    /// The position of the headings in `rings`.
    static let headingRing = 1

    /// The texts around a block in rings, nearest first: the block's own
    /// section (lead-in, the step after, the paragraphs before), its headings
    /// from the nearest out, the first paragraphs of the enclosing sections,
    /// then the page title and first paragraph. Phrases that name people and
    /// roles together are removed.
    static func rings(_ block: PolicyBlock) -> [[String]] {
        rings(block, withoutNoise: ContextPhrases.withoutNoise)
    }

    /// `rings(block)`, removing the noise with `withoutNoise`.
    static func rings(_ block: PolicyBlock, withoutNoise: (String) -> String) -> [[String]] {
        noisyRings(block).map { $0.map(withoutNoise) }
    }

    /// The rings with their noise still in.
    private static func noisyRings(_ block: PolicyBlock) -> [[String]] {
        let c = block.context
        let section = [c.leadIn, c.after].compactMap { $0 } + c.before.dropLast().reversed()
        return [section, c.headings.reversed(), c.outerParagraphs.reversed(), [c.pageTitle, c.pageIntro].compactMap { $0 }]
    }

    /// What a text says of the grantee by naming an attachment target.
    static func target(_ text: String) -> PolicyBlock.Grantee? {
        target(PhraseText(text))
    }

    static func target(_ text: PhraseText) -> PolicyBlock.Grantee? {
        if ContextPhrases.mentions(ContextPhrases.userTarget, text) { return .user }
        if ContextPhrases.mentions(ContextPhrases.roleTarget, text) { return .serviceRole }
        return nil
    }

    /// What a text says of the grantee by naming only people or only roles.
    /// In a heading, any role counts: a section is about setting it up.
    static func kind(_ text: String, isHeading: Bool = false) -> PolicyBlock.Grantee? {
        kind(PhraseText(text), isHeading: isHeading)
    }

    static func kind(_ text: PhraseText, isHeading: Bool = false) -> PolicyBlock.Grantee? {
        let role = ContextPhrases.mentions(ContextPhrases.roleKind, text) || ContextPhrases.mentions(ContextPhrases.roleName, text)
            || isHeading && ContextPhrases.mentions(ContextPhrases.roleHeading, text)
        let user = ContextPhrases.mentions(ContextPhrases.userKind, text)
        if role && !user { return .serviceRole }
        if user && !role { return .user }
        return nil
    }

    /// The grantee and the text that decided it (for reading disagreements).
    func decide(_ block: PolicyBlock) -> (grantee: PolicyBlock.Grantee, because: String) {
        decide(block, explaining: true)
    }

    /// The grantee; the reason only when `explaining` (finding the phrase
    /// that decided runs its pattern once more, for nothing in a build).
    private func decide(_ block: PolicyBlock, explaining: Bool) -> (grantee: PolicyBlock.Grantee, because: String) {
        // The noise is removed ring by ring: most blocks are decided by their own
        // section, and the farther rings' texts were cleaned for nothing.
        for (ring, noisy) in Self.noisyRings(block).enumerated() {
            var texts: [String] = []
            texts.reserveCapacity(noisy.count)
            for text in noisy.lazy.map(withoutNoise) {
                texts.append(text)
                if let g = target(text) {
                    guard explaining else { return (g, "") }
                    let phrase = ContextPhrases.match(g == .user ? ContextPhrases.userTarget : ContextPhrases.roleTarget, text) ?? ""
                    return (g, "target «\(phrase)» in: \(text)")
                }
            }
            for text in texts { if let g = kind(text, isHeading: ring == Self.headingRing) { return (g, explaining ? "named in: \(text)" : "") } }
        }
        if roleSections.contains(Self.section(block, dropping: 0))
            || block.context.headings.count >= 2 && roleSections.contains(Self.section(block, dropping: 1)) {
            return (.serviceRole, "a service's trust policy in the same or a sibling section")
        }
        return (.user, "default")
    }

    func grantee(of block: PolicyBlock) -> PolicyBlock.Grantee { decide(block, explaining: false).grantee }

    /// `ContextPhrases.withoutNoise(text)`, remembered: a page's blocks share
    /// most of their texts.
    private func withoutNoise(_ text: String) -> String {
        if let known = memo.withoutNoise[text] { return known }
        let found = ContextPhrases.withoutNoise(text)
        memo.withoutNoise[text] = found
        return found
    }

    /// `Self.target(text)`, remembered.
    private func target(_ text: String) -> PolicyBlock.Grantee? {
        if let known = memo.targets[text] { return known }
        let phraseText = PhraseText(text)
        let found = Self.target(phraseText)
        memo.targets[text] = .some(found)
        if found == nil { memo.prepared[text] = phraseText }
        return found
    }

    /// `Self.kind(text, isHeading:)`, remembered.
    private func kind(_ text: String, isHeading: Bool) -> PolicyBlock.Grantee? {
        if let known = isHeading ? memo.headingKinds[text] : memo.kinds[text] { return known }
        let found = Self.kind(memo.prepared[text] ?? PhraseText(text), isHeading: isHeading)
        if isHeading { memo.headingKinds[text] = .some(found) } else { memo.kinds[text] = .some(found) }
        return found
    }
}
