import Foundation

/// What a build produced, for the command line to report.
public struct BuildReport {
    public var site: AnalyzedSite
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic] { site.diagnostics }
}

/// Runs the whole pipeline: read content and theme, analyse, render.
/// Writing is separate (`OutputWriter`) so the pipeline can be tested in memory.
public struct SiteBuilder {
    public var content: any ContentReader
    public var theme: any ContentReader
    public var generator: String

    public init(content: any ContentReader, theme: any ContentReader, generator: String = "permdocs \(PermDocsVersion.current)") {
        self.content = content
        self.theme = theme
        self.generator = generator
    }

    public func build() throws -> BuildReport {
        let (config, tools) = try ContentLoader(reader: content).load()
        let theme = try Theme(reader: self.theme)
        let site = Analyzer().analyze(config: config, tools: tools)
        let files = SiteRenderer(theme: theme, site: site, generator: generator).render()
        return BuildReport(site: site, files: files)
    }
}

/// The version of permdocs, shown by `--version` and in page footers.
public enum PermDocsVersion {
    public static let current = "0.1.0"
}
