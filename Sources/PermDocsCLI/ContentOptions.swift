import ArgumentParser
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

/// Where the content is, shared by the commands that read it.
struct ContentOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("The content folder (site.yml and tools/).", valueName: "dir"))
    var content: String = "Content"

    var reader: DiskContentReader { DiskContentReader(root: URL(fileURLWithPath: content)) }

    /// Throws when the content folder is missing: a typo in a CI job must not
    /// pass as "0 findings".
    func requireFolder() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDir), isDir.boolValue else {
            throw PermDocsError("no content folder here (expected site.yml and tools/); pass --content DIR, or start one with `permdocs init`", file: content)
        }
    }

    /// The pipeline's analyze step over the content, without a theme (`check`, `policy`);
    /// when the content cannot be read, says why and exits 2.
    func analyze() throws -> AnalyzedSite {
        do {
            try requireFolder()
            return try Pipeline(content: reader, theme: nil, checker: try Pipeline.bundledChecker()).analyze()
        } catch let error as PermDocsError {
            Terminal.writeError(displayMessage(error.description) + "\n")
            throw ExitStatus.unreadable
        }
    }

    /// Paths in findings are relative to the content folder; print them from the working directory.
    func displayPath(_ path: String) -> String {
        ReportPaths.fromWorkingDirectory(path, contentFolder: content)
    }

    /// An error message whose path is relative to the content folder, shown from the working directory.
    func displayMessage(_ message: String) -> String {
        Terminal.displayMessage(message, content: content, theme: nil)
    }
}

/// Severity names as `--fail-on` takes them.
extension Diagnostic.Severity: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "suggestion": self = .suggestion
        case "warning": self = .warning
        case "security", "security-warning": self = .securityWarning
        case "error": self = .error
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["suggestion", "warning", "security", "error"] }
}

extension ReportFormat: ExpressibleByArgument {}

/// The terminal the report goes to.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// A message whose path is relative to the content folder (`tools/…`,
    /// `site.yml`) or the theme folder (`templates/…`, `assets/…`), with the
    /// path shown from the working directory, as `build`, `check` and `serve`
    /// print it. With no theme folder (the built-in theme), a theme path is
    /// said to be the built-in theme's, as no such file is on disk.
    static func displayMessage(_ message: String, content: String, theme: String?) -> String {
        if message.hasPrefix("tools/") || message.hasPrefix("site.yml") {
            return ReportPaths.fromWorkingDirectory(message, contentFolder: content)
        }
        if message.hasPrefix("templates/") || message.hasPrefix("assets/") {
            guard let theme else { return "built-in theme: " + message }
            return ReportPaths.fromWorkingDirectory(message, contentFolder: theme)
        }
        return message
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
