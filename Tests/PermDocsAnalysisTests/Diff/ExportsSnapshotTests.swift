import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsSite
import PermDocsTestSupport

/// A published site's exports read back: `data/tools.json` and
/// `data/actions.json` give its actions (all a site built before
/// permissions.json has); with `data/permissions.json`, which holds only what
/// those lack, the analyzed site's snapshot whole.
final class ExportsSnapshotTests: XCTestCase {
    private func exported(_ files: [String: String]) throws -> (site: PermissionSnapshot, exports: PermissionSnapshot) {
        let site = try TestSupport.pipeline(InMemoryContentReader(files), theme: nil).analyze()
        let exports = SiteExports(site: site)
        return (PermissionSnapshot(site: site),
                try PermissionSnapshot(toolsJSON: Data(exports.toolsJSON.utf8), actionsJSON: Data(exports.actionsJSON.utf8)))
    }

    /// The three exports of a site, read back as `permdocs diff` reads a published site.
    static func published(_ site: AnalyzedSite) throws -> PermissionSnapshot {
        let e = SiteExports(site: site)
        return try PermissionSnapshot(toolsJSON: Data(e.toolsJSON.utf8), actionsJSON: Data(e.actionsJSON.utf8), permissionsJSON: Data(e.permissionsJSON.utf8))
    }

    func testPermissionsJSONGivesTheWholeSnapshot() throws {
        let site = try TestSupport.pipeline(InMemoryContentReader(try TestSupport.seedContentFiles()), theme: nil).analyze()
        let exported = try Self.published(site)
        let analyzed = PermissionSnapshot(site: site)
        XCTAssertEqual(exported.holds, .all)
        XCTAssertEqual(exported.tools.map(\.slug), analyzed.tools.map(\.slug))
        for (e, a) in zip(exported.tools, analyzed.tools) {
            XCTAssertFalse(a.findings.isEmpty || a.resources.isEmpty, a.slug)
            XCTAssertEqual(e, a, a.slug)
        }
    }

    func testPublishedSitesDiffAsTheirContentDoes() throws {
        let (original, fixed) = try SeedSiteDiffTests.fixedSeeds()
        func published(_ files: [String: String]) throws -> PermissionSnapshot {
            try Self.published(TestSupport.pipeline(InMemoryContentReader(files), theme: nil).analyze())
        }
        let fromSites = PermissionDiff(base: try published(original), target: try published(fixed), baseLabel: "a", targetLabel: "b")
        let fromContent = PermissionDiff(base: try DiffFixtures.snapshot(files: original), target: try DiffFixtures.snapshot(files: fixed),
                                         baseLabel: "a", targetLabel: "b")
        XCTAssertEqual(fromSites, fromContent)
        XCTAssertEqual(fromSites.resolvedFindings.count, 4)
    }

