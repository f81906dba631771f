import ArgumentParser
import Foundation
import PermDocs

@main
struct PermDocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permdocs",
        abstract: "Turns a folder of IAM permission guides into a docs site and a report.",
        version: PermDocsVersion.current,
        subcommands: [Build.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from the content folder.")

    @Option(help: "The content folder (site.yml and tools/).")
    var content: String = "Content"

    @Option(help: "The theme folder (templates/ and assets/).")
    var theme: String = "Themes/default"

    @Option(help: "Where the site is written; replaced only when the build succeeds.")
    var output: String = "public"

    @Flag(help: "Print only errors.")
    var quiet = false

    func run() throws {
        let start = Date()
        let builder = SiteBuilder(
            content: DiskContentReader(root: URL(fileURLWithPath: content)),
            theme: DiskContentReader(root: URL(fileURLWithPath: theme)))
        do {
            let report = try builder.build()
            try OutputWriter(output: URL(fileURLWithPath: output)).write(report.files)
            if !quiet {
                for d in report.diagnostics { FileHandle.standardError.write(Data((prefixed(d.description) + "\n").utf8)) }
            }
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            let blocks = report.site.tools.reduce(0) { $0 + $1.blocks.count }
            if !quiet {
                print("built \(report.files.count) files for \(report.site.tools.count) tools (\(blocks) policy blocks, \(report.site.index.actions.count) actions, \(report.diagnostics.count) diagnostics) into \(output)/ in \(ms) ms")
            }
        } catch let error as PermDocsError {
            FileHandle.standardError.write(Data((prefixed(error.description) + "\n").utf8))
            FileHandle.standardError.write(Data("build failed; \(output)/ was left as it was\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Paths in messages are relative to the content folder; show them from the working directory.
    private func prefixed(_ message: String) -> String {
        if message.hasPrefix("tools/") || message.hasPrefix("site.yml") { return "\(content)/\(message)" }
        if message.hasPrefix("templates/") || message.hasPrefix("assets/") { return "\(theme)/\(message)" }
        return message
    }
}
