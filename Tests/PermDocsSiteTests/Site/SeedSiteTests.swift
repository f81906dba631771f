import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsPolicy
import PermDocsAnalysis

/// Builds the default site from `Content/` and checks what the seeds must give.
final class SeedSiteTests: XCTestCase {
    static var report: Pipeline.Result?

    private func build() throws -> Pipeline.Result {
        if let r = Self.report { return r }
        let content = DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))
        let r = try TestSupport.pipeline(content).render()
        Self.report = r
        return r
    }

    private func tool(_ slug: String) throws -> AnalyzedTool {
        try XCTUnwrap(build().site.tools.first { $0.slug == slug }, "no tool \(slug)")
    }

    private func kinds(_ slug: String) throws -> [PolicyBlock.Kind: Int] {
        Dictionary(grouping: try tool(slug).blocks, by: \.kind).mapValues(\.count)
    }

    func testAnActionOutsideTheCatalogShowsNoDescriptionNotEvenTheTools() throws {
        // CloudBerry has a description and names ami:ListRoles, which the catalog lacks.
        // Its row once showed the tool's description, found by Mustache in the page's context.
        let html = try TestSupport.text(build(), "tools/cloudberry-restore-to-ec2/index.html")
        let description = try XCTUnwrap(tool("cloudberry-restore-to-ec2").tool.metadata.description)
        let row = try XCTUnwrap(html.components(separatedBy: "\n").first { $0.contains("<code>ami:ListRoles</code>") })
        XCTAssertTrue(row.contains("not in the catalog"), row)
        XCTAssertFalse(row.contains(description), row)
        XCTAssertFalse(row.contains("<small>"), "no empty description: " + row)
    }

    func testFiveToolsInConfiguredOrder() throws {
        XCTAssertEqual(try build().site.tools.map(\.slug), ["vm-import-export", "server-migration-service", "veeam-restore-to-ec2", "cloudberry-restore-to-ec2", "database-migration-service"])
        XCTAssertEqual(try tool("veeam-restore-to-ec2").tool.metadata.productVersion, "13.0.1.1071", "Veeam's own front matter is mapped")
        XCTAssertEqual(try tool("cloudberry-restore-to-ec2").tool.metadata.lastUpdated, "2016-05-16")
        // The seeds read cleanly: every finding is about a policy, but for DMS's three links to
        // sibling pages of the AWS guide, which the site does not have.
        let diagnostics = try build().diagnostics
        XCTAssertFalse(diagnostics.isEmpty)
        let links = diagnostics.filter { $0.id == "broken-link" }
        XCTAssertEqual(links.map(\.subject), ["CHAP_Security.FineGrainedAccess.md", "CHAP_Security.APIRole.md", "CHAP_Security.APIRole.md"])
        XCTAssertTrue(links.allSatisfy { $0.location.file == "tools/database-migration-service.md" })
        XCTAssertTrue(diagnostics.allSatisfy { $0.block != nil || $0.id == "broken-link" }, "\(diagnostics.filter { $0.block == nil })")
    }

    func testBlockCountsAndClassification() throws {
        XCTAssertEqual(try tool("vm-import-export").blocks.count, 6)
        XCTAssertEqual(try kinds("vm-import-export"), [.identity: 2, .optionalAddOn: 2, .trust: 2])
        XCTAssertEqual(try tool("server-migration-service").blocks.count, 3)
        XCTAssertEqual(try kinds("server-migration-service"), [.identity: 2, .trust: 1])
        XCTAssertEqual(try kinds("veeam-restore-to-ec2"), [.identity: 1])
        XCTAssertEqual(try tool("veeam-restore-to-ec2").blocks[0].origin, .tableCell)
        XCTAssertEqual(try kinds("cloudberry-restore-to-ec2"), [.identity: 1])
        XCTAssertEqual(try kinds("database-migration-service"), [.identity: 1, .excerpt: 7])
        XCTAssertTrue(try tool("database-migration-service").blocks.filter { $0.kind == .excerpt }.allSatisfy { $0.excerptOf?.anchor == "policy-1" })
        // VM Import/Export: the user's policy is the user's, the role's policy and add-ons the
        // service role's; its trust policies grant nothing (grantee none).
        XCTAssertEqual(try tool("vm-import-export").blocks.map(\.grantee), [.user, .nobody, .serviceRole, .serviceRole, .serviceRole, .nobody])
    }

    func testActionsUnderTheRightToolsCaseInsensitively() throws {
        let index = try build().site.index
        let veeam = "veeam-restore-to-ec2", vm = "vm-import-export", dms = "database-migration-service"
        XCTAssertNotNil(index.need(Action("s3:PutLifecycleConfiguration"), by: veeam))
        XCTAssertEqual(index.need(Action("s3:putlifecycleconfiguration"), by: veeam)?.spellings, ["s3:PutLifeCycleConfiguration"])
        XCTAssertNotNil(index.need(Action("S3:PUTOBJECT"), by: vm))
        XCTAssertEqual(Set(index.needs[Action("s3:PutObject")]!.keys), [vm, veeam])
        // DMS's actions are counted once although each statement appears twice.
        XCTAssertEqual(index.actions(of: dms).count, 23)  // 1 dms + 2 kms + 4 iam + 8 ec2 + 2 cloudwatch + 4 logs + 2 redshift
        XCTAssertEqual(index.need(Action("dms:*"), by: dms)?.blocks.count, 2)
        // Optional add-ons are marked as such; trust policies grant nothing.
        XCTAssertEqual(index.need(Action("kms:Decrypt"), by: vm)?.required, false)
        XCTAssertNil(index.need(Action("sts:AssumeRole"), by: vm))
        XCTAssertEqual(index.need(Action("ec2:CopySnapshot"), by: vm)?.viaServiceRole, true)
    }

    func testPagesShowWhatEachToolNeeds() throws {
        let report = try build()
        let vm = try TestSupport.text(report, "tools/vm-import-export/index.html")
        XCTAssertTrue(vm.contains("id=\"iam-permissions-image\""))
        XCTAssertTrue(vm.contains("<figure class=\"policy policy-trust\" id=\"policy-2\">"))
        XCTAssertTrue(vm.contains("What this tool needs"))
        XCTAssertTrue(vm.contains("<code>ec2:CancelImportTask</code>"))
        XCTAssertTrue(vm.contains("id=\"optional-add-ons\""))
        XCTAssertTrue(vm.contains("Service: vmie.amazonaws.com"))
        let veeam = try TestSupport.text(report, "tools/veeam-restore-to-ec2/index.html")
        XCTAssertTrue(veeam.contains("<code>s3:PutLifeCycleConfiguration</code>"))
        XCTAssertTrue(veeam.contains("from table cell"))
        XCTAssertTrue(veeam.contains("{\n  <span class=\"jk\">&quot;Version&quot;</span>: <span class=\"js\">&quot;2012-10-17&quot;</span>,\n"), "the one-line cell policy is shown indented")
        // One row per action across tools, whatever the spelling, named as the catalog spells it.
        let rows = try CrossReferencePagesTests.matrixRows(report)
        XCTAssertEqual(rows.values.filter { $0.name.lowercased() == "s3:putlifecycleconfiguration" }.map(\.name), ["s3:PutLifecycleConfiguration"])
        XCTAssertEqual(rows["action-ec2:createtags"]?.url, "services/ec2.html#createtags")
        let index = try TestSupport.text(report, "index.html")
        for name in ["AWS VM Import/Export", "AWS Server Migration Service (SMS)", "Veeam Backup &amp; Replication (restore to Amazon EC2)", "CloudBerry Backup (restore to EC2)", "AWS Database Migration Service (DMS)"] {
            XCTAssertTrue(index.contains(name), name)
        }
        XCTAssertTrue(report.files.contains { $0.path == "assets/style.css" })
    }

    func testMatrixRowForCreateTags() throws {
        let row = try XCTUnwrap(CrossReferencePagesTests.matrixRows(build())["action-ec2:createtags"])
        // VM Import/Export, SMS (service role), Veeam, CloudBerry need it; DMS does not.
        XCTAssertEqual(row.labels.count, 5, "a cell per tool")
        XCTAssertEqual(row.labels.filter { $0.hasPrefix("named") }.count, 4, "\(row.labels)")
        XCTAssertEqual(row.total, 4)
    }

    func testSameInputGivesSameBytes() throws {
        let content = DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))
        let a = try TestSupport.pipeline(content, generator: "x").render().files
        let b = try TestSupport.pipeline(content, generator: "x").render().files
        XCTAssertEqual(a, b)
    }
}
