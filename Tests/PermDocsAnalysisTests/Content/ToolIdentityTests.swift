import XCTest
@testable import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// Where a tool's name and metadata come from, and the landing page of a
/// folder without `index.md`.
final class ToolIdentityTests: XCTestCase {
    private func load(_ files: [String: String]) throws -> [Tool] {
        try ContentLoader(reader: InMemoryContentReader(files)).load().1
    }

    func testSiteYmlToolsWinOverFrontMatter() throws {
        let tools = try load([
            "site.yml": """
                tools:
                  dms:
                    name: AWS Database Migration Service
                    short_name: DMS
                    vendor: Amazon Web Services
                    source_url: https://docs.aws.amazon.com/dms/
                    edit_url: https://github.com/awsdocs/aws-dms-user-guide/edit/main/
                """,
            "tools/dms/index.md": "---\ntool: Front Matter Name\nvendor: Someone\nproduct_version: '3'\n---\n# Heading\n",
            "tools/dms/setup.md": "# Setup\n",
        ])
        let meta = tools[0].metadata
        XCTAssertEqual(meta.name, "AWS Database Migration Service")
        XCTAssertEqual(meta.shortName, "DMS")
        XCTAssertEqual(meta.vendor, "Amazon Web Services")
        XCTAssertEqual(meta.sourceURL, "https://docs.aws.amazon.com/dms/")
        XCTAssertEqual(meta.editURL, "https://github.com/awsdocs/aws-dms-user-guide/edit/main/")
        XCTAssertEqual(meta.productVersion, "3", "what site.yml does not say still comes from front matter")
        XCTAssertFalse(tools[0].pages[0].isGenerated)
    }

    func testAFolderToolIsNamedByItsIndexThenItsFolderNeverByAnotherPage() throws {
        let tools = try load([
            "tools/from-front-matter/index.md": "---\ntool: Named In Front Matter\n---\n# Not This\n",
            "tools/from-heading/index.md": "text\n\n# Named By Heading\n",
            "tools/from-heading/a.md": "# A page\n",
            "tools/aws-dms-user-guide/CHAP_Events.md": "---\ntool: Not This Either\ntitle: Events\n---\n# NAME\n",
            "tools/aws-dms-user-guide/AddLayerVersionPermission.md": "# AddLayerVersionPermission\n",
        ])
        let names = Dictionary(uniqueKeysWithValues: tools.map { ($0.slug, $0.metadata.name) })
        XCTAssertEqual(names, [
            "from-front-matter": "Named In Front Matter",
            "from-heading": "Named By Heading",
            "aws-dms-user-guide": "AWS DMS User Guide",
        ])
        let dms = try XCTUnwrap(tools.first { $0.slug == "aws-dms-user-guide" })
        XCTAssertNil(dms.metadata.vendor)
        XCTAssertEqual(dms.pages.map(\.pageID), ["index", "AddLayerVersionPermission", "CHAP_Events"])
    }

    func testReadableNamesFromFolderNames() {
        let cases = [
            "aws-dms-user-guide": "AWS DMS User Guide",
            "awsdocs__aws-dms-user-guide": "AWS DMS User Guide",
            "awsdocs__amazon-s3-userguide": "Amazon S3 User Guide",
            "awsdocs__aws-cloudformation-user-guide": "AWS CloudFormation User Guide",
            "awsdocs__vm-import-export-user-guide": "VM Import Export User Guide",
            "aws__karpenter-provider-aws": "Karpenter Provider AWS",
            "cert-manager__website": "Cert Manager",
            "spinnaker__spinnaker.github.io": "Spinnaker",
            "rclone__rclone": "Rclone",
            "guide_for_the_cli": "Guide for the CLI",
            "MyTool": "MyTool",
            "ec2-iot-setup": "EC2 IoT Setup",
            "__": "__",
        ]
        for (slug, name) in cases {
            XCTAssertEqual(ReadableName.from(slug), name, slug)
        }
    }

