import ArgumentParser
import Foundation
import PermDocsCore
import PermDocsSite

/// Which theme a command renders with: the built-in one, or `--theme DIR`.
struct ThemeOptions: ParsableArguments {
    @Option(name: [.short, .long],
            help: ArgumentHelp("A theme folder (templates/ and assets/) to use instead of the built-in theme.",
                               discussion: "`permdocs theme export DIR` writes the built-in theme out to start from.",
                               valueName: "dir"))
    var theme: String?

    /// The theme's files. Throws when `--theme` names no folder.
    func reader() throws -> any ContentReader {
        guard let theme else { return Theme.builtInFiles }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: theme, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PermDocsError("the theme folder does not exist (expected templates/ and assets/; leave out --theme for the built-in theme)", file: theme)
        }
        return DiskContentReader(root: URL(fileURLWithPath: theme))
    }
}
