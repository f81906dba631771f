import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore
import PermDocsAnalysis

/// The cross-reference pages of the seed site: matrix, overlap map and pair
/// pages, action and service pages, combined policies and the data exports.
final class CrossReferencePagesTests: XCTestCase {
    typealias S = CrossReferenceSupport
    static var report: Pipeline.Result?

    private func build() throws -> Pipeline.Result {
        if let r = Self.report { return r }
        let content = DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))
        let r = try TestSupport.pipeline(content).render()
        Self.report = r
        return r
    }

    /// A row of the matrix as `data/matrix.js` gives it to the page's script.
    struct MatrixRow {
        var name: String, url: String, service: String, level: String, kind: Int, unknown: Bool, states: String, total: Int
        /// Per tool, in column order: the cell's label, or "" for an empty cell; and the mark's link.
        var labels: [String]
        var links: [String]
    }

    /// The matrix data, parsed as the browser reads it.
    static func matrixData(_ report: Pipeline.Result) throws -> [String: Any] {
        let text = try TestSupport.text(report, MatrixData.path)
        let prefix = "window.permdocsMatrix = ", suffix = ";\n"
        XCTAssertTrue(text.hasPrefix(prefix) && text.hasSuffix(suffix))
        let json = text.dropFirst(prefix.count).dropLast(suffix.count)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// Each row's name and address, as the browser reads them from `data/rows.js`
    /// (an anchor left out is the name after its first `:`, lower-cased).
    static func sharedRows(_ report: Pipeline.Result) throws -> [(name: String, url: String)] {
        let text = try TestSupport.text(report, RowsData.path)
        let prefix = "window.permdocsRows = ", suffix = ";\n"
        XCTAssertTrue(text.hasPrefix(prefix) && text.hasSuffix(suffix))
        let json = text.dropFirst(prefix.count).dropLast(suffix.count)
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try XCTUnwrap(data["pages"] as? [String])
        return try XCTUnwrap(data["rows"] as? [[Any]]).map { row in
            let name = row[0] as! String
            let anchor = row.count > 2 ? row[2] as! String : name.split(separator: ":", maxSplits: 1).last.map { $0.lowercased() } ?? ""
            return (name, pages[row[1] as! Int] + "#" + anchor)
        }
    }

    static func matrixRows(_ report: Pipeline.Result) throws -> [String: MatrixRow] {
        let data = try matrixData(report)
        let shared = try sharedRows(report)
        let blocks = try XCTUnwrap(data["blocks"] as? [String]), labels = try XCTUnwrap(data["labels"] as? [String])
        let services = try XCTUnwrap(data["services"] as? [[Any]])
        var rows: [String: MatrixRow] = [:]
        let matrixRows = try XCTUnwrap(data["rows"] as? [[Any]])
        XCTAssertEqual(matrixRows.count, shared.count, "a row of rows.js per matrix row")
        for (i, r) in matrixRows.enumerated() {
            let (name, url) = shared[i]
            let fragment = (r[0] as! String).isEmpty ? "action-" + name.lowercased() : r[0] as! String
            let states = r[5] as! String, cells = r[7] as! [Int]
            var c = 0
            var cellLabels: [String] = [], links: [String] = []
            for state in states {
                if state == "." { cellLabels.append(""); links.append(""); continue }
                links.append(cells[c] >= 0 ? blocks[cells[c]] : url)
                cellLabels.append(labels[cells[c + 1]])
                c += 2
            }
            XCTAssertEqual(c, cells.count, "a cell per tool that reaches the row")
            rows[fragment] = MatrixRow(name: name, url: url, service: services[r[1] as! Int][0] as! String,
                                       level: r[2] as! String, kind: r[3] as! Int, unknown: r[4] as! Int == 1,
                                       states: states, total: r[6] as! Int, labels: cellLabels, links: links)
        }
        return rows
    }

    private func matrixRow(_ id: String) throws -> MatrixRow {
        try XCTUnwrap(Self.matrixRows(build())[id], "no row \(id)")
    }

    func testMatrixMarksExplicitWildcardRoleAndUnknown() throws {
        // Tools: vm, sms, veeam, cloudberry, dms.
        let createTags = try matrixRow("action-ec2:createtags")
        XCTAssertEqual(createTags.labels, ["named explicitly", "named, for its service role", "named explicitly", "named explicitly", ""])
        XCTAssertEqual(createTags.states, "eree.")
        XCTAssertEqual(createTags.total, 4)
        XCTAssertEqual(createTags.name, "ec2:CreateTags")
        XCTAssertEqual(createTags.url, "services/ec2.html#createtags")
        XCTAssertTrue(createTags.links[0].hasPrefix("tools/vm-import-export/index.html#policy-"), createTags.links[0])

        let describe = try matrixRow("action-ec2:describeinstances")
        XCTAssertEqual(describe.labels, ["named explicitly", "via wildcard ec2:Describe*", "named explicitly", "named explicitly", ""])

        let getObject = try matrixRow("action-s3:getobject")
        XCTAssertEqual(getObject.labels, ["named explicitly", "", "named explicitly", "via wildcard s3:*", ""])

        let unknown = try matrixRow("action-ami:listroles")
        XCTAssertTrue(unknown.unknown)
        XCTAssertEqual(unknown.labels, ["", "", "", "named explicitly", ""], "no one else is marked, not even through a wildcard")
        XCTAssertEqual(unknown.level, "unknown")
        XCTAssertEqual(unknown.url, "services/not-in-catalog.html#ami-listroles")

        let pattern = try matrixRow("action-ec2:describe*")
        XCTAssertEqual(pattern.kind, 1)
        XCTAssertEqual(pattern.level, "pattern")

        let report = try build()
        let matrix = try TestSupport.text(report, "matrix.html")
        XCTAssertTrue(matrix.contains("<script src=\"data/matrix.js\" defer></script>\n<script src=\"assets/matrix.js\" defer></script>"))
        XCTAssertTrue(matrix.contains("<li><a href=\"services/ec2.html\">ec2</a> <span class=\"count\">Amazon EC2</span>"), "readers without JavaScript reach every row through its service's page")
        XCTAssertFalse(matrix.contains("<tr id=\""), "no row is in the page itself")
        // Every row of the index is in the data, once.
        XCTAssertEqual(try Self.matrixRows(report).count, report.site.index.rows.count)
    }

    func testOverlapPageComparisonDataAndSimilarTools() throws {
        let report = try build()
        let overlap = ToolOverlap(index: report.site.index)
        let page = try TestSupport.text(report, "overlap.html")
        XCTAssertTrue(page.contains("<svg class=\"heatmap\""))
        let shared = overlap.sharedCount(S.vm, S.sms)
        let union = overlap.needSet(of: S.vm).union(overlap.needSet(of: S.sms)).count
        let percent = OverlapHeatMap.percent(overlap.jaccard(S.vm, S.sms))
        XCTAssertTrue(page.contains("<a href=\"overlap.html?tools=vm-import-export,server-migration-service#compare\">AWS VM Import/Export — AWS Server Migration Service (SMS)</a></th><td class=\"num\">\(shared)</td><td class=\"num\">\(union)</td><td class=\"num\">\(percent)</td>"))
        XCTAssertTrue(page.contains("<title>AWS VM Import/Export and AWS Server Migration Service (SMS): \(shared) shared of \(union), Jaccard \(percent)</title>"))
        // One heat-map cell per ordered pair, each a link.
        XCTAssertEqual(page.components(separatedBy: "<rect class=\"heat ").count - 1, 25)
        XCTAssertTrue(page.contains("<input type=\"checkbox\" name=\"tool\" value=\"database-migration-service\">"))
        XCTAssertTrue(page.contains("<script src=\"data/compare.js\" defer></script>"))
        // No file per pair of tools.
        XCTAssertFalse(report.files.contains { $0.path.hasPrefix("overlap/") || $0.path.hasPrefix("policies/pairs/") })

        // The data: each tool's need set as row numbers, what its wildcards reach, its merged statements.
        let text = try TestSupport.text(report, CompareData.path)
        let json = text.dropFirst("window.permdocsCompare = ".count).dropLast(2)
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertNil(data["rows"], "names and addresses are in data/rows.js, not copied here")
        XCTAssertEqual(try Self.sharedRows(report).map(\.name), report.site.index.rows.map(\.name))
        let tools = try XCTUnwrap(data["tools"] as? [[String: Any]])
        XCTAssertEqual(tools.compactMap { $0["slug"] as? String }, report.site.index.toolOrder)
        for tool in tools {
            let slug = try XCTUnwrap(tool["slug"] as? String)
            let needs = try XCTUnwrap(tool["needs"] as? [Int])
            XCTAssertEqual(Set(needs.map { report.site.index.rows[$0].id }), overlap.needSet(of: slug), slug)
            let statements = try XCTUnwrap(tool["statements"] as? [[String: Any]])
            XCTAssertEqual(statements.compactMap { $0["actions"] as? [String] }, CombinedPolicy(tool: report.site.tools.first { $0.slug == slug }!, catalog: report.site.catalog).required.statements.map(\.actions))
        }
        // SMS's ec2:Describe* reaches VM Import/Export's ec2:DescribeInstances, which SMS does not name.
        let sms = try XCTUnwrap(tools.first { $0["slug"] as? String == S.sms })
        let covers = try XCTUnwrap(sms["covers"] as? [[Any]])
        let describe = try XCTUnwrap(covers.first { $0[0] as? String == "ec2:Describe*" })
        let reached = try XCTUnwrap(describe[1] as? [Int]).map { try Self.sharedRows(report)[$0].name }
        XCTAssertTrue(reached.contains("ec2:DescribeInstances"), "\(reached)")

        // Without JavaScript, a tool page lists its most similar tools, linking to their comparison.
        let vm = try TestSupport.text(report, "tools/vm-import-export/index.html")
        XCTAssertTrue(vm.contains("<h2 id=\"similar-tools\">Most similar tools</h2>"))
        XCTAssertTrue(vm.contains("<a href=\"../../tools/server-migration-service/index.html\">AWS Server Migration Service (SMS)</a>: \(shared) shared, \(percent) similar · <a href=\"../../overlap.html?tools=vm-import-export,server-migration-service#compare\">compare</a>"), vm)
    }

    /// Merge keys group statements as `MergedPolicyDocument` does: the union of
    /// two tools' merged documents, merged again by key, is their combined policy.
    func testMergeKeysGroupAsTheMergedDocumentDoes() throws {
        let site = try CrossReferenceSupport.site([
            "a": S.guide(S.allow("s3:GetObject", resource: "arn:aws:s3:::b/*"), #"{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}"#),
            "b": S.guide(S.allow("S3:PutObject", resource: "arn:aws:s3:::b/*"), S.allow("s3:*", resource: "arn:aws:s3:::b/*"),
                         #"{"Effect": "Deny", "Action": "s3:deletebucket", "Resource": "*"}"#,
                         #"{"Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*", "Condition": {"Bool": {"AWS:SecureTransport": ["true"]}}}"#,
                         #"{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"Bool": {"aws:securetransport": "true"}}}"#),
        ])
        let catalog = try CrossReferenceSupport.catalog()
        let perTool = site.tools.map { CombinedPolicy(tool: $0, catalog: catalog).required.statements }
        var groups: [String: Set<String>] = [:]
        for st in perTool.joined() { groups[CompareData.mergeKey(st), default: []].formUnion(st.actions.map { $0.lowercased() }) }
        let union = CombinedPolicy(tools: site.tools, catalog: catalog).required.statements
        XCTAssertEqual(groups.count, union.count, "one key per statement of the union")
        XCTAssertEqual(union.count, 3, "bucket statements merged, the two Denys one, the two conditions (case of the key ignored) one")
        for st in union {
            let key = CompareData.mergeKey(st)
            XCTAssertNotNil(groups[key], "\(st)")
            XCTAssertTrue(Set(st.actions.map { $0.lowercased() }).isSubset(of: groups[key] ?? []))
        }
    }

    /// The row of `anchor` on a service page, up to its end.
    private func serviceRow(_ page: String, _ anchor: String) throws -> String {
        let start = try XCTUnwrap(page.range(of: "<tr id=\"\(anchor)\">"), "no row \(anchor)")
        let end = try XCTUnwrap(page.range(of: "</tr>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    func testServicePagesShowEachRowWithTheToolsThatNeedIt() throws {
        let report = try build()
        let ec2 = try TestSupport.text(report, "services/ec2.html")
        let createTags = try serviceRow(ec2, "createtags")
        XCTAssertTrue(createTags.contains("<th scope=\"row\"><a href=\"#createtags\"><code>ec2:CreateTags</code></a>"))
        XCTAssertTrue(createTags.contains("<td>Tagging</td>"))
        XCTAssertTrue(createTags.contains("<small>Grants permission to add or overwrite one or more tags"))
        // Over a hundred resource types: four shown, the rest counted.
        XCTAssertEqual(createTags.components(separatedBy: "</code> ").count - 1, 4, createTags)
        XCTAssertTrue(createTags.contains(" more ·"))
        XCTAssertTrue(createTags.contains("href=\"../matrix.html#action-ec2:createtags\""))
        // A cell per tool that needs something of ec2, linking to the granting block; the role's mark says it.
        // The link's title is its accessible name too (the mark is hidden from screen readers), written once per cell.
        XCTAssertTrue(createTags.contains("<td class=\"c-e\"><a href=\"../tools/vm-import-export/index.html#policy-1\" title=\"named explicitly\"><span aria-hidden=\"true\">●</span></a></td>"))
        XCTAssertTrue(createTags.contains("<td class=\"c-r\"><a href=\"../tools/server-migration-service/index.html#policy-3\" title=\"named, for its service role\">"))
        XCTAssertTrue(createTags.hasSuffix("<td class=\"num\">4</td></tr>"), createTags)
        for name in ["AWS VM Import/Export", "AWS Server Migration Service (SMS)", "Veeam Backup &amp; Replication (restore to Amazon EC2)", "CloudBerry Backup (restore to EC2)"] {
            XCTAssertTrue(ec2.contains("\">\(name)</a></th>"), name)
        }

        // Only the tools that reach a row of the service are columns: DMS needs nothing of s3.
        let s3 = try TestSupport.text(report, "services/s3.html")
        XCTAssertFalse(s3.contains("AWS Database Migration Service (DMS)</a></th>"))
        let getObject = try serviceRow(s3, "getobject")
        XCTAssertTrue(getObject.contains("<a href=\"../tools/cloudberry-restore-to-ec2/index.html#policy-1\" title=\"via wildcard s3:*\">"), "CloudBerry's s3:* is named in the cell")
        XCTAssertTrue(getObject.contains("named explicitly (for the user and service role)"), getObject)

        // Services the catalog does not know share one page; the prefix stays in the anchor.
        XCTAssertFalse(report.files.contains { $0.path == "services/ami.html" })
        let notInCatalog = try TestSupport.text(report, SiteMap.unknownServicesPage)
        XCTAssertTrue(notInCatalog.contains("The action catalog has none of these services"))
        let unknown = try serviceRow(notInCatalog, "ami-listroles")
        XCTAssertTrue(unknown.contains("<span class=\"badge unknown\">unknown</span>"))
        XCTAssertTrue(unknown.contains("Written in guides as <code>ami:ListRoles</code>"))
        XCTAssertEqual(try Self.matrixRows(report)["action-ami:listroles"]?.url, "services/not-in-catalog.html#ami-listroles")

        // No page per action; every row has an anchor on its service page, and the tool page links its actions there.
        XCTAssertFalse(report.files.contains { $0.path.hasPrefix("actions/") })
        let anchors = report.files.filter { $0.path.hasPrefix("services/") }
            .map { String(decoding: $0.data, as: UTF8.self).components(separatedBy: "<tr id=\"").count - 1 }.reduce(0, +)
        XCTAssertEqual(anchors, report.site.index.rows.count)
        let vm = try TestSupport.text(report, "tools/vm-import-export/index.html")
        XCTAssertTrue(vm.contains("<a href=\"../../services/ec2.html#cancelimporttask\"><code>ec2:CancelImportTask</code></a>"), "tool pages link rows")
    }

    func testCombinedPolicyShownIsTheDownload() throws {
        let report = try build()
        for tool in report.site.tools {
            try assertShownPolicyEqualsFile(report, page: "tools/\(tool.slug)/index.html", file: "policies/\(tool.slug).json")
        }
        let vm = try TestSupport.text(report, "tools/vm-import-export/index.html")
        XCTAssertTrue(vm.contains("<a class=\"download\" href=\"../../policies/vm-import-export.json\" download>"))
        XCTAssertTrue(vm.contains("id=\"combined-optional\""), "VM Import/Export has optional add-ons")
        XCTAssertNotNil(report.files.first { $0.path == "policies/optional/vm-import-export.json" })
        // The file is the CombinedPolicy's document, and parses as a policy.
        let file = try TestSupport.text(report, "policies/vm-import-export.json")
        XCTAssertEqual(file, CombinedPolicy(tool: report.site.tools[0], catalog: report.site.catalog).required.json + "\n")
        _ = try S.parsePolicy(file)
        XCTAssertTrue(vm.contains("<svg class=\"access-bar\""), "access-level bar on the tool page")
        XCTAssertTrue(try TestSupport.text(report, "index.html").contains("<svg class=\"access-bar\""), "and on the index")
    }

    func testExportsAndSearchAreWritten() throws {
        let report = try build()
        let exports = SiteExports(site: report.site)
        for file in exports.files {
            XCTAssertEqual(try TestSupport.text(report, file.path), String(decoding: file.data, as: UTF8.self), file.path)
        }
        let csv = try TestSupport.text(report, "data/matrix.csv")
        XCTAssertTrue(csv.contains("ec2:DescribeInstances,action,ec2,List,yes,explicit,wildcard:ec2:Describe*,explicit,explicit,\r\n"), csv)
        let search = try TestSupport.text(report, "search.html")
        XCTAssertTrue(search.contains("<a href=\"services/ec2.html#createtags\"><code>ec2:CreateTags</code></a>"))
        XCTAssertTrue(search.contains("<a href=\"services/ec2.html\">ec2</a>"))
        let index = try TestSupport.text(report, "index.html")
        XCTAssertTrue(index.contains("<form class=\"site-search\" role=\"search\" action=\"search.html\""))
        XCTAssertTrue(index.contains("<script src=\"assets/search.js\" defer></script>"))
    }

    func testToolSetPageAndQuotaWarning() throws {
        let big = (0..<400).map { "\"ec2:Describe\($0)Thing\"" }.joined(separator: ", ")
        let report = try TestSupport.build([
            "site.yml": "title: T\ntool_sets:\n  Pair: [a, b]\n  Big one: [big]\n",
            "tools/a.md": S.guide(S.allow("s3:GetObject")),
            "tools/b.md": S.guide(S.allow("s3:PutObject", "s3:GetObject")),
            "tools/big.md": "# Big\n\nAttach this policy:\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(big)], \"Resource\": \"*\"}]}\n```\n",
        ])
        let pair = try TestSupport.text(report, "sets/pair.html")
        XCTAssertTrue(pair.contains("<h1>Pair</h1>"))
        XCTAssertFalse(pair.contains("class=\"warning\""))
        try assertShownPolicyEqualsFile(report, page: "sets/pair.html", file: "policies/sets/pair.json")
        let policy = try S.parsePolicy(try TestSupport.text(report, "policies/sets/pair.json"))
        XCTAssertEqual(Set(policy.statements.flatMap { $0.actions ?? [] }.map(\.value.written)), ["s3:GetObject", "s3:PutObject"])
        let big1 = try TestSupport.text(report, "sets/big-one.html")
        XCTAssertTrue(big1.contains("<p class=\"warning\" role=\"note\"><strong>Too large for one managed policy:</strong>"), "warning shown")
        let count = CombinedPolicy(tools: report.site.tools.filter { $0.slug == "big" }, catalog: report.site.catalog).required.characterCount
        XCTAssertGreaterThan(count, 6_144)
        XCTAssertTrue(big1.contains("\(count) characters, over IAM&#39;s limit of 6144") || big1.contains("\(count) characters, over IAM's limit of 6144"))
        XCTAssertTrue(try TestSupport.text(report, "index.html").contains("<a href=\"sets/pair.html\">Pair</a>"))
    }

    /// The text in the page's first `<pre class="policy-json" tabindex="0"><code>` (after
    /// `download` links to `file`), unescaped, is byte for byte the file.
    private func assertShownPolicyEqualsFile(_ report: Pipeline.Result, page: String, file: String, line: UInt = #line) throws {
        let html = try TestSupport.text(report, page)
        let name = String(file.split(separator: "/").last!)
        let after = try XCTUnwrap(html.components(separatedBy: "download>Download \(name)</a>").dropFirst().first, "no download link for \(file) on \(page)", line: line)
        let shown = try XCTUnwrap(after.components(separatedBy: "<pre class=\"policy-json\" tabindex=\"0\"><code>").dropFirst().first?.components(separatedBy: "</code></pre>").first, line: line)
        let bytes = try XCTUnwrap(report.files.first { $0.path == file }, "no file \(file)", line: line).data
        XCTAssertEqual(Data(Self.unescape(shown).utf8), bytes, "\(page) shows other bytes than \(file)", line: line)
    }

    /// Undoes HTML escaping of text content (the entities templates write).
    static func unescape(_ s: String) -> String {
        var out = s
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&#x2F;", "/"), ("&#34;", "\""), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out
    }
}
