import Foundation
import XCTest
@testable import PermDocsPolicy
import PermDocsCore

/// The bundled risk data and its parser.
final class RiskRulesTests: XCTestCase {
    private let escalationHeader = "# id\tactions\tdescription\tsource\n"

    // MARK: Bundled data

    func testBundledDataLoads() throws {
        let rules = try RiskRules.bundled()
        XCTAssertGreaterThanOrEqual(rules.privilegeEscalation.count, 21, "the 21 Rhino Security Labs methods at least")
        XCTAssertFalse(rules.credentialsExposure.isEmpty)
        XCTAssertFalse(rules.dataAccess.isEmpty)

        let ids = rules.privilegeEscalation.map(\.id)
        for id in ["create-policy-version", "set-default-policy-version", "passrole-ec2-runinstances",
                   "create-access-key", "update-assume-role-policy", "passrole-datapipeline-createpipeline"] {
            XCTAssertTrue(ids.contains(id), "missing \(id)")
        }
        let passRoleEC2 = try XCTUnwrap(rules.privilegeEscalation.first { $0.id == "passrole-ec2-runinstances" })
        XCTAssertEqual(passRoleEC2.actions, ["iam:PassRole", "ec2:RunInstances"])
        XCTAssertFalse(passRoleEC2.description.isEmpty)
        XCTAssertTrue(passRoleEC2.source.contains("Rhino"))

        XCTAssertNotNil(rules.credentialsExposure["sts:assumerole"])
        XCTAssertNotNil(rules.credentialsExposureReason(for: "IAM:CreateAccessKey"))
        XCTAssertNotNil(rules.dataAccess["s3:getobject"])
        XCTAssertNotNil(rules.dataAccessReason(for: "secretsmanager:getsecretvalue"))
        XCTAssertNil(rules.dataAccessReason(for: "s3:PutObject"))
        XCTAssertEqual(rules.canonicalName(of: "secretsmanager:getsecretvalue"), "secretsmanager:GetSecretValue")
        XCTAssertEqual(rules.canonicalName(of: "EC2:RUNINSTANCES"), "ec2:RunInstances")
        for key in Array(rules.credentialsExposure.keys) + Array(rules.dataAccess.keys) {
            XCTAssertEqual(key, key.lowercased())
        }
    }

    func testEveryBundledActionIsCanonicalInTheCatalog() throws {
        let rules = try RiskRules.bundled()
        let catalog = try ActionCatalog.bundled()
        XCTAssertEqual(rules.catalogProblems(in: catalog), [])
        // Checked directly too, not only through catalogProblems.
        let names = rules.privilegeEscalation.flatMap(\.actions) + Array(rules.canonicalNames.values)
        for name in names {
            XCTAssertEqual(catalog.action(named: name)?.canonicalName, name, "\(name) is not canonical in the catalog")
        }
    }

    func testTheCatalogCheckCatchesMisspeltAndUnknownNames() throws {
        let catalog = try ActionCatalog.bundled()
        let rules = try RiskRules(
            privilegeEscalation: escalationHeader + "m\tiam:passrole,ec2:RunInstance\td\ts\n",
            credentialsExposure: "sts:AssumeRole\tok\nnosuchservice:GetThing\twhy\n",
            dataAccess: "\n\ns3:Getobject\twhy\nS3:GetObjectVersion\twhy\n",
            privilegeEscalationFile: "pe.tsv", credentialsExposureFile: "ce.tsv", dataAccessFile: "da.tsv")
        XCTAssertEqual(rules.catalogProblems(in: catalog), [
            "pe.tsv:2: 'iam:passrole' should be spelt 'iam:PassRole'",
            "pe.tsv:2: 'ec2:RunInstance' is not an action in the catalog",
            "ce.tsv:2: 'nosuchservice:GetThing' is not an action in the catalog",
            "da.tsv:3: 's3:Getobject' should be spelt 's3:GetObject'",
            "da.tsv:4: 'S3:GetObjectVersion' should be spelt 's3:GetObjectVersion'",
        ])
    }

