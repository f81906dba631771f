import Foundation
import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport

final class PhrasePatternTests: XCTestCase {
    /// Every phrase pattern the classifier reads prose with.
    static let phrases: [(String, PhrasePattern)] = [
        ("roleTarget", ContextPhrases.roleTarget), ("roleKind", ContextPhrases.roleKind), ("roleName", ContextPhrases.roleName),
        ("roleHeading", ContextPhrases.roleHeading), ("userTarget", ContextPhrases.userTarget), ("userKind", ContextPhrases.userKind),
        ("noise", ContextPhrases.noise), ("optional", ContextPhrases.optional), ("optionalInProse", ContextPhrases.optionalInProse),
        ("optionalElement", ContextPhrases.optionalElement), ("excerptEvidence", ContextPhrases.excerptEvidence),
        ("resourcePolicy", ContextPhrases.resourcePolicy), ("identityAttachment", ContextPhrases.identityAttachment),
        ("marker", OptionalStatements.marker), ("ordinalStatement", OptionalStatements.ordinalStatement),
    ]

    func testRequiredWordsStandOutsideOptionalParts() {
        XCTAssertEqual(RequiredWords.of(#"\b(IAM )?roles?\b"#, caseInsensitive: true), [[["role"]]])
        XCTAssertEqual(RequiredWords.of(#"\busers?\b|\bGroups?\b"#, caseInsensitive: true), [[["user"]], [["group"]]])
        XCTAssertEqual(RequiredWords.of(#"\b[A-Z]\w*(ServiceRole|TaskRole)(Policy)?\b"#, caseInsensitive: false), [[["ServiceRole", "TaskRole"]]])
        XCTAssertEqual(RequiredWords.of(#"\bpolic(y|ies) (that is )?attached\b"#, caseInsensitive: true), [[["polic"], ["y", "ies"], [" "], ["attached"]]])
        XCTAssertEqual(RequiredWords.of(#"\(users? or roles?\)"#, caseInsensitive: true), [[["(user"], [" or role"], [")"]]])
        XCTAssertEqual(RequiredWords.of(#"ab+c"#, caseInsensitive: true), [[["ab"], ["c"]]], "b may repeat before c")
        XCTAssertEqual(RequiredWords.of(#"x(?!trust)y"#, caseInsensitive: true), [[["x"], ["y"]]], "a lookahead requires nothing")
        XCTAssertEqual(RequiredWords.of(#"a(b(cd|e)|fg)"#, caseInsensitive: true), [[["a"], ["b", "fg"]]], "a group: one clause of each branch")
    }

    func testNoRequiredWordsWhenABranchHasNone() {
        XCTAssertNil(RequiredWords.of(#"\brole\b|\w+"#, caseInsensitive: true))
        XCTAssertNil(RequiredWords.of(#"(role)?"#, caseInsensitive: true))
        XCTAssertNil(RequiredWords.of(#"\p{L}+role"#, caseInsensitive: true), "an escape it does not know")
        XCTAssertNil(RequiredWords.of(#"[[a-z]]role"#, caseInsensitive: true), "a nested set")
    }

    /// ICU folds case fully ("ſ" matches "s", the Kelvin sign "k"): a text
    /// with such a character is never skipped, whatever its ASCII says.
    func testCaseFoldingCharactersGoToTheRegex() {
        let users = PhrasePattern(#"\busers\b"#)
        let key = PhrasePattern(#"\bkey polic(y|ies)\b"#)
        XCTAssertTrue(users.mayOccur(in: "the u\u{17F}ers of the tool"))
        XCTAssertTrue(key.mayOccur(in: "the \u{212A}EY POLICY"))
        XCTAssertTrue(users.mayOccur(in: "The USERS’ keys"), "ASCII case and curly quotes are read")
        XCTAssertFalse(users.mayOccur(in: "the user’s key"))
        XCTAssertFalse(key.mayOccur(in: "the bucket policy"))
        for (pattern, text) in [(users, "the u\u{17F}ers of the tool"), (key, "the \u{212A}EY POLICY"), (users, "The USERS’ keys"), (users, "the user’s key")] {
            let found = pattern.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            XCTAssertEqual(pattern.occurs(in: text), found, text)
        }
    }

    /// A phrase is split into its top-level alternatives only: bars in
    /// groups, classes or escaped stay where they are.
    func testAlternativesAreTheTopLevelBranches() {
        XCTAssertEqual(PhrasePattern.topLevelAlternatives(#"\busers?\b|\bgroups?\b"#), [#"\busers?\b"#, #"\bgroups?\b"#])
        XCTAssertEqual(PhrasePattern.topLevelAlternatives(#"(a|b)c|d"#), ["(a|b)c", "d"])
        XCTAssertEqual(PhrasePattern.topLevelAlternatives(#"[|]x|\|y|z"#), [#"[|]x"#, #"\|y"#, "z"])
        XCTAssertEqual(PhrasePattern.topLevelAlternatives(#"a(?!b|c)|d"#), ["a(?!b|c)", "d"])
        XCTAssertEqual(PhrasePattern.topLevelAlternatives(#"(a|b"#), [#"(a|b"#], "unbalanced stays whole")
    }

    /// Run one alternative at a time, a phrase answers as its whole regex:
    /// whether it occurs, the leftmost match (the earlier alternative's
    /// where two start at the same place), and the text with matches
    /// replaced; on ASCII and full case folding, word boundaries,
    /// punctuation and non-ASCII letters.
    func testAlternativesAnswerAsTheWholeRegex() {
        let texts = [
            "Attach the policy to the IAM role", "ATTACH IT TO YOUR ROLE-NAME", "attach it to your role.", "add these to the role name",
            "the user’s policy and the role’s policy", "users, groups, or roles", "Users and roles", "IAM entities (users or roles)",
            "Grant the user permissions; attach to the role", "a role-policy.json for the IAM user", "the \u{17F}ervice role", "Topics", "the \u{212A}EY policy",
            "Ünïcödé rôle polícy — attach to the rôle", "service-linked roles’ policies", "roles", "", "(Optional) add the following permissions",
            "optional: ...", "The Sid is optional", "put-role-policy and attach-role-policy", "AWSDataLifecycleManagerServiceRole policy",
            "awsdatalifecyclemanagerservicerole", "allows AWS DMS to create", "allows aws dms to create", "on your behalf, on YOUR BEHALF",
            "the role that the Lambda service assumes", "users?roles", "user\ngroup", "a user. A group; a role: the developers",
        ]
        for (name, phrase) in Self.phrases {
            for text in texts {
                let whole = NSRange(text.startIndex..., in: text)
                let first = phrase.regex.firstMatch(in: text, range: whole).flatMap { Range($0.range, in: text) }.map { String(text[$0]) }
                XCTAssertEqual(phrase.occurs(in: text), first != nil, "\(name) on: \(text)")
                XCTAssertEqual(phrase.firstMatch(in: text), first, "\(name) on: \(text)")
                XCTAssertEqual(phrase.replacingMatches(in: text, with: " "), phrase.regex.stringByReplacingMatches(in: text, range: whole, withTemplate: " "), "\(name) on: \(text)")
            }
        }
    }

    /// Two alternatives matching at one place: the earlier one's match, as
    /// the whole regex gives it, even when the later one is longer.
    func testEarlierAlternativeWinsAtTheSamePlace() {
        let phrase = PhrasePattern(#"\brole\b|\brole policy\b|\bpolicy\b"#)
        XCTAssertEqual(phrase.firstMatch(in: "the policy of the role policy"), "policy")
        XCTAssertEqual(phrase.firstMatch(in: "the role policy"), "role")
        XCTAssertNil(phrase.firstMatch(in: "the roles"))
    }

    /// Skipping a text changes no answer: on every text around every block
    /// of the corpus, each pattern finds what its bare regex finds.
    func testSameAnswersAsTheRegexOnTheCorpus() throws {
        let site = try CorpusSupport.analyzedGuides()
        var texts = Set<String>()
        for block in site.tools.flatMap(\.blocks) {
            let c = block.context
            texts.formUnion(c.headings + c.outerParagraphs + c.before + [c.after, c.pageTitle, c.pageIntro, block.leadIn].compactMap { $0 })
        }
        XCTAssertGreaterThan(texts.count, 1000)
        var skipped = 0
        for (name, phrase) in Self.phrases {
            for text in texts {
                let whole = NSRange(text.startIndex..., in: text)
                let first = phrase.regex.firstMatch(in: text, range: whole).flatMap { Range($0.range, in: text) }.map { String(text[$0]) }
                XCTAssertEqual(phrase.occurs(in: text), first != nil, "\(name) on: \(text)")
                XCTAssertEqual(phrase.firstMatch(in: text), first, "\(name) on: \(text)")
                if !phrase.mayOccur(in: text) { skipped += 1 }
            }
        }
        XCTAssertGreaterThan(skipped, texts.count * Self.phrases.count / 2, "most texts skip most patterns")
    }
}
