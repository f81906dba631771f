import XCTest
@testable import PermDocsAnalysis
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy

/// Every policy in a block (issue 12, item 2): pasted policies, statements
/// separated by commas, comma-led fragments with comments, callouts inside
/// code, escaped policy strings and invalid heredoc policies; each read with
/// the exact line and column of its values in the guide.
final class EveryPolicyInABlockTests: XCTestCase {
    /// The 1-based line and column of the first `needle` at or after `line`
    /// (1-based) of `text`, counted in Unicode scalars.
    func position(of needle: String, in text: String, from line: Int = 1) throws -> SourceLocation {
        let lines = text.components(separatedBy: "\n")
        for n in (line - 1)..<lines.count {
            if let r = lines[n].range(of: needle) {
                let column = lines[n].unicodeScalars.distance(from: lines[n].unicodeScalars.startIndex, to: r.lowerBound.samePosition(in: lines[n].unicodeScalars)!) + 1
                return SourceLocation(file: "tools/t.md", line: n + 1, column: column)
            }
        }
        throw XCTSkip("fixture has no \(needle)")
    }

    func testTwoPoliciesInOneBlockAreTwoPoliciesWithAWarningAtTheSecond() throws {
        let md = try TestSupport.fixture("two-policies-in-one-block.md")
        let page = try TestSupport.analyze(md)
        XCTAssertEqual(page.blocks.map(\.kind), [.identity, .identity])
        XCTAssertEqual(page.blocks.map(\.location.line), [8, 12])
        XCTAssertEqual(page.blocks.map(\.anchor), ["policy-1", "policy-2"])
        XCTAssertEqual(page.diagnostics.map(\.id), ["pasted-policies"])
        XCTAssertEqual(page.diagnostics.first?.location, SourceLocation(file: "tools/t.md", line: 12, column: 1))
        XCTAssertEqual(page.diagnostics.first?.severity, .warning)
        let second = try XCTUnwrap(page.blocks[1].policy?.statements.first?.actions?.first)
        XCTAssertEqual(second.value.written, "s3:GetObject")
        XCTAssertEqual(second.location, try position(of: "\"s3:GetObject\"", in: md))
        // Each policy is drawn as its own figure, showing its own text.
        let html = TestSupport.guideHTML(page)
        XCTAssertTrue(html.contains("id=\"policy-1\"") && html.contains("id=\"policy-2\""), html)
    }

    func testCommaSeparatedStatementsWithoutBracketsAreOneStatementList() throws {
        let md = try TestSupport.fixture("comma-separated-statements.md")
        let page = try TestSupport.analyze(md)
        XCTAssertTrue(page.diagnostics.isEmpty, "\(page.diagnostics)")
        XCTAssertEqual(page.blocks.count, 1)
        let policy = try XCTUnwrap(page.blocks.first?.policy)
        XCTAssertEqual(policy.shape, .statementList)
        XCTAssertEqual(policy.statements.compactMap(\.sid?.value), ["List", "Read"])
        let actions = policy.statements.flatMap { $0.actions ?? [] }
        XCTAssertEqual(actions.map(\.value.written), ["s3:ListBucket", "s3:GetObject", "s3:GetObjectVersion"])
        XCTAssertEqual(actions[2].location, try position(of: "\"s3:GetObjectVersion\"", in: md))
    }

    func testCommaLedFragmentWithHashCommentsIsReadAsStatements() throws {
        let md = try TestSupport.fixture("comma-led-fragment-with-comments.md")
        let page = try TestSupport.analyze(md)
        XCTAssertTrue(page.diagnostics.isEmpty, "\(page.diagnostics)")
        XCTAssertEqual(page.blocks.count, 1)
        XCTAssertEqual(page.blocks.first?.location.line, 9, "the block starts at its first statement, after the comma")
        let statements = try XCTUnwrap(page.blocks.first?.policy?.statements)
        XCTAssertEqual(statements.flatMap { $0.actions ?? [] }.map(\.value.written), ["sqs:ReceiveMessage", "sqs:DeleteMessage"])
        XCTAssertEqual(statements[1].actions?.first?.location, try position(of: "\"sqs:DeleteMessage\"", in: md))
        // A '#' inside a string is no comment.
        XCTAssertEqual(statements[1].resources?.first?.value, "arn:aws:sqs:us-east-1:111122223333:jobs#1")
    }