    func testBundledIDsAreUniqueAndMethodsDoNotRepeatActions() throws {
        let rules = try RiskRules.bundled()
        let ids = rules.privilegeEscalation.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        for method in rules.privilegeEscalation {
            XCTAssertEqual(Set(method.actions.map { $0.lowercased() }).count, method.actions.count, method.id)
        }
    }

    // MARK: escalations(in:)

    func testPassRoleAndRunInstancesMatchOnlyTogether() throws {
        let rules = try RiskRules.bundled()
        func ids(_ granted: Set<String>) -> [String] { rules.escalations(in: granted).map(\.id) }

        XCTAssertFalse(ids(["iam:passrole"]).contains("passrole-ec2-runinstances"))
        XCTAssertFalse(ids(["ec2:runinstances"]).contains("passrole-ec2-runinstances"))
        XCTAssertEqual(ids(["iam:passrole", "ec2:runinstances"]), ["passrole-ec2-runinstances"])
        XCTAssertEqual(ids(["iam:passrole", "ec2:runinstances", "s3:getobject"]), ["passrole-ec2-runinstances"])
        XCTAssertEqual(ids([]), [])
        XCTAssertEqual(ids(["s3:getobject", "ec2:describeinstances"]), [])
    }

    func testEscalationsNeedEveryActionAndKeepFileOrder() throws {
        let rules = try RiskRules.bundled()
        let lambda: Set<String> = ["iam:passrole", "lambda:createfunction"]
        XCTAssertFalse(rules.escalations(in: lambda).contains { $0.id == "passrole-lambda-createfunction-invokefunction" })
        let found = rules.escalations(in: lambda.union(["lambda:invokefunction", "iam:createaccesskey"])).map(\.id)
        XCTAssertEqual(found, ["create-access-key", "passrole-lambda-createfunction-invokefunction"])

        // Every action of every method: every method.
        let all = Set(rules.privilegeEscalation.flatMap { $0.actions.map { $0.lowercased() } })
        XCTAssertEqual(rules.escalations(in: all), rules.privilegeEscalation)
    }

    func testGrantedNamesAreExpectedInLowerCase() throws {
        let rules = try RiskRules.bundled()
        XCTAssertEqual(rules.escalations(in: ["iam:PassRole", "ec2:RunInstances"]), [],
                       "the caller lower-cases the granted set")
    }

    // MARK: Parser

    func testParsesEscalationMethods() throws {
        let text = escalationHeader + """

            # a comment
            one\tiam:CreateAccessKey\tMake a key\tRhino
            two-b\tiam:PassRole, ec2:RunInstances\tLaunch it \tRhino; Cloudsplaining\r
            """
        let methods = try RiskRules.parseEscalationMethods(text, file: "pe.tsv")
        XCTAssertEqual(methods, [
            EscalationMethod(id: "one", actions: ["iam:CreateAccessKey"], description: "Make a key", source: "Rhino"),
            EscalationMethod(id: "two-b", actions: ["iam:PassRole", "ec2:RunInstances"], description: "Launch it",
                             source: "Rhino; Cloudsplaining"),
        ])
    }

    func testParsesActionTables() throws {
        let table = try RiskRules.parseActionTable("# action\twhy\r\nS3:GetObject\treads objects\r\n\r\nkms:Decrypt\tdecrypts\n", file: "da.tsv")
        XCTAssertEqual(table, ["s3:getobject": "reads objects", "kms:decrypt": "decrypts"])
    }

