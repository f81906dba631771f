import ArgumentParser
import PermDocs

// Async because `serve` is; the other commands are synchronous.
@main
struct PermDocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permdocs",
        abstract: "Turns a folder of IAM permission guides into a docs site and a report.",
        version: PermDocsVersion.description,
        subcommands: [Build.self, Check.self, Serve.self, Rules.self],
        defaultSubcommand: Build.self
    )
}