    func testAWholePolicyWithHashCommentsIsStillReported() throws {
        let md = "# x\n\n```json\n{\"Version\": \"2012-10-17\", # comment\n \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}}\n```\n"
        let page = try TestSupport.analyze(md)
        XCTAssertEqual(page.diagnostics.map(\.id), ["json-syntax"])
        XCTAssertEqual(page.diagnostics.first?.location, SourceLocation(file: "tools/t.md", line: 4, column: 27))
        XCTAssertTrue(page.diagnostics[0].message.contains("no comments"), page.diagnostics[0].message)
    }

    func testCalloutMarkersInCodeAreStrippedAndPositionsKept() throws {
        let md = try TestSupport.fixture("callouts-in-code.md")
        let page = try TestSupport.analyze(md)
        XCTAssertTrue(page.diagnostics.filter { $0.id == "json-syntax" }.isEmpty, "\(page.diagnostics)")
        XCTAssertEqual(page.blocks.map(\.kind), [.identity])
        let st = try XCTUnwrap(page.blocks.first?.policy?.statements.first)
        XCTAssertEqual(st.actions?.first?.location, try position(of: "\"s3:GetObject\"", in: md))
        // Image syntax inside a string is the string's own text.
        XCTAssertEqual(st.resources?.map(\.value), ["arn:aws:s3:::my-bucket/![x](y)"])
        // The markers' own positions are kept too.
        var text = MappedText(file: "t.md")
        for (k, c) in #""Effect": "Allow", ![\[1\]](a/callouts/1.png) "x": "![y](z)""#.unicodeScalars.enumerated() {
            text.append(c, at: SourcePosition(line: 3, column: k + 1))
        }
        let (stripped, markers) = CalloutMarkers.stripped(text)
        XCTAssertEqual(markers, [SourcePosition(line: 3, column: 20)])
        XCTAssertEqual(stripped.string, #""Effect": "Allow",  "x": "![y](z)""#)
        XCTAssertEqual(stripped.positions.last, text.positions.last)
    }

    func testEscapedPolicyInAShellVariableAndInsideAJSONStringValue() throws {
        let md = try TestSupport.fixture("escaped-policy-strings.md")
        let page = try TestSupport.analyze(md)
        XCTAssertTrue(page.diagnostics.isEmpty, "a program joining strings is no broken policy: \(page.diagnostics)")
        XCTAssertEqual(page.blocks.map(\.origin), [.embedded, .embedded])
        let shell = try XCTUnwrap(page.blocks[0].policy?.statements.first?.actions?.first)
        XCTAssertEqual(shell.value.written, "sqs:SendMessage")
        // The column of the escaped value's opening \" in the guide's line.
        XCTAssertEqual(shell.location, try position(of: #"\"sqs:SendMessage\""#, in: md))
        XCTAssertEqual(page.blocks[0].location, try position(of: #"{\"Version\""#, in: md))
        let template = try XCTUnwrap(page.blocks[1].policy)
        XCTAssertEqual(template.shape, .document)
        XCTAssertEqual(template.statements.first?.actions?.first?.location, try position(of: #"\"dynamodb:GetItem\""#, in: md))
        XCTAssertEqual(page.blocks.map(\.kind), [.identity, .identity])
    }

    func testInvalidHeredocPolicyIsReportedNotDropped() throws {
        let md = try TestSupport.fixture("invalid-heredoc-policy.md")
        let page = try TestSupport.analyze(md)
        XCTAssertEqual(page.blocks.map(\.kind), [.unparsed])
        XCTAssertEqual(page.blocks.first?.location.line, 9)
        XCTAssertEqual(page.diagnostics.map(\.id), ["json-syntax"], "shell braces in the second block are not reported")
        // The error is where the body ends without the policy's closing brace.
        XCTAssertEqual(page.diagnostics.first?.location, SourceLocation(file: "tools/t.md", line: 17, column: 6))
    }
}