    func testMalformedEscalationLinesNameFileAndLine() {
        let cases: [(String, String)] = [
            ("ok\tiam:PassRole\td\ts\nbad\tiam:PassRole\td\n",
             "pe.tsv:3: expected id<TAB>actions<TAB>description<TAB>source, found 3 fields"),
            ("Bad_ID\tiam:PassRole\td\ts\n",
             "pe.tsv:2: 'Bad_ID' is not a kebab-case id (lower-case letters and digits joined by '-')"),
            ("a\tiam:PassRole\td\ts\n\na\tiam:CreateAccessKey\td\ts\n",
             "pe.tsv:4: id 'a' is already used on line 2"),
            ("a\tiam:Pass*\td\ts\n",
             "pe.tsv:2: 'iam:Pass*' is not an action name such as iam:PassRole (no wildcards)"),
            ("a\tiam:PassRole,,ec2:RunInstances\td\ts\n",
             "pe.tsv:2: an empty action name is not an action name such as iam:PassRole (no wildcards)"),
            ("a\tPassRole\td\ts\n",
             "pe.tsv:2: 'PassRole' is not an action name such as iam:PassRole (no wildcards)"),
            ("a\tiam:PassRole,IAM:passrole\td\ts\n",
             "pe.tsv:2: 'IAM:passrole' is listed twice in method 'a'"),
            ("a\tiam:PassRole,iam:passrole\td\ts\n",
             "pe.tsv:2: 'iam:passrole' is listed twice in method 'a'"),
            ("a\tiam:PassRole\t\ts\n", "pe.tsv:2: method 'a' has no description"),
            ("a\tiam:PassRole\td\t \n", "pe.tsv:2: method 'a' has no source"),
        ]
        for (body, expected) in cases {
            XCTAssertThrowsError(try RiskRules.parseEscalationMethods(escalationHeader + body, file: "pe.tsv"), expected) { error in
                let riskError = error as? RiskRulesError
                XCTAssertEqual(riskError?.description, expected)
                XCTAssertEqual(riskError?.file, "pe.tsv")
                XCTAssertNotNil(riskError?.line)
                XCTAssertEqual((error as? LocalizedError)?.errorDescription, expected)
            }
        }
    }

    func testMalformedActionTableLinesNameFileAndLine() {
        let cases: [(String, String)] = [
            ("s3:GetObject\n", "ce.tsv:1: expected action<TAB>why, found 1 field"),
            ("# c\ns3:GetObject\twhy\textra\n", "ce.tsv:2: expected action<TAB>why, found 3 fields"),
            ("s3:GetObject\twhy\ns3:getobject\tagain\n", "ce.tsv:2: 's3:getobject' is already listed on line 1"),
            ("s3:GetObject\t\n", "ce.tsv:1: 's3:GetObject' has no reason"),
            ("s3 GetObject\twhy\n", "ce.tsv:1: 's3 GetObject' is not an action name such as iam:PassRole (no wildcards)"),
        ]
        for (body, expected) in cases {
            XCTAssertThrowsError(try RiskRules.parseActionTable(body, file: "ce.tsv"), expected) { error in
                XCTAssertEqual((error as? RiskRulesError)?.description, expected)
            }
        }
    }

    func testInitializerReportsTheFileAtFault() {
        XCTAssertThrowsError(try RiskRules(
            privilegeEscalation: "", credentialsExposure: "sts:AssumeRole\twhy\n", dataAccess: "\nbroken\n",
            privilegeEscalationFile: "pe.tsv", credentialsExposureFile: "ce.tsv", dataAccessFile: "da.tsv")
        ) { error in
            XCTAssertEqual("\(error)", "da.tsv:2: expected action<TAB>why, found 1 field")
        }
    }

    func testAMissingDirectoryIsAnErrorNamingTheFile() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-risk-data-\(UUID().uuidString)")
        XCTAssertThrowsError(try RiskRules(directory: directory)) { error in
            let riskError = error as? RiskRulesError
            XCTAssertEqual(riskError?.file, directory.appendingPathComponent(RiskRules.privilegeEscalationFile).path)
            XCTAssertNil(riskError?.line)
        }
    }
}
