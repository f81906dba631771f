import XCTest
@testable import PermDocsPolicy
import PermDocsCore

final class PolicyParserTests: XCTestCase {
    private func parse(_ json: String) throws -> Policy? {
        let text = Array(json.unicodeScalars)
        let node = try JSONReader.parse(scalars: text)
        return PolicyParser(locate: { SourceLocation(file: "f", line: 1, column: $0 + 1) }).policy(from: node)
    }

    func testDocumentWithStatements() throws {
        let json = #"{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "NotResource": "arn:aws:s3:::b", "Condition": {"StringEquals": {"aws:SourceAccount": ["1", "2"]}}}]}"#
        let p = try XCTUnwrap(parse(json))
        XCTAssertEqual(p.shape, .document)
        XCTAssertEqual(p.version?.value, "2012-10-17")
        let st = p.statements[0]
        XCTAssertEqual(st.sid?.value, "A")
        XCTAssertEqual(st.effect?.value, .allow)
        XCTAssertEqual(st.actions?.map(\.value.written), ["s3:GetObject", "s3:PutObject"])
        XCTAssertNil(st.resources)
        XCTAssertEqual(st.notResources?.map(\.value), ["arn:aws:s3:::b"])
        XCTAssertEqual(st.conditions?.first?.key.value, "aws:SourceAccount")
        XCTAssertEqual(st.conditions?.first?.values.map(\.value), ["1", "2"])
        // Positions point at the values.
        let expected = json.unicodeScalars.distance(from: json.unicodeScalars.startIndex, to: json.range(of: "\"s3:PutObject\"")!.lowerBound.samePosition(in: json.unicodeScalars)!) + 1
        XCTAssertEqual(st.actions?[1].location.column, expected)
    }

    func testBareStatementAndListAndNonPolicies() throws {
        XCTAssertEqual(try parse(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#)?.shape, .bareStatement)
        XCTAssertEqual(try parse(#"[{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]"#)?.shape, .statementList)
        XCTAssertNil(try parse(#"{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}}"#))
        XCTAssertNil(try parse(#"[1, 2]"#))
    }

    func testTrustPolicy() throws {
        let trust = try XCTUnwrap(parse(#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "vmie.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#))
        XCTAssertTrue(trust.isTrustPolicy)
        XCTAssertEqual(trust.statements[0].principal?.value.values(ofKind: "Service"), ["vmie.amazonaws.com"])
        let identity = try XCTUnwrap(parse(#"{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}"#))
        XCTAssertFalse(identity.isTrustPolicy)
    }

    func testActionsCompareCaseInsensitivelyKeepingSpelling() {
        let a = Action("s3:PutLifeCycleConfiguration"), b = Action("S3:putlifecycleconfiguration")
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 1)
        XCTAssertEqual(a.written, "s3:PutLifeCycleConfiguration")
        XCTAssertEqual(b.service, "s3")
        XCTAssertEqual(a.name, "PutLifeCycleConfiguration")
        XCTAssertNotEqual(Action("s3:GetObject"), Action("s3:GetObjects"))
    }
}
