import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore

final class PolicyExtractorTests: XCTestCase {
    func testTableCellPolicyWithNoBreakSpacesAndEscapes() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("table-cell-policy.md"), path: "tools/v.md")
        XCTAssertEqual(page.blocks.count, 1)
        let block = page.blocks[0]
        XCTAssertEqual(block.origin, .tableCell)
        XCTAssertEqual(block.location, SourceLocation(file: "tools/v.md", line: 12, column: 3))
        XCTAssertEqual(block.leadIn, "If you do not want full access, create the following policy.")
        XCTAssertEqual(block.heading, "Veeam style")
        XCTAssertTrue(page.diagnostics.isEmpty, "\(page.diagnostics)")
        let st = try XCTUnwrap(block.policy?.statements.first)
        XCTAssertEqual(st.resources?.map(\.value), ["*"], "\\* resolves to * as CommonMark says")
        XCTAssertEqual(st.actions?.map(\.value.written), ["s3:GetObject", "s3:PutLifeCycleConfiguration"])
        // Positions of values inside the cell point into the file's line.
        let line = try TestSupport.fixture("table-cell-policy.md").split(separator: "\n", omittingEmptySubsequences: false)[11]
        let lineText = String(line)
        let col = lineText.unicodeScalars.distance(from: lineText.unicodeScalars.startIndex, to: lineText.range(of: "\"s3:PutLifeCycleConfiguration\"")!.lowerBound.samePosition(in: lineText.unicodeScalars)!) + 1
        XCTAssertEqual(st.actions?[1].location, SourceLocation(file: "tools/v.md", line: 12, column: col))
    }

    func testPreInHTMLBlockAndInTableCell() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("pre-html-block.md"))
        XCTAssertEqual(page.blocks.map(\.origin), [.htmlPre, .htmlPre])
        XCTAssertEqual(page.blocks.map(\.location.line), [3, 10])
        XCTAssertEqual(page.blocks[0].policy?.statements.first?.actions?.first?.value.written, "organizations:Describe*")
        XCTAssertEqual(page.blocks[1].policy?.statements.first?.actions?.first?.value.written, "organizations:List*")
        XCTAssertEqual(page.blocks[1].policy?.statements.first?.actions?.first?.location.line, 10)
    }

    func testFencesInListItemsAndIndentedCodeAndNonPolicies() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("list-indented-fences.md"))
        XCTAssertEqual(page.blocks.count, 4, "trust, role policy, optional add-on, indented deny; not the CLI or YAML")
        XCTAssertEqual(page.blocks.map(\.location.line), [8, 29, 40, 49])
        XCTAssertEqual(page.blocks.map(\.location.column), [4, 4, 4, 5])
        XCTAssertEqual(page.blocks.map(\.kind), [.trust, .identity, .optionalAddOn, .identity])
        // A trust policy grants nothing (grantee none); the role's policies go to the role.
        XCTAssertEqual(page.blocks.map(\.grantee), [.nobody, .serviceRole, .serviceRole, .serviceRole])
        XCTAssertEqual(page.blocks[0].leadIn, "Create a file named trust-policy.json:")
        XCTAssertEqual(page.blocks[0].heading, "Service role")
        // A value's column counts the list indentation.
        let action = try XCTUnwrap(page.blocks[1].policy?.statements.first?.actions?.first)
        XCTAssertEqual(action.location.line, 32)
        XCTAssertEqual(action.location.column, 42)
        XCTAssertEqual(page.blocks.map(\.anchor), ["policy-1", "policy-2", "policy-3", "policy-4"])
    }

    func testInvalidJSONIsADiagnosticAtTheErrorPosition() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("invalid-json.md"), path: "tools/bad.md")
        XCTAssertEqual(page.blocks.map(\.kind), [.unparsed, .unparsed])
        XCTAssertEqual(page.diagnostics.map(\.id), ["json-syntax", "json-syntax"])
        XCTAssertEqual(page.diagnostics.map(\.location), [
            SourceLocation(file: "tools/bad.md", line: 12, column: 22),  // the trailing comma, not the '}' a line later
            SourceLocation(file: "tools/bad.md", line: 25, column: 6),  // the '/' of the comment
        ])
        XCTAssertTrue(page.diagnostics[0].message.contains("trailing comma"), page.diagnostics[0].message)
        XCTAssertTrue(page.diagnostics[1].message.contains("comments"), page.diagnostics[1].message)
    }

    func testPolicyEmbeddedInShellHeredoc() throws {
        let md = "# x\n\n```bash\ncat > p.json <<EOF\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\"}]}\nEOF\n```\n"
        let page = try TestSupport.analyze(md)
        XCTAssertEqual(page.blocks.map(\.origin), [.embedded])
        XCTAssertEqual(page.blocks[0].location.line, 5)
    }
}
