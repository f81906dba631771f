import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy

/// What a build produced (the older name of `Pipeline.Result`, kept while callers move).
public typealias BuildReport = Pipeline.Result

/// The older front of `Pipeline`, kept while callers move to it; it runs the
/// same steps with the bundled checker.
@available(*, deprecated, message: "use Pipeline")
public struct SiteBuilder {
    public var content: any ContentReader
    public var theme: any ContentReader
    public var generator: String
    public var concurrency: Int
    public var cache: PageAnalysisCache?

    public init(content: any ContentReader, theme: any ContentReader, generator: String = "permdocs \(PermDocsVersion.current)",
                concurrency: Int = ProcessInfoConcurrency.default) {
        self.content = content
        self.theme = theme
        self.generator = generator
        self.concurrency = concurrency
    }

    private func pipeline() throws -> Pipeline {
        Pipeline(content: content, theme: theme, checker: try Pipeline.bundledChecker(), generator: generator,
                 concurrency: concurrency, cache: cache)
    }

    public func build() throws -> BuildReport { try pipeline().render() }

    public func analyze() throws -> AnalyzedSite { try pipeline().analyze() }
}
