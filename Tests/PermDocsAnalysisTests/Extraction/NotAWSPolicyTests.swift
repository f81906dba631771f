import XCTest
@testable import PermDocsAnalysis
import PermDocsPolicy
import PermDocsTestSupport

/// The marks of JSON that is not an AWS IAM policy, one by one.
final class NotAWSPolicyTests: XCTestCase {
    private func reason(_ json: String, known: Set<String> = ["s3", "ec2"]) throws -> String? {
        NotAWSPolicy.reason(try CrossReferenceSupport.parsePolicy(json), isAWSService: { known.contains($0.lowercased()) })
    }

    func testAnAWSPolicyIsNotFlagged() throws {
        XCTAssertNil(try reason(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "S3:GetObject", "Resource": "*"}]}"#))
        XCTAssertNil(try reason(#"{"Effect": "Allow", "Action": "service-prefix:action-name", "Resource": "*"}"#), "a placeholder is a guide's AWS policy")
    }

    func testAnotherVersionString() throws {
        XCTAssertNotNil(try reason(#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#))
    }

    func testAnotherCloudsResourceNamesAndActions() throws {
        XCTAssertNotNil(try reason(#"{"Statement": [{"Effect": "Allow", "Action": "cos:GetObject", "Resource": "qcs::cos:ap-guangzhou:uid/1:bucket/*"}]}"#))
        XCTAssertNil(try reason(#"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "qcs::cos:ap-guangzhou:uid/1:bucket/*"}]}"#), "an AWS action keeps it AWS")
    }

    func testStatementsOfAnotherLanguage() throws {
        XCTAssertNotNil(try reason(#"{"Version": "2021-06-01", "Statement": [{"Sid": "audit", "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"], "Operation": {"Audit": {}}}]}"#))
        XCTAssertNotNil(try reason(#"{"Name": "rule", "Statement": {"GeoMatchStatement": {"CountryCodes": ["US"]}}, "Action": {"Count": {}}}"#))
    }

    func testAPolicyQuotedAsAString() throws {
        XCTAssertNotNil(try reason(#"{"Statement": "{\"Sid\":\"x\",\"Effect\":\"Allow\"}"}"#))
    }

    func testStackPolicies() throws {
        XCTAssertNotNil(try reason(#"{"Statement": [{"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"}]}"#))
        XCTAssertNotNil(NotAWSPolicy.reason(unparsed: #"{"Statement": [{"Effect": "Deny_or_Allow", "Resource": "LogicalResourceId/x", "Condition": {"StringEquals": {"ResourceType": [type, ...]}}}]}"#))
    }
}
