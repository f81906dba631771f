/// Finds the tools and their pages in a content folder:
/// `tools/<slug>.md`, or `tools/<slug>/index.md` (or `_index.md`, or
/// `README.md`: see `IntroPageFile`) plus any other `.md` below it.
import PermDocsCore

public struct ContentLoader {
    public var reader: any ContentReader
    /// Guides read by earlier builds of the process (`serve`); nil reads every file.
    public var sources: SourceFileCache?
    /// How many guides are read and split at once.
    public var concurrency: Int

    public init(reader: any ContentReader, sources: SourceFileCache? = nil, concurrency: Int = 1) {
        self.reader = reader
        self.sources = sources
        self.concurrency = concurrency
    }

    /// The site's configuration and tools, in the configured order.
    ///
    /// `changed`, when known (`serve` is told by its file watcher), lists the
    /// paths that changed since the last load through `sources`, relative to
    /// the content folder. When they are all edits of guides the last load
    /// read (none added or removed, no title or tool's first page changed,
    /// `site.yml` untouched), only those guides are read again and the rest of
    /// the last load is kept: no listing, and no look at the other files.
    /// Anything else, or nil, loads everything.
    public func load(changed: Set<String>? = nil) throws -> (SiteConfig, [Tool]) {
        do {
            if let changed, let last = sources?.lastLoad, let loaded = try reload(last, changed: changed) {
                sources?.finishBuild(keeping: nil)
                sources?.keep(tools: loaded.1)
                return loaded
            }
            let loaded = try loadAll()
            sources?.keep(loaded)
            return loaded
        } catch {
            // The changes read so far are lost with this load: the next one reads everything.
            sources?.forgetLoad()
            throw error
        }
    }

    /// The last load with the guides in `changed` read again; nil when the
    /// changes can reach beyond those guides.
    private func reload(_ last: SourceFileCache.Load, changed: Set<String>) throws -> (SiteConfig, [Tool])? {
        var tools = last.tools
        for path in changed.sorted() {
            // Only tools/ and site.yml are read; a change elsewhere (a README, an image) changes nothing.
            guard path == "tools" || path.hasPrefix("tools/") || path == "site.yml" || path.isEmpty else { continue }
            if path.hasPrefix("tools/"), !path.hasSuffix(".md") {
                // Not a guide: only Markdown files are read, so a file beside
                // the guides (an image, an editor's probe or swap file such as
                // vim's `4913`, written and deleted on every save) changes
                // nothing. A folder does: it held guides (removed or renamed)
                // or holds some now (moved in whole, reported as one path).
                if last.positions.keys.contains(where: { $0.hasPrefix(path + "/") }) { return nil }
                if reader.fileExists(path) { continue }
                guard let inside = try? reader.files(under: path) else { return nil }
                if inside.contains(where: { $0.hasSuffix(".md") }) { return nil }
                continue
            }
            // The first page speaks for the tool (its name, vendor…), and a
            // title shows on other pages: those edits load everything.
            guard let (t, p) = last.positions[path], p > 0, reader.fileExists(path) else { return nil }
            let old = tools[t].pages[p]
            let page = try readPage(path, pageID: old.pageID)
            guard page.title == old.title else { return nil }
            tools[t].pages[p] = page
        }
        return (last.config, tools)
    }

