import ArgumentParser
import PermDocs

@main
struct PermDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permdocs",
        abstract: "Turns a folder of IAM permission guides into a docs site and a report.",
        version: PermDocsVersion.description,
        subcommands: [Build.self, Check.self, Rules.self],
        defaultSubcommand: Build.self
    )
}
