import Foundation
import PermDocsCore
import PermDocsPolicy

/// Decides, across all pages of one tool, what each policy block is for.
///
/// - A trust policy has a Principal with `sts:AssumeRole`, and a resource
///   policy a Principal otherwise (the parser already knows).
/// - An optional add-on is one whose lead-in or section says "optional".
/// - An excerpt is a bare statement or list of statements, or a document whose
///   every statement repeats one of a fuller policy of the same tool (the DMS
///   guide gives its policy, then each statement again with its reason): its
///   actions are counted once, through the fuller policy.
/// - A block granted to a service role is one in a section that also has a trust
///   policy, or whose lead-in speaks of the role's policy.
public enum BlockClassifier {
    static let optionalWords = try! NSRegularExpression(pattern: #"\b(optional|optionally)\b"#, options: [.caseInsensitive])
    /// What a guide says when a policy goes to a user, group or role (not a resource).
    static let identityWords = try! NSRegularExpression(pattern: #"\bIAM policy\b|identity[- ]based|attach (it|this policy|the policy|the following policy) to (the|your|an?) (IAM )?(user|group|role)|user policy|inline policy"#, options: [.caseInsensitive])
    static let roleWords = try! NSRegularExpression(pattern: #"role[-_ ]policy|service[- ]role|attach(ed)? (it |the policy )?to the role|policy to the role|role's (permissions )?policy"#, options: [.caseInsensitive])

    static func mentions(_ re: NSRegularExpression, _ text: String?) -> Bool {
        guard let text else { return false }
        return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    public static func classify(_ blocks: [PolicyBlock]) -> [PolicyBlock] {
        var result = blocks
        // Sections that hold a trust policy are about a role.
        let trustSections = Set(blocks.filter { $0.kind == .trust }.map { "\($0.file)#\($0.headingID ?? "")" })
        // Statements of full documents, to recognise repeats (meanings computed once).
        let documents = blocks.filter { $0.kind == .identity }.map { doc in
            (reference: doc.reference, count: doc.policy?.statements.count ?? 0, meanings: Set(doc.policy?.statements.map(\.meaning) ?? []))
        }
        // Which documents hold each statement meaning, so that a block is
        // compared only with documents sharing its first statement (a tool
        // with thousands of pages must not compare every pair).
        var holding: [StatementMeaning: [Int]] = [:]
        for (d, doc) in documents.enumerated() {
            for m in doc.meanings { holding[m, default: []].append(d) }
        }
        for i in result.indices {
            var block = result[i]
            guard let policy = block.policy else { continue }
            // A policy with a Principal that the guide says to attach to a user or
            // role is an identity policy with a mistake, which the checks report.
            if block.kind == .resource && (mentions(identityWords, block.leadIn) || mentions(identityWords, block.heading)) {
                block.kind = .identity
            }
            if block.kind != .trust && block.kind != .resource {
                if mentions(optionalWords, block.leadIn) || mentions(optionalWords, block.heading) {
                    block.kind = .optionalAddOn
                } else {
                    let meanings = policy.statements.map(\.meaning)
                    let candidates = meanings.first.flatMap { holding[$0] } ?? []
                    let fuller = candidates.lazy.map { documents[$0] }.first { doc in
                        doc.reference != block.reference && doc.count > meanings.count && meanings.allSatisfy(doc.meanings.contains)
                    }
                    if let fuller {
                        block.kind = .excerpt
                        block.excerptOf = fuller.reference
                    }
                }
            }
            let section = "\(block.file)#\(block.headingID ?? "")"
            if block.kind == .trust || trustSections.contains(section) || mentions(roleWords, block.leadIn) {
                block.grantee = .serviceRole
            }
            result[i] = block
        }
        return result
    }
}
