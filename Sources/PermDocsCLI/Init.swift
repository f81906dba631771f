import ArgumentParser
import Foundation
import PermDocsCore

/// `permdocs init [DIR]`: a new site that `permdocs build` builds as it is.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site: Content/site.yml (commented), an example tool guide and a .gitignore.",
        discussion: """
            Writes into DIR (default: the current folder), making it if need be. Never overwrites: \
            when any of the files is already there, nothing is written and the exit status is 1.

            \(ExitStatus.help)
            """)

    @Argument(help: ArgumentHelp("The folder to start the site in.", valueName: "dir"))
    var directory: String = "."

    @OptionGroup var colors: ColorOptions

    /// The files `init` writes, compiled in from `Sources/PermDocsCLI/Starter`.
    static var starterFiles: EmbeddedFiles { BuiltInStarterFiles.files }

    func run() throws {
        let files = Self.starterFiles
        do {
            try files.export(to: URL(fileURLWithPath: directory))
        } catch let error as PermDocsError {
            Terminal.writeError("\(error)\n")
            throw ExitStatus.failed
        }
        let folder = directory == "." ? "this folder" : "\(directory)/"
        print("started a site in \(folder): \(files.files.map(\.path).joined(separator: ", "))")
        print("next: \(directory == "." ? "" : "cd \(Self.shellQuoted(directory)) && ")permdocs build, then open public/index.html")
    }

    /// `path` as a shell word, quoted only when it must be.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./".unicodeScalars.contains($0) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