    func testAFolderWithoutIndexGetsALandingPageListingItsPages() throws {
        let tools = try load([
            "tools/guide/doc_source/zeta.md": "# Zeta *page*\n",  // the title is the heading's text
            "tools/guide/doc_source/alpha.md": "# Alpha [1] {{< x >}}\n",
            "tools/guide/doc_source/page 10.md": "# Page 10\n",
            "tools/guide/doc_source/page 9.md": "# Page 9\n",
            "tools/guide/doc_source/v1.10/deep/b.md": "# B\n",
            "tools/guide/doc_source/v1.9/deep/a.md": "no heading\n",
        ])
        let landing = tools[0].pages[0]
        XCTAssertTrue(landing.isGenerated)
        XCTAssertEqual(landing.pageID, "index")
        XCTAssertEqual(landing.path, "tools/guide/", "the folder, which exists; no index.md is claimed")
        XCTAssertEqual(landing.firstH1, "Guide")
        XCTAssertEqual(landing.body, """
            # Guide

            - [Alpha \\[1\\] \\{\\{\\< x \\>\\}\\}](<doc_source/alpha.md>)
            - [Page 9](<doc_source/page 9.md>)
            - [Page 10](<doc_source/page 10.md>)
            - [Zeta page](<doc_source/zeta.md>)
            - v1\\.9\\/deep\\/
              - [doc\\_source\\/v1\\.9\\/deep\\/a](<doc_source/v1.9/deep/a.md>)
            - v1\\.10\\/deep\\/
              - [B](<doc_source/v1.10/deep/b.md>)

            """)
    }

    func testTheLandingPageIsTheToolsIntroWithWhatItNeeds() throws {
        let built = try TestSupport.build([
            "tools/guide/doc_source/setup page.md": "# Setup (roles)\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}\n```\n",
        ])
        let intro = try TestSupport.text(built, "tools/guide/index.html")
        XCTAssertTrue(intro.contains("<h1 id=\"guide\">Guide"), "the landing page's own H1 is the tool's name")
        XCTAssertTrue(intro.contains("<a href=\"doc_source/setup page.html\">Setup (roles)</a>"), "the list links the rendered page")
        XCTAssertTrue(intro.contains("What this tool needs"))
        XCTAssertTrue(intro.contains("s3:GetObject"))
        XCTAssertEqual(built.site.diagnostics.filter { $0.location.file == "tools/guide/" }, [], "the generated page has no findings")
        XCTAssertFalse(intro.contains("template-tag"))
    }

    func testToolsSettingsErrorsNameTheirPlace() {
        func error(_ yaml: String, tools: [String: String] = ["tools/a.md": "# A\n"]) -> PermDocsError? {
            var files = tools
            files["site.yml"] = yaml
            do { _ = try load(files); return nil } catch { return error as? PermDocsError }
        }
        let unknownTool = error("tools:\n  a: {name: A}\n  nope: {name: B}\n")
        XCTAssertEqual(unknownTool?.location, SourceLocation(file: "site.yml", line: 3, column: 3))
        XCTAssertTrue(unknownTool?.message.contains("'nope', which is not in tools/ (tools: a)") == true, "\(String(describing: unknownTool))")
        let unknownKey = error("tools:\n  a:\n    title: A\n")
        XCTAssertEqual(unknownKey?.location, SourceLocation(file: "site.yml", line: 3, column: 5))
        XCTAssertTrue(unknownKey?.message.contains("expected one of: name, short_name, vendor, source_url, edit_url") == true)
        XCTAssertEqual(error("tools: [a]\n")?.location?.line, 1)
        XCTAssertEqual(error("tools:\n  a: A\n")?.location, SourceLocation(file: "site.yml", line: 2, column: 6))
        XCTAssertEqual(error("tools:\n  a: {name: [x]}\n")?.location?.line, 2)
        let multiLine = error("tools:\n  a:\n    short_name: \"D\\nMS\"\n")
        XCTAssertEqual(multiLine?.location, SourceLocation(file: "site.yml", line: 3, column: 17))
        XCTAssertTrue(multiLine?.message.contains("'tools.a.short_name' must be one line") == true, "\(String(describing: multiLine))")
    }
}
