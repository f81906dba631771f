import ArgumentParser
import PermDocsCore
import PermDocsPolicy

// Async because `serve` is; the other commands are synchronous.
/// `permdocs`: the command line. `Sources/permdocs/PermDocsMain.swift` runs it.
public struct PermDocsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "permdocs",
        abstract: "Turns a folder of IAM permission guides into a docs site and a report.",
        version: PermDocsVersion.description,
        subcommands: [Build.self, Check.self, Serve.self, PolicyCommand.self, Rules.self],
        defaultSubcommand: Build.self
    )

    public init() {}
}
