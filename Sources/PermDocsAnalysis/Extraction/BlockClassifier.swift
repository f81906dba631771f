import Foundation
import PermDocsCore
import PermDocsPolicy

/// Decides, across all pages of one tool, what each policy block is for, from
/// its JSON and the prose around it (`BlockContext`).
///
/// - **Not AWS**: JSON of another policy language (`NotAWSPolicy`).
/// - **Trust**: a Principal with `sts:AssumeRole*` and no Resource.
/// - **Resource**: a Principal otherwise, even as a bare statement (a key-policy
///   statement). A policy with a Principal that the guide says to attach to a
///   user or role, and no resource policy named there, stays an identity
///   policy with a mistake, which the checks report.
/// - **Optional add-on**: an identity policy whose lead-in, headings or page
///   title say optional, unless "optional" is said of an element (the Sid) or
///   of single statements, which are then marked optional on their own
///   (`OptionalStatements`) while the rest of the policy stays required.
/// - **Excerpt**: an identity policy whose every statement repeats a fuller
///   policy of the tool, with evidence that it is a repeat: bare statements on
///   the page of that policy, or a lead-in that speaks of a breakdown, section
///   or repeat. A complete policy that merely overlaps another (an alternative)
///   is not one.
/// - Otherwise an **identity** policy, for the user or a service role
///   (`GranteeReading`). Other kinds have a fixed grantee (`Grantee.fixed`).
public enum BlockClassifier {
    /// Classifies the blocks of one tool. `isAWSService` tells a known service
    /// prefix (from the catalog), to recognise another cloud's actions.
    public static func classify(_ blocks: [PolicyBlock], isAWSService: ((String) -> Bool)? = nil) -> [PolicyBlock] {
        // Kinds set in place: a block is large, and copying each one in and
        // out of a helper showed in profiles.
        var result = blocks
        for i in result.indices { setBaseKind(&result[i], isAWSService: isAWSService) }
        for i in result.indices where result[i].kind == .identity {
            let statements = OptionalStatements.read(result[i])
            if isOptional(result[i], leadIn: statements.leadIn) {
                result[i].kind = .optionalAddOn
            } else {
                result[i].optionalStatements = statements.indices
            }
        }
        markExcerpts(&result)
        let grantees = GranteeReading(blocks: result)
        for i in result.indices {
            result[i].grantee = PolicyBlock.Grantee.fixed(for: result[i].kind) ?? grantees.grantee(of: result[i])
        }
        // An excerpt goes to whoever the policy it repeats goes to.
        let granteeOf = Dictionary(result.map { ($0.reference, $0.grantee) }, uniquingKeysWith: { a, _ in a })
        for i in result.indices {
            if let fuller = result[i].excerptOf, let g = granteeOf[fuller] { result[i].grantee = g }
        }
        return result
    }

    /// Why a classified block of `blocks` has its grantee: the text or the
    /// structure that decided it (for tests reading disagreements).
    static func granteeReason(_ block: PolicyBlock, among blocks: [PolicyBlock]) -> String {
        guard PolicyBlock.Grantee.fixed(for: block.kind) == nil else { return "fixed by its kind" }
        return GranteeReading(blocks: blocks).decide(block).because
    }

    /// The kind the JSON and the lead-in give, before optional and excerpts.
    static func setBaseKind(_ block: inout PolicyBlock, isAWSService: ((String) -> Bool)?) {
        block.excerptOf = nil
        block.optionalStatements = []
        guard let policy = block.policy else {
            block.kind = NotAWSPolicy.reason(unparsed: block.text) != nil ? .notAWS : .unparsed
            return
        }
        let lead = block.context.leadIn ?? block.leadIn
        if NotAWSPolicy.reason(policy, isAWSService: isAWSService) != nil {
            block.kind = .notAWS
        } else if policy.isTrustPolicy {
            block.kind = .trust
        } else if policy.isResourcePolicy {
            // Said to be attached to an identity, and no resource policy named there.
            let attached = [lead, block.context.heading].contains { text in
                ContextPhrases.mentions(ContextPhrases.identityAttachment, text) && !ContextPhrases.mentions(ContextPhrases.resourcePolicy, text)
            }
            block.kind = attached ? .identity : .resource
        } else {
            block.kind = .identity
        }
    }

    /// True when the guide says the block is optional: its lead-in as a step
    /// or label ("(Optional) To import encrypted images, add…") or of the
    /// permissions ("the following optional permissions"), a heading it
    /// stands under or the page title ("… (optional)"); never "optional" said
    /// of an element or a parameter ("the Sid is an optional identifier").
    static func isOptional(_ block: PolicyBlock, leadIn: String?) -> Bool {
        let c = block.context
        let titles = c.headings + [c.pageTitle].compactMap { $0 }
        let says = { (re: PhrasePattern, text: String?) in
            ContextPhrases.mentions(re, text) && !ContextPhrases.mentions(ContextPhrases.optionalElement, text)
        }
        return says(ContextPhrases.optionalInProse, leadIn) || titles.contains { says(ContextPhrases.optional, $0) }
    }

    /// Marks identity blocks that repeat a fuller policy of the tool as its
    /// excerpts (see the type's documentation for the evidence asked).
    static func markExcerpts(_ blocks: inout [PolicyBlock]) {
        // Full documents, their statement meanings computed once.
        let documents = blocks.filter { $0.kind == .identity && $0.policy?.shape == .document }.map { doc in
            (reference: doc.reference, file: doc.file, count: doc.policy?.statements.count ?? 0,
             meanings: Set(doc.policy?.statements.map(\.meaning) ?? []))
        }
        // Which documents hold each statement meaning, so that a block is
        // compared only with documents sharing its first statement (a tool
        // with thousands of pages must not compare every pair).
        var holding: [StatementMeaning: [Int]] = [:]
        for (d, doc) in documents.enumerated() {
            for m in doc.meanings { holding[m, default: []].append(d) }
        }
        for i in blocks.indices where blocks[i].kind == .identity {
            guard let policy = blocks[i].policy else { continue }
            // Only the fields asked for are read: copying the whole block
            // for each one showed in profiles.
            let saysRepeat = ContextPhrases.mentions(ContextPhrases.excerptEvidence, blocks[i].context.leadIn ?? blocks[i].leadIn)
            let bare = policy.shape != .document
            guard bare || saysRepeat else { continue }
            let reference = blocks[i].reference, file = blocks[i].file
            let meanings = policy.statements.map(\.meaning)
            let candidates = meanings.first.flatMap { holding[$0] } ?? []
            let fuller = candidates.lazy.map { documents[$0] }.first { doc in
                doc.reference != reference && doc.count > meanings.count && meanings.allSatisfy(doc.meanings.contains)
                    && (saysRepeat || doc.file == file)
            }
            if let fuller {
                blocks[i].kind = .excerpt
                blocks[i].excerptOf = fuller.reference
            }
        }
    }
}