    private func loadAll() throws -> (SiteConfig, [Tool]) {
        let config = reader.fileExists("site.yml") ? try SiteConfig.parse(reader.readText("site.yml"), file: "site.yml") : SiteConfig()
        var groups: [String: [String]] = [:]  // slug -> page paths
        var singleFiles: [String: String] = [:]  // slug -> tools/<slug>.md
        for path in try reader.files(under: "tools") where path.hasSuffix(".md") {
            try ContentFileNames.validate(path)
            let parts = ContentFileNames.components(of: path).map(String.init)
            guard parts.count >= 2 else { continue }
            if parts.count == 2 {
                let slug = String(parts[1].dropLast(3))
                singleFiles[slug] = path
                groups[slug, default: []].append(path)
            } else {
                groups[parts[1], default: []].append(path)
            }
        }
        // A file and a folder of one name would merge into one tool whose file
        // becomes a page with an empty name (a hidden `tools/<slug>/.html`).
        for (slug, file) in singleFiles.sorted(by: { $0.key < $1.key }) where groups[slug]!.count > 1 {
            throw PermDocsError("both this file and the folder tools/\(slug)/ would be the tool '\(slug)'; keep one (move the file into the folder as index.md, or rename it)", file: file)
        }
        if let (kept, clashing) = ContentFileNames.caseClash(Array(groups.keys)) {
            throw PermDocsError("tool '\(clashing)' differs from tool '\(kept)' only in case; their pages would overwrite each other on a case-insensitive disk, so rename one", file: groups[clashing]!.min()!)
        }
        for (slug, settings) in config.tools.sorted(by: { $0.key < $1.key }) where groups[slug] == nil {
            throw PermDocsError("'tools' names '\(slug)', which is not in tools/ (tools: \(groups.keys.sorted().joined(separator: ", ")))", at: settings.location)
        }
        // Every guide is read and split across threads (7,825 guides took a
        // core for most of a second); when several fail, the first in path
        // order is reported, whatever the threads' timing.
        let slugs = groups.keys.sorted()
        let jobs = slugs.flatMap { slug in pageFiles(slug: slug, paths: groups[slug]!).map { (slug: slug, file: $0) } }
        let read = ParallelMap.map(jobs, concurrency: concurrency) { job in
            Result { try readPage(job.file.path, pageID: job.file.pageID) }
        }
        var pagesBySlug: [String: [PageSource]] = [:]
        for (job, page) in zip(jobs, read) { pagesBySlug[job.slug, default: []].append(try page.get()) }
        var tools: [Tool] = []
        for slug in slugs {
            tools.append(try makeTool(slug: slug, pages: pagesBySlug[slug] ?? [], settings: config.tools[slug]))
        }
        sources?.finishBuild(keeping: Set(groups.values.joined()))
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

    /// The guide at `path`: from `sources` while its file is unchanged, else read and split.
    private func readPage(_ path: String, pageID: String) throws -> PageSource {
        let read = {
            let text = try reader.readText(path, maximumBytes: ContentLimits.maximumGuideBytes, limitReason: ContentLimits.guideReason)
            let (frontMatter, body) = try FrontMatter.split(text, file: path)
            return PageSource(path: path, pageID: pageID, frontMatter: frontMatter, body: body)
        }
        return try sources?.page(path, pageID: pageID, reader: reader, load: read) ?? read()
    }

    /// A tool's guide files and the page id each becomes, in path order.
    private func pageFiles(slug: String, paths: [String]) -> [(path: String, pageID: String)] {
        let single = paths.count == 1 && paths[0] == "tools/\(slug).md"
        let introFile = single ? paths[0] : IntroPageFile.choose(among: paths, folder: "tools/\(slug)/")
        return paths.sorted().map { path in
            (path, path == introFile ? "index" : String(path.dropFirst("tools/\(slug)/".count).dropLast(3)))
        }
    }

    /// The tool made of its read pages: its intro page first, its metadata from it.
    private func makeTool(slug: String, pages read: [PageSource], settings: ToolSettings?) throws -> Tool {
        var pages = read.sorted { $0.pageID < $1.pageID }
        if let (kept, clashing) = ContentFileNames.caseClash(pages.map(\.pageID)), let page = pages.first(where: { $0.pageID == clashing }) {
            throw PermDocsError("page '\(clashing)' differs from page '\(kept)' only in case; they would overwrite each other on a case-insensitive disk, so rename one", file: page.path)
        }
        // Only the introducing page speaks for the tool: another page's front
        // matter or H1 is about that page (a folder of AWS docs would be named
        // after the H1 of its alphabetically first page).
        let intro = pages.first { $0.pageID == "index" }
        let fm = intro?.frontMatter ?? .empty
        let metadata = ToolMetadata(
            name: settings?.name ?? fm["tool", "name", "product"] ?? intro?.firstH1 ?? ReadableName.from(slug),
            vendor: settings?.vendor ?? fm["vendor", "publisher"],
            sourceURL: settings?.sourceURL ?? fm["source_url", "source", "url", "canonical_url"],
            productVersion: fm["product_version", "version", "versions"],
            lastUpdated: fm["last_updated", "updated_at", "lastmod", "date"],
            description: fm["description", "summary"],
            shortName: settings?.shortName ?? fm["short_name"],
            editURL: settings?.editURL ?? fm["edit_url"]
        )
        if let intro {
            pages.removeAll { $0.pageID == "index" }
            pages.insert(intro, at: 0)
        } else {
            pages.insert(LandingPage.make(slug: slug, name: metadata.name, pages: pages), at: 0)
        }
        return Tool(slug: slug, metadata: metadata, pages: pages)
    }
}
