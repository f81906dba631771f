/// Finds the tools and their pages in a content folder:
/// `tools/<slug>.md`, or `tools/<slug>/index.md` plus any other `.md` below it.
import PermDocsCore

public struct ContentLoader {
    public var reader: any ContentReader

    public init(reader: any ContentReader) {
        self.reader = reader
    }

    /// The site's configuration and tools, in the configured order.
    public func load() throws -> (SiteConfig, [Tool]) {
        let config = reader.fileExists("site.yml") ? try SiteConfig.parse(reader.readText("site.yml"), file: "site.yml") : SiteConfig()
        var groups: [String: [String]] = [:]  // slug -> page paths
        for path in try reader.files(under: "tools") where path.hasSuffix(".md") {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 2 else { continue }
            if parts.count == 2 {
                groups[String(parts[1].dropLast(3)), default: []].append(path)
            } else {
                groups[parts[1], default: []].append(path)
            }
        }
        var tools: [Tool] = []
        for (slug, paths) in groups {
            tools.append(try loadTool(slug: slug, paths: paths))
        }
        return (config, Self.order(tools, by: config.toolOrder))
    }

    /// Tools named in `order` first, in that order; then the rest by name.
    static func order(_ tools: [Tool], by order: [String]) -> [Tool] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return tools.sorted { a, b in
            switch (rank[a.slug], rank[b.slug]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default:
                let (na, nb) = (a.metadata.name.lowercased(), b.metadata.name.lowercased())
                return na != nb ? na < nb : a.slug < b.slug
            }
        }
    }

    private func loadTool(slug: String, paths: [String]) throws -> Tool {
        let single = paths.count == 1 && paths[0] == "tools/\(slug).md"
        var pages: [PageSource] = []
        for path in paths.sorted() {
            let text = try reader.readText(path)
            let (frontMatter, body) = try FrontMatter.split(text, file: path)
            let pageID: String
            if single {
                pageID = "index"
            } else {
                pageID = String(path.dropFirst("tools/\(slug)/".count).dropLast(3))
            }
            pages.append(PageSource(path: path, pageID: pageID, frontMatter: frontMatter, body: body))
        }
        // The introducing page first; a folder without index.md is introduced by its first page.
        pages.sort { a, b in (a.pageID == "index" ? 0 : 1, a.pageID) < (b.pageID == "index" ? 0 : 1, b.pageID) }
        let intro = pages[0]
        let fm = intro.frontMatter
        let metadata = ToolMetadata(
            name: fm["tool", "name", "product"] ?? intro.firstH1 ?? Self.nameFromSlug(slug),
            vendor: fm["vendor", "publisher"],
            sourceURL: fm["source_url", "source", "url", "canonical_url"],
            productVersion: fm["product_version", "version", "versions"],
            lastUpdated: fm["last_updated", "updated_at", "lastmod", "date"],
            description: fm["description", "summary"]
        )
        return Tool(slug: slug, metadata: metadata, pages: pages)
    }

    /// `aws-dms` → `Aws Dms`, the last resort for a name.
    static func nameFromSlug(_ slug: String) -> String {
        slug.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
