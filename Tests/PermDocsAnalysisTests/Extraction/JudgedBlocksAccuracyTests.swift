import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsTestSupport

/// Measures the classifier against blocks of the real-guide corpus judged by
/// hand (`Fixtures/Judged/judged-blocks.tsv`): each judged page is analyzed
/// with the rest of its tool (its repository), its blocks matched to the
/// judged rows by page and line, and the accuracy of kind, grantee and both
/// printed with the confusion tables and every disagreement.
///
/// The issue asks for kind and grantee both right on at least 95% of blocks.
/// The minimums are a ratchet at the accuracy reached so far, so that a change
/// that makes the classifier worse fails (233 blocks: kind 97.9% (228),
/// grantee 97.0% (226), both 95.7% (223); before the context rules 74.7%,
/// 41.2% and 34.3%). Raise them as the classifier improves; never lower them
/// to make a change pass.
final class JudgedBlocksAccuracyTests: XCTestCase {
    static let minimumKind = 0.978
    static let minimumGrantee = 0.969
    static let minimumBoth = 0.957

    static let kinds = ["identity", "trust", "resource", "excerpt", "optional", "not-aws", "unparsed", "(missing)"]
    static let grantees = ["user", "service-role", "resource", "none", "(missing)"]

    func testClassificationAgreesWithTheJudgedSet() throws {
        let judged = try JudgedBlock.rows(try TestSupport.fixture("Judged/judged-blocks.tsv"))
        XCTAssertGreaterThanOrEqual(judged.count, 150, "the issue asks for at least 150 judged blocks")
        let site = try CorpusSupport.analyzedGuides(only: Set(judged.map(\.repository)))
        var byPlace: [String: PolicyBlock] = [:]
        for block in site.tools.flatMap(\.blocks) {
            byPlace["\(block.file):\(block.location.line)"] = byPlace["\(block.file):\(block.location.line)"] ?? block
        }

        var kindTable = ConfusionTable(title: "kind", labels: Self.kinds)
        var granteeTable = ConfusionTable(title: "grantee", labels: Self.grantees)
        var kindRight = 0, granteeRight = 0, bothRight = 0
        var wrong: [String] = []
        var wrongCount = 0
        // PERMDOCS_JUDGED_CONTEXT=1 prints each disagreeing block's context, to see why.
        let showContext = ProcessInfo.processInfo.environment["PERMDOCS_JUDGED_CONTEXT"] != nil
        for row in judged {
            let block = byPlace["\(row.page):\(row.line)"]
            let kind = block?.kind.rawValue ?? "(missing)"
            let grantee = block?.grantee.rawValue ?? "(missing)"
            kindTable.add(expected: row.kind, actual: kind)
            granteeTable.add(expected: row.grantee, actual: grantee)
            kindRight += kind == row.kind ? 1 : 0
            granteeRight += grantee == row.grantee ? 1 : 0
            if kind == row.kind && grantee == row.grantee {
                bothRight += 1
            } else {
                wrongCount += 1
                wrong.append("  \(row.page):\(row.line): permdocs \(kind)/\(grantee), judged \(row.kind)/\(row.grantee): \(row.reason)")
                if showContext, let block {
                    wrong.append(Self.describe(block))
                    let tool = site.tools.first { $0.tool.slug == block.toolSlug }?.blocks ?? []
                    wrong.append("      grantee because: \(BlockClassifier.granteeReason(block, among: tool).prefix(300))")
                }
            }
        }
        let n = Double(judged.count)
        let kindShare = Double(kindRight) / n, granteeShare = Double(granteeRight) / n, bothShare = Double(bothRight) / n
        func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        print("judged blocks: \(judged.count); kind right \(percent(kindShare)), grantee right \(percent(granteeShare)), both right \(percent(bothShare))")
        print(kindTable.text)
        print(granteeTable.text)
        print("disagreements (\(wrongCount)):\n" + wrong.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(kindShare, Self.minimumKind, "kind accuracy fell below the ratchet")
        XCTAssertGreaterThanOrEqual(granteeShare, Self.minimumGrantee, "grantee accuracy fell below the ratchet")
        XCTAssertGreaterThanOrEqual(bothShare, Self.minimumBoth, "kind-and-grantee accuracy fell below the ratchet")
    }

    /// A block's context, one line per part, for reading disagreements.
    static func describe(_ block: PolicyBlock) -> String {
        let c = block.context
        var out = "      title: \(c.pageTitle ?? "-")\n      intro: \(c.pageIntro?.prefix(200) ?? "-")\n      headings: \(c.headings.joined(separator: " > "))\n"
        for p in c.outerParagraphs { out += "      outer: \(p.prefix(200))\n" }
        for p in c.before.suffix(3) { out += "      before: \(p.prefix(300))\n" }
        out += "      after: \(c.after?.prefix(200) ?? "-")\n      shape: \(block.policy.map { "\($0.shape)" } ?? "-") excerptOf: \(block.excerptOf?.anchor ?? "-")"
        return out
    }
}