    func testAnotherFormatIsRefused() throws {
        let e = SiteExports(site: try TestSupport.pipeline(InMemoryContentReader(try TestSupport.seedContentFiles()), theme: nil).analyze())
        XCTAssertThrowsError(try PermissionSnapshot(toolsJSON: Data(e.toolsJSON.utf8), actionsJSON: Data(e.actionsJSON.utf8),
                                                    permissionsJSON: Data(#"{"format": 1, "tools": []}"#.utf8))) { error in
            XCTAssertEqual((error as? PermDocsError)?.description,
                           "data/permissions.json: error: not a permdocs export: format 1, where this permdocs reads formats 2 to 3")
        }
    }

    func testPermissionsJSONHoldsNoCopyOfWhatTheOtherExportsHold() throws {
        let site = try TestSupport.pipeline(InMemoryContentReader(try TestSupport.seedContentFiles()), theme: nil).analyze()
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SiteExports(site: site).permissionsJSON.utf8)) as? [String: Any])
        let tools = try XCTUnwrap(json["tools"] as? [[String: Any]])
        XCTAssertEqual(tools.count, site.tools.count)
        for tool in tools {
            XCTAssertEqual(Set(tool.keys), ["slug", "resources", "principals", "findings"], "actions are in actions.json, names in tools.json")
            // Format 3: rows by their position in actions.json, each distinct resource list once.
            let groups = try XCTUnwrap(tool["resources"] as? [[String: Any]])
            XCTAssertTrue(groups.allSatisfy { Set($0.keys) == ["resources", "rows"] }, "\(groups)")
            let lists = groups.compactMap { $0["resources"] as? [String] }
            XCTAssertEqual(Set(lists).count, lists.count, "a list once per tool")
        }
    }

    /// A site published with format 2 (`kind`, `key` and `resources` per row)
    /// reads as the same snapshot as format 3, which refers to rows by position.
    func testFormatTwoPermissionsJSONIsStillRead() throws {
        let site = try TestSupport.pipeline(InMemoryContentReader(try TestSupport.seedContentFiles()), theme: nil).analyze()
        let e = SiteExports(site: site)
        var document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(e.permissionsJSON.utf8)) as? [String: Any])
        let rows = site.index.rows
        document["format"] = 2
        document["tools"] = try XCTUnwrap(document["tools"] as? [[String: Any]]).map { tool -> [String: Any] in
            var tool = tool
            tool["resources"] = (tool["resources"] as! [[String: Any]]).flatMap { group in
                (group["rows"] as! [Int]).map { ["kind": rows[$0].kind.rawValue, "key": rows[$0].key, "resources": group["resources"]!] as [String: Any] }
            }
            return tool
        }
        let formatTwo = try JSONSerialization.data(withJSONObject: document)
        let two = try PermissionSnapshot(toolsJSON: Data(e.toolsJSON.utf8), actionsJSON: Data(e.actionsJSON.utf8), permissionsJSON: formatTwo)
        XCTAssertEqual(two, try Self.published(site))
        XCTAssertTrue(two.tools.contains { !$0.resources.isEmpty })
    }

    func testTheExportsOfTheDefaultSiteGiveItsActions() throws {
        let (site, exports) = try exported(try TestSupport.seedContentFiles())
        XCTAssertEqual(exports.tools.map(\.slug), site.tools.map(\.slug))
        XCTAssertEqual(exports.tools.map(\.name), site.tools.map(\.name))
        XCTAssertEqual(exports.tools.map(\.firstPageID), site.tools.map(\.firstPageID))
        for (e, s) in zip(exports.tools, site.tools) {
            XCTAssertFalse(s.actions.isEmpty, s.slug)
            XCTAssertEqual(e.actions, s.actions, s.slug)
        }
        XCTAssertEqual(exports.holds, [])
    }

    func testDiffingPublishedSitesComparesActionsAndSaysWhatItCannot() throws {
        let (original, fixed) = try SeedSiteDiffTests.fixedSeeds()
        var widened = fixed
        widened["tools/vm-import-export.md"]! += "\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}]}\n```\n"
        let base = try exported(original).exports, target = try exported(widened).exports
        let diff = PermissionDiff(base: base, target: target, baseLabel: "old/data", targetLabel: "new/data")
        XCTAssertEqual(diff.reportedTools.map(\.slug), ["vm-import-export"])
        XCTAssertEqual(diff.reportedTools.first?.added.map(\.name), ["ec2:*"])
        XCTAssertEqual(diff.reportedTools.first?.changed.map(\.name).isEmpty, false, "the named ec2 actions are now also under ec2:*")
        XCTAssertEqual(diff.notCompared, ["resources, trust-policy principals and findings not compared: a site's data/ exports do not hold them"])
        XCTAssertEqual(diff.newFindings, [])
    }

    /// A site published before format 2 (every field written, no `format`)
    /// reads as the same snapshot as one written now, which leaves defaults out.
    func testFormatOneActionsJSONReadsAsFormatTwo() throws {
        let tools = Data(#"{"tools":[{"slug":"t","name":"T","url":"tools/t/index.html"}]}"#.utf8)
        let formatOne = Data(#"""
        {"catalog":null,"actions":[{"name":"ec2:CreateTags","key":"ec2:createtags","kind":"action","service":"ec2","serviceName":"Amazon EC2",
         "accessLevel":"Tagging","known":true,"description":"d","spellings":["ec2:CreateTags"],"excluded":[],"url":"matrix.html#action-ec2:createtags",
         "tools":[{"slug":"t","how":"explicit","required":true,"named":true,"patterns":[],"notAction":false,"grantees":["user"],"denied":false,
                   "blocks":[{"page":"index","anchor":"policy-1"}],"deniedBlocks":[]}]},
         {"name":"s3:*","key":"s3:*","kind":"pattern","service":"s3","serviceName":null,"accessLevel":null,"known":false,"description":null,
          "spellings":["s3:*"],"excluded":[],"url":"matrix.html#action-s3:*",
          "tools":[{"slug":"t","how":"optional","required":false,"named":false,"patterns":["s3:*"],"notAction":false,"grantees":["service-role"],"denied":false,
                    "blocks":[],"deniedBlocks":[]}]}]}
        """#.utf8)
        let formatTwo = Data(#"""
        {"format":2,"catalog":null,"services":{"ec2":"Amazon EC2"},"actions":[{"name":"ec2:CreateTags","accessLevel":"Tagging","description":"d",
         "tools":[{"slug":"t","blocks":[{"page":"index","anchor":"policy-1"}]}]},
         {"name":"s3:*","kind":"pattern","tools":[{"slug":"t","how":"optional","named":false,"patterns":["s3:*"],"grantees":["service-role"]}]}]}
        """#.utf8)
        let one = try PermissionSnapshot(toolsJSON: tools, actionsJSON: formatOne)
        let two = try PermissionSnapshot(toolsJSON: tools, actionsJSON: formatTwo)
        XCTAssertEqual(one.tools, two.tools)
        let actions = try XCTUnwrap(two.tools.first?.actions)
        let createTags = try XCTUnwrap(actions[ActionRow.ID(kind: .action, key: "ec2:createtags")])
        XCTAssertEqual([createTags.isKnown, createTags.isNamed, createTags.isDenied], [true, true, false])
        XCTAssertEqual(createTags.how, .explicit)
        XCTAssertEqual(createTags.grantees, [.user])
        let pattern = try XCTUnwrap(actions[ActionRow.ID(kind: .pattern, key: "s3:*")])
        XCTAssertEqual([pattern.isKnown, pattern.isNamed], [false, false])
        XCTAssertEqual(pattern.how, .optional)
        XCTAssertEqual(pattern.grantees, [.serviceRole])
    }

    func testANewerActionsFormatIsRefused() {
        XCTAssertThrowsError(try PermissionSnapshot(toolsJSON: Data(#"{"tools": []}"#.utf8), actionsJSON: Data(#"{"format": 3, "actions": []}"#.utf8))) { error in
            XCTAssertEqual((error as? PermDocsError)?.description,
                           "data/actions.json: error: not a permdocs export: format 3, where this permdocs reads formats 1 to 2")
        }
    }

    func testSomethingElseIsNotReadAsExports() {
        XCTAssertThrowsError(try PermissionSnapshot(toolsJSON: Data("[]".utf8), actionsJSON: Data("{}".utf8))) { error in
            XCTAssertEqual((error as? PermDocsError)?.description, "data/tools.json: error: not a permdocs export: not a JSON object")
        }
        XCTAssertThrowsError(try PermissionSnapshot(toolsJSON: Data(#"{"tools": []}"#.utf8), actionsJSON: Data(#"{"rows": []}"#.utf8))) { error in
            XCTAssertEqual((error as? PermDocsError)?.description, "data/actions.json: error: not a permdocs export: no \"actions\" list")
        }
    }
}
