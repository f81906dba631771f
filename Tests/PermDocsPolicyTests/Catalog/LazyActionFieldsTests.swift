import Foundation
import XCTest
@testable import PermDocsPolicy
import PermDocsCore

/// A loaded action decodes its description and lists from the service
/// file's bytes when they are read (`ServiceActionText`): what it gives must
/// be what decoding each line whole gives, and malformed files must fail as
/// they did, with the same text, file and line.
final class LazyActionFieldsTests: XCTestCase {
    /// The properties of an action line, decoded the plain way.
    private struct Expected {
        var accessLevel: String, description: String
        var resourceTypes: [String], required: [String], conditionKeys: [String], dependents: [String] = []
    }

    /// Every action of a service file by name, read with `split`.
    private func expectedActions(in text: String) -> [String: Expected] {
        var out: [String: Expected] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let list = { (field: String) in field.split(separator: ",").map(String.init) }
            if fields[0] == "A" {
                let types = list(fields[3])
                out[fields[1]] = Expected(accessLevel: fields[2], description: fields[5],
                                          resourceTypes: types.map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 },
                                          required: types.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) },
                                          conditionKeys: list(fields[4]))
            } else if fields[0] == "D" {
                out[fields[1]]?.dependents = list(fields[2])
            }
        }
        return out
    }

    func testEveryBundledActionReadsAsItsLineSays() throws {
        let catalog = try ActionCatalog(files: ActionCatalog.builtInSnapshot)
        var checked = 0
        for service in catalog.services {
            let text = String(decoding: try ActionCatalog.builtInSnapshot.read("services/\(service.prefix).tsv"), as: UTF8.self)
            let expected = expectedActions(in: text)
            let actions = catalog.actions(inService: service.prefix)
            XCTAssertEqual(actions.count, expected.count, service.prefix)
            for action in actions {
                let want = try XCTUnwrap(expected[action.name], action.canonicalName)
                XCTAssertEqual(action.accessLevel.rawValue, want.accessLevel, action.canonicalName)
                XCTAssertEqual(action.description, want.description, action.canonicalName)
                XCTAssertEqual(action.resourceTypes, want.resourceTypes, action.canonicalName)
                XCTAssertEqual(action.requiredResourceTypes, want.required, action.canonicalName)
                XCTAssertEqual(action.conditionKeys, want.conditionKeys, action.canonicalName)
                XCTAssertEqual(action.dependentActions, want.dependents, action.canonicalName)
                // Equal to, and hashed as, the same action made from decoded values.
                let made = CatalogAction(service: action.service, name: action.name, accessLevel: action.accessLevel,
                                         description: want.description, resourceTypes: want.resourceTypes,
                                         requiredResourceTypes: want.required, conditionKeys: want.conditionKeys,
                                         dependentActions: want.dependents)
                XCTAssertEqual(action, made, action.canonicalName)
                XCTAssertEqual(action.hashValue, made.hashValue, action.canonicalName)
                // Condition keys answered from the bytes as from the decoded list.
                var keys = want.conditionKeys.flatMap { [$0, $0.uppercased(), $0.replacingOccurrences(of: "${TagKey}", with: "team")] }
                keys += ["\(service.prefix):NoSuchKey", "aws:SourceIp", "", ",", "\(service.prefix):Régión", "aws:RequestTag/\u{212A}ey"]
                for key in keys {
                    XCTAssertEqual(action.supportsConditionKey(key), ConditionKeyList.contains(want.conditionKeys, key),
                                   "\(action.canonicalName) \(key)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20_000)
    }

    func testALoadedActionIsAnOrdinaryValue() throws {
        let catalog = try memoryCatalog(ec2: "A\tRunInstances\tWrite\timage*,instance\tec2:Region\tRuns\nA\tStopInstances\tWrite\t\t\tStops\n")
        let loaded = try XCTUnwrap(catalog.action(named: "ec2:RunInstances"))
        var changed = loaded
        changed.description = "Launches"
        XCTAssertEqual(changed.description, "Launches")
        XCTAssertEqual(changed.resourceTypes, ["image", "instance"], "the other properties stay")
        XCTAssertEqual(changed.requiredResourceTypes, ["image"])
        XCTAssertEqual(changed.conditionKeys, ["ec2:Region"])
        XCTAssertTrue(changed.supportsConditionKey("EC2:region"))
        XCTAssertEqual(loaded.description, "Runs", "a copy is changed alone")
        XCTAssertNotEqual(changed, loaded)
        changed.description = "Runs"
        XCTAssertEqual(changed, loaded)
        XCTAssertEqual(Set([changed, loaded]).count, 1)
        XCTAssertNotEqual(loaded, catalog.action(named: "ec2:StopInstances"))
        changed.conditionKeys = []
        XCTAssertFalse(changed.supportsConditionKey("ec2:Region"))
    }

    func testUnsortedLinesLoadSortedWithTheirDependentActions() throws {
        let catalog = try memoryCatalog(ec2: """
            A\tRunInstances\tWrite\tinstance*\tec2:Region\tRuns
            D\tRunInstances\tiam:PassRole
            A\tDescribeInstances\tList\t\t\tLists

            """)
        XCTAssertEqual(catalog.actions(inService: "ec2").map(\.name), ["DescribeInstances", "RunInstances"])
        XCTAssertEqual(catalog.action(named: "ec2:runinstances")?.dependentActions, ["iam:PassRole"])
        XCTAssertEqual(catalog.action(named: "ec2:runinstances")?.conditionKeys, ["ec2:Region"])
        XCTAssertEqual(catalog.action(named: "EC2:DescribeInstances")?.description, "Lists")
        XCTAssertEqual(catalog.action(named: "ec2:DescribeInstances")?.dependentActions, [])
    }

    func testNonASCIIFieldsReadAsStrings() throws {
        let catalog = try memoryCatalog(ec2: "A\tRunInstances\tWrite\tcafé*,thé\tec2:Ré/${TagKey},ec2:Été\tGrants café\nA\tStopInstances\tWrite\t\t\tStops\n")
        let action = try XCTUnwrap(catalog.action(named: "ec2:RunInstances"))
        XCTAssertEqual(action.description, "Grants café")
        XCTAssertEqual(action.resourceTypes, ["café", "thé"])
        XCTAssertEqual(action.requiredResourceTypes, ["café"])
        for key in ["ec2:ÉTÉ", "ec2:été", "ec2:Ré/x", "ec2:RÉ/Team", "ec2:Ré/", "ec2:Ete", "ec2:Region"] {
            XCTAssertEqual(action.supportsConditionKey(key), ConditionKeyList.contains(action.conditionKeys, key), key)
        }
        XCTAssertTrue(action.supportsConditionKey("ec2:ÉTÉ"))
    }

    /// Malformed service files give the messages they always gave, whole.
    func testMalformedServiceFilesGiveTheSameErrors() throws {
        let run = "A\tRunInstances\tWrite\t\t\tRuns\n"
        for (file, message) in [
            (run + "broken line\n", "mem/services/ec2.tsv:2: expected a line starting with A<TAB> (an action), D<TAB> (its dependent actions), R<TAB> (a resource type) or K<TAB> (a condition key)"),
            ("A\tRunInstances\tWrite\t\tRuns\n", "mem/services/ec2.tsv:1: an action line needs 6 tab-separated fields (A, name, access level, resource types, condition keys, description), found 5"),
            (run + "A\tRun Instances\tWrite\t\t\tRuns\n", "mem/services/ec2.tsv:2: 'Run Instances' is not an action name"),
            (run + "A\tec2:Stop\tWrite\t\t\tStops\n", "mem/services/ec2.tsv:2: 'ec2:Stop' is not an action name"),
            (run + "A\t\tWrite\t\t\tStops\n", "mem/services/ec2.tsv:2: '' is not an action name"),
            (run + "A\tStopInstances\tWrites\t\t\tStops\n", "mem/services/ec2.tsv:2: unknown access level 'Writes' (expected one of List, Read, Write, Permissions management, Tagging)"),
            (run + "A\tStopInstances\twrite\t\t\tStops\n", "mem/services/ec2.tsv:2: unknown access level 'write' (expected one of List, Read, Write, Permissions management, Tagging)"),
            (run + "\n# a comment\nA\trunInstances\tWrite\t\t\tRuns again\n", "mem/services/ec2.tsv:4: action runInstances is listed twice (first on line 1)"),
            (run, "mem/services/ec2.tsv: holds 1 actions but index.tsv says ec2 has 2"),
            (run + "A\tStopInstances\tWrite\t\t\tStops\nD\tRunInstances\tiam:PassRole\n", "mem/services/ec2.tsv:3: a dependent-actions line needs 3 fields, D, the name of the action on the line above and its dependent actions"),
            (run + "D\tRunInstances\tiam:Pass*\n", "mem/services/ec2.tsv:2: 'iam:Pass*' is not an action such as iam:PassRole"),
            (run + "K\tRegion\n", "mem/services/ec2.tsv:2: a condition-key line needs 2 fields, K and a key such as ec2:Region"),
            (run + "R\ti\tarn:a:b\t\n", "mem/services/ec2.tsv:2: 'arn:a:b' is not an ARN format such as arn:${Partition}:s3:::${BucketName}"),
        ] {
            let catalog = try memoryCatalog(ec2: file)
            XCTAssertEqual(catalog.loadError(forService: "ec2")?.description, message, file)
            XCTAssertEqual(catalog.actions(inService: "ec2"), [], "a broken service looks empty")
        }
    }

    /// A catalog of one service, ec2 with two actions, whose file is `ec2`.
    private func memoryCatalog(ec2: String) throws -> ActionCatalog {
        let reader = MemoryReader(files: [
            "metadata.tsv": "format\t2\nsource\tiamdata\nversion\t9.9\n",
            "index.tsv": "ec2\tAmazon EC2\t2\n",
            "global-condition-keys.tsv": "aws:SourceIp\n",
            "services/ec2.tsv": ec2,
        ])
        return try ActionCatalog(source: SnapshotSource(reader: reader, location: "mem"))
    }
}

/// Files held in memory.
private struct MemoryReader: ContentReader {
    let files: [String: String]

    func files(under directory: String) throws -> [String] { files.keys.filter { $0.hasPrefix(directory) }.sorted() }
    func fileExists(_ path: String) -> Bool { files[path] != nil }
    func read(_ path: String) throws -> Data {
        guard let text = files[path] else { throw PermDocsError("no such file", file: path) }
        return Data(text.utf8)
    }
}
