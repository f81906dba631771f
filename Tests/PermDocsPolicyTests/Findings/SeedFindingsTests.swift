import XCTest
@testable import PermDocsPolicy
import PermDocsTestSupport
import PermDocsCore
import PermDocsSite

/// The mistakes the five seed guides are known to make, found where they are.
final class SeedFindingsTests: XCTestCase {
    private static var cached: [Diagnostic]?

    private func findings() throws -> [Diagnostic] {
        if let cached = Self.cached { return cached }
        let site = try TestSupport.pipeline(DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))).analyze()
        Self.cached = site.diagnostics
        return site.diagnostics
    }

    /// The findings of `id` in `file`, as `line:col subject`.
    private func found(_ id: String, in file: String) throws -> [String] {
        try findings().filter { $0.id == id && $0.location.file == "tools/\(file).md" }.map { "\($0.location.line):\($0.location.column) \($0.subject ?? "")" }
    }

    func testCloudBerryUnknownServiceAndAction() throws {
        XCTAssertEqual(try found("unknown-service", in: "cloudberry-restore-to-ec2"), ["54:11 ami:ListRoles", "55:11 ami:CancelImportTasks"])
        XCTAssertEqual(try found("unknown-action", in: "cloudberry-restore-to-ec2"), ["44:11 ec2:CancelImportTasks"])
        let unknown = try XCTUnwrap(try findings().first { $0.id == "unknown-action" })
        XCTAssertEqual(unknown.fix, "write \"ec2:CancelImportTask\"")
        XCTAssertEqual(unknown.severity, .error)
    }

    func testCloudBerryRepeatsAndEmptyConditionsAndWildcards() throws {
        XCTAssertEqual(try found("duplicate-action", in: "cloudberry-restore-to-ec2"), ["39:11 ec2:RunInstances", "45:11 ec2:StartInstances"])
        XCTAssertEqual(try found("empty-condition", in: "cloudberry-restore-to-ec2").map { $0.split(separator: " ")[0] }, ["59:22", "65:22", "71:22", "77:22", "83:22"])
        XCTAssertEqual(try found("service-wildcard", in: "cloudberry-restore-to-ec2"), ["63:19 s3:*", "69:19 s3:*", "81:19 ses:*"])
    }

    func testVeeamNonCanonicalCaseWithCanonicalNames() throws {
        let cases = try findings().filter { $0.id == "action-case" && $0.location.file == "tools/veeam-restore-to-ec2.md" }
        XCTAssertEqual(cases.map(\.subject), ["s3:PutLifeCycleConfiguration", "s3:AbortMultiPartUpload", "s3:ListBucketMultiPartUploads"])
        XCTAssertEqual(cases.map(\.fix), ["write \"s3:PutLifecycleConfiguration\"", "write \"s3:AbortMultipartUpload\"", "write \"s3:ListBucketMultipartUploads\""])
        // The policy is pasted into one table cell on line 25: each column points at the name's opening quote.
        XCTAssertEqual(cases.map(\.location.line), [25, 25, 25])
        let line = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Content/tools/veeam-restore-to-ec2.md"), encoding: .utf8)
            .components(separatedBy: "\n")[24]
        for c in cases {
            let scalars = Array(line.unicodeScalars)
            let at = String(String.UnicodeScalarView(scalars[(c.location.column - 1)...]))
            XCTAssertTrue(at.hasPrefix("\"" + c.subject! + "\""), "column \(c.location.column) points at \(at.prefix(30))")
        }
    }

    func testDMSPassRoleOnAnyResource() throws {
        XCTAssertEqual(try found("passrole-any-resource", in: "database-migration-service"), ["37:17 iam:PassRole"])
    }

    func testNoMissingResourceOnTrustPolicies() throws {
        let site = try TestSupport.build(try TestSupport.seedContentFiles()).site
        let trustBlocks = Set(site.tools.flatMap(\.blocks).filter { $0.kind == .trust }.map(\.reference))
        XCTAssertEqual(trustBlocks.count, 3)
        let onTrust = site.diagnostics.filter { $0.block.map(trustBlocks.contains) ?? false }
        XCTAssertFalse(onTrust.contains { $0.id == "resource-element" }, "\(onTrust)")
        XCTAssertFalse(onTrust.contains { $0.id == "principal-element" }, "\(onTrust)")
    }
}

/// A policy with a Principal and a Resource is a resource policy (a bucket
/// policy), not a trust policy and not an identity policy with a mistake.
final class ResourcePolicyTests: XCTestCase {
    func testBucketPolicyIsAResourcePolicyWithoutPrincipalOrSidFindings() throws {
        let page = try TestSupport.analyze(try TestSupport.fixture("resource-policy.md"), checked: true)
        XCTAssertEqual(page.blocks.map(\.kind), [.resource])
        XCTAssertFalse(page.blocks[0].grantsPermissions, "a bucket policy is not what the tool's user needs")
        XCTAssertEqual(page.diagnostics.map(\.id), [], "\(page.diagnostics)")
    }
}
