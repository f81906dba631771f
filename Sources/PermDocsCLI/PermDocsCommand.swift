import ArgumentParser
import PermDocsCore
import PermDocsPolicy

// Async because `serve` is; the other commands are synchronous.
/// `permdocs`: the command line. `Sources/permdocs/PermDocsMain.swift` runs it.
public struct PermDocsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "permdocs",
        abstract: "Turns a folder of IAM permission guides into a docs site and a report.",
        discussion: """
            Without a command, builds the site (`permdocs build`). The default theme, the IAM \
            action catalog and the risk data are built in: the executable needs no file beside it.

            \(ExitStatus.help)
            """,
        version: PermDocsVersion.description,
        subcommands: [Build.self, Check.self, Diff.self, Serve.self, Init.self, ThemeCommand.self, PolicyCommand.self, Rules.self],
        defaultSubcommand: Build.self
    )

    public init() {}
}
