/// One tool's guide files as they were at a commit: what the history
/// analyzes and compares. Files are named by content id, so two commits that
/// leave a tool's files alike give the same version, analyzed once.
import Foundation
import PermDocsCore
import PermDocsPolicy

struct ToolVersion: Hashable {
    var slug: String
    /// Content-relative path (`tools/dms.md`, `tools/dms/setup.md`) → content id.
    var files: [String: String]

    /// What a version is cached under: its slug, its files' paths and ids,
    /// and `salt` (what else the analysis depends on: the catalog, `silence:`,
    /// the permdocs build).
    func key(salt: String) -> String {
        var text = salt + "\n" + slug + "\n"
        for (path, id) in files.sorted(by: { $0.key < $1.key }) { text += path + "\t" + id + "\n" }
        return ContentHash.hex(Data(text.utf8))
    }

    /// Each tool's version in a listing of `tools/` (path → content id): the
    /// Markdown files of `tools/<slug>.md` or under `tools/<slug>/`, as `ContentLoader` finds tools.
    static func versions(in listing: [String: String]) -> [String: ToolVersion] {
        var out: [String: ToolVersion] = [:]
        for (path, id) in listing where path.hasSuffix(".md") {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts[0] == "tools" else { continue }
            let slug = parts.count == 2 ? String(parts[1].dropLast(3)) : String(parts[1])
            guard !slug.isEmpty else { continue }
            out[slug, default: ToolVersion(slug: slug, files: [:])].files[path] = id
        }
        return out
    }

    /// The version analyzed as the build analyzes the tool now (the current
    /// `silence:` and `tools:` name applying), as a snapshot; nil when its
    /// files do not load (invalid front matter, a file and a folder of one name).
    static func snapshot(slug: String, files: [String: Data], config: SiteConfig, checker: PolicyChecker?) -> ToolSnapshot? {
        var reader = InMemoryContentReader([:])
        reader.contents = files
        guard let loaded = try? ContentLoader(reader: reader).load().1, var tool = loaded.first(where: { $0.slug == slug }) else { return nil }
        if let name = config.tools[slug]?.name { tool.metadata.name = name }
        var settings = SiteConfig()
        settings.silence = config.silence
        let analyzer = Analyzer(catalog: checker?.catalog, checker: checker, concurrency: 1)
        return PermissionSnapshot(site: analyzer.analyze(config: settings, tools: [tool])).tools.first
    }
}
