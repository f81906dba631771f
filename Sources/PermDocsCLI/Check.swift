import ArgumentParser
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

/// `permdocs check`: the pipeline without writing a site, for CI.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every policy in the guides and report findings.",
        discussion: ExitStatus.help)

    @OptionGroup var source: ContentOptions

    @Option(help: "Output format: text, json, sarif (2.1.0) or github (Actions annotations).")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the check: suggestion, warning, security or error.")
    var failOn: Diagnostic.Severity = .error

    @OptionGroup var colors: ColorOptions

    func run() throws {
        let site = try source.analyze()
        let report = FindingsReport(site: site)
        let color = format == .text && colors.wantsColor(STDOUT_FILENO)
        print(report.formatted(as: format, color: color, path: source.displayPath), terminator: "")
        if report.fails(at: failOn) { throw ExitStatus.failed }
    }
}
