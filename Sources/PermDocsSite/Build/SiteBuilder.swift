import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// What a build produced, for the command line to report.
public struct BuildReport {
    public var site: AnalyzedSite
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic] { site.diagnostics }

    public init(site: AnalyzedSite, files: [OutputFile]) {
        self.site = site
        self.files = files
    }
}

/// Runs the whole pipeline: read content and theme, analyse, render.
/// Writing is separate (`OutputWriter`) so the pipeline can be tested in memory.
public struct SiteBuilder {
    public var content: any ContentReader
    public var theme: any ContentReader
    public var generator: String
    /// How many threads analyse pages (1: all on the calling thread).
    public var concurrency: Int
    /// Analyses kept from earlier builds in this process (`serve`); nil analyses every page.
    public var cache: PageAnalysisCache?

    public init(content: any ContentReader, theme: any ContentReader, generator: String = "permdocs \(PermDocsVersion.current)",
                concurrency: Int = ProcessInfoConcurrency.default) {
        self.content = content
        self.theme = theme
        self.generator = generator
        self.concurrency = concurrency
    }

    public func build() throws -> BuildReport {
        let theme = try Theme(reader: self.theme)
        let site = try analyze()
        return BuildReport(site: site, files: try render(site, theme: theme))
    }

    /// The files of an analysed site (the CLI calls the two steps apart to report progress).
    public func render(_ site: AnalyzedSite, theme: Theme? = nil) throws -> [OutputFile] {
        var renderer = SiteRenderer(theme: try theme ?? Theme(reader: self.theme), site: site, generator: generator)
        renderer.concurrency = concurrency
        return renderer.render()
    }

    /// Reads and checks the content without rendering: what `permdocs check` reports.
    public func analyze() throws -> AnalyzedSite {
        let (config, tools) = try ContentLoader(reader: content).load()
        let slugs = Set(tools.map(\.slug))
        for rule in config.silence {
            if let tool = rule.tool, !slugs.contains(tool) {
                throw PermDocsError("'silence' names tool '\(tool)', which is not in tools/ (tools: \(slugs.sorted().joined(separator: ", ")))", at: rule.location)
            }
        }
        for set in config.toolSets { try set.validate(knownSlugs: slugs) }
        let checker: PolicyChecker
        do {
            checker = try PolicyChecker.bundled()
        } catch {
            throw PermDocsError("the action catalog could not be read: \(error)")
        }
        return Analyzer(checker: checker, concurrency: concurrency, cache: cache).analyze(config: config, tools: tools)
    }
}
