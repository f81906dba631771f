import ArgumentParser
import Foundation
import XCTest
@testable import PermDocsCLI
import PermDocsAnalysis
import PermDocsTestSupport

/// The commands parsed and run in process, as `permdocs` runs them.
final class CommandParsingTests: XCTestCase {
    func testBuildIsTheDefaultCommandAndTakesItsOptions() throws {
        let command = try PermDocsCommand.parseAsRoot(["--content", "docs", "--output", "site", "--fail-on", "security", "--jobs", "3"])
        let build = try XCTUnwrap(command as? Build)
        XCTAssertEqual(build.source.content, "docs")
        XCTAssertEqual(build.output, "site")
        XCTAssertEqual(build.failOn, .securityWarning)
        XCTAssertEqual(build.jobs, 3)
    }

    func testCheckTakesFormatAndSeverity() throws {
        let check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "--format", "sarif", "--fail-on", "warning"]) as? Check)
        XCTAssertEqual(check.format, .sarif)
        XCTAssertEqual(check.failOn, .warning)
        XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["check", "--format", "xml"]))
        XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["check", "--fail-on", "fatal"]))
    }

    func testCheckExitsTwoWhenTheContentFolderIsMissing() throws {
        let check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "--content", "/nonexistent-\(UUID().uuidString)"]) as? Check)
        XCTAssertThrowsError(try check.run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2)
        }
    }

    func testCheckExitsOneOnTheSeedSiteErrors() throws {
        // The seed guides carry mis-typed action names (unknown-action errors).
        let content = TestSupport.packageRoot.appendingPathComponent("Content").path
        let check = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["check", "--content", content, "--format", "json"]) as? Check)
        XCTAssertThrowsError(try check.run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 1)
        }
    }
}

/// `permdocs policy`: the combined policy of any tools.
final class PolicyCommandTests: XCTestCase {
    private var content: String { TestSupport.packageRoot.appendingPathComponent("Content").path }

    func testPrintsTheUnionOfTheToolsRequiredPolicies() throws {
        let tools = [CrossReferenceSupport.vm, CrossReferenceSupport.veeam]
        let command = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["policy", "--content", content] + tools) as? PolicyCommand)
        let site = try CrossReferenceSupport.seedSite()
        let expected = CombinedPolicy(site: site, slugs: Set(tools), catalog: try CrossReferenceSupport.catalog()).required.json
        XCTAssertEqual(try command.documentText(), expected)
        XCTAssertTrue(expected.contains("ec2:ImportImage"), "VM Import/Export's actions are in it")
    }

    func testGranteeAndOptionalSelectOtherDocuments() throws {
        let vm = CrossReferenceSupport.vm
        let site = try CrossReferenceSupport.seedSite()
        let combined = CombinedPolicy(site: site, slugs: [vm], catalog: try CrossReferenceSupport.catalog())
        let role = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["policy", "--content", content, "--grantee", "service-role", vm]) as? PolicyCommand)
        XCTAssertEqual(try role.documentText(), combined.required(for: .serviceRole).json)
        XCTAssertNotEqual(combined.required(for: .serviceRole).json, combined.required.json, "the vmimport role's policy is a part of the whole")
        XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["policy", "--optional", "--grantee", "user", vm]))
        XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["policy", "--grantee", "admin", vm]))
        XCTAssertThrowsError(try PermDocsCommand.parseAsRoot(["policy"]))
    }

    func testUnknownToolIsAUsageError() throws {
        let command = try XCTUnwrap(try PermDocsCommand.parseAsRoot(["policy", "--content", content, "no-such-tool"]) as? PolicyCommand)
        XCTAssertThrowsError(try command.documentText()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 64)
        }
    }
}
