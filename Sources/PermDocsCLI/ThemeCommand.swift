import ArgumentParser
import Foundation
import PermDocsCore
import PermDocsSite

/// `permdocs theme export DIR`: the built-in theme as files, to edit and pass to `--theme`.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in theme (templates/ and assets/) into a folder, to edit and use with --theme.",
            discussion: """
                Makes DIR if need be. Never overwrites: when any of the theme's files is already \
                there, nothing is written and the exit status is 1.

                \(ExitStatus.help)
                """)

        @Argument(help: ArgumentHelp("The folder to write the theme into.", valueName: "dir"))
        var directory: String

        @OptionGroup var colors: ColorOptions

        func run() throws {
            let files = Theme.builtInFiles
            do {
                try files.export(to: URL(fileURLWithPath: directory))
            } catch let error as PermDocsError {
                Terminal.writeError("\(error)\n")
                throw ExitStatus.failed
            }
            print("wrote the built-in theme to \(directory)/ (\(files.files.count) files); build with it: permdocs build --theme \(Init.shellQuoted(directory))")
        }
    }
}
