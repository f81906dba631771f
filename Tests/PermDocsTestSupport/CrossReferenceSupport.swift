import Foundation
import XCTest
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsSite

/// The seed site of `Content/` analyzed once, and small in-memory sites.
public enum CrossReferenceSupport {
    public static let vm = "vm-import-export", sms = "server-migration-service", veeam = "veeam-restore-to-ec2"
    public static let cloudberry = "cloudberry-restore-to-ec2", dms = "database-migration-service"

    private static let seed: Result<AnalyzedSite, Error> = Result {
        let content = DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))
        let (config, tools) = try ContentLoader(reader: content).load()
        return Analyzer(catalog: try ActionCatalog.bundled()).analyze(config: config, tools: tools)
    }

    public static func seedSite() throws -> AnalyzedSite { try seed.get() }

    public static func catalog() throws -> ActionCatalog { try ActionCatalog.bundled() }

    /// A site of one-page tools: slug → Markdown.
    public static func site(_ pages: KeyValuePairs<String, String>) throws -> AnalyzedSite {
        let tools = try pages.map { slug, markdown -> Tool in
            let path = "tools/\(slug).md"
            let (frontMatter, body) = try FrontMatter.split(markdown, file: path)
            return Tool(slug: slug, metadata: ToolMetadata(name: slug), pages: [PageSource(path: path, pageID: "index", frontMatter: frontMatter, body: body)])
        }
        return Analyzer(catalog: try ActionCatalog.bundled()).analyze(config: SiteConfig(), tools: tools)
    }

    /// A guide whose only block is an identity policy with these statements (JSON text).
    public static func guide(_ statements: String...) -> String {
        "# Guide\n\nAttach this policy to the user:\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [\(statements.joined(separator: ",\n"))]}\n```\n"
    }

    public static func allow(_ actions: String..., resource: String = "*") -> String {
        "{\"Effect\": \"Allow\", \"Action\": [\(actions.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": \"\(resource)\"}"
    }

    /// Parses JSON text as a policy, failing the test if it does not parse.
    public static func parsePolicy(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Policy {
        let node = try JSONReader.parse(text)
        return try XCTUnwrap(PolicyParser(locate: { _ in SourceLocation(file: "combined", line: 1, column: 1) }).policy(from: node), file: file, line: line)
    }

    /// Every (action, resource, condition) an Allow statement grants, wildcards
    /// expanded with the catalog; unknown names kept lower-cased.
    public static func grants(of statements: [Statement], catalog: ActionCatalog) -> Set<String> {
        var out = Set<String>()
        for st in statements where st.isAllow {
            let condition = st.conditions.map { $0.map { "\($0.conditionOperator.value)|\($0.key.value.lowercased())|\($0.values.map(\.value).sorted())" }.sorted() } ?? []
            for a in st.actions ?? [] {
                let names: [String]
                if a.value.isWildcard {
                    names = catalog.expand(a.value.written).map { $0.canonicalName.lowercased() }
                } else {
                    names = [catalog.action(named: a.value.written)?.canonicalName.lowercased() ?? a.value.key]
                }
                for n in names {
                    for r in st.resources?.map(\.value) ?? ["<none>"] { out.insert("\(n) \(r) \(condition)") }
                }
            }
        }
        return out
    }
}
