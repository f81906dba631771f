import ArgumentParser
import Foundation
import PermDocsAnalysis
import PermDocsCore

/// Where the content is, shared by the commands that read it.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder (site.yml and tools/).")
    var content: String = "Content"

    var reader: DiskContentReader { DiskContentReader(root: URL(fileURLWithPath: content)) }

    /// Throws when the content folder is missing: a typo in a CI job must not
    /// pass as "0 findings".
    func requireFolder() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDir), isDir.boolValue else {
            throw PermDocsError("the content folder does not exist (expected site.yml and tools/)", file: content)
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
    /// Colour when the stream is a terminal and `NO_COLOR` is unset or empty (no-color.org).
    static func wantsColor(_ fd: Int32) -> Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return noColor.isEmpty && isatty(fd) == 1
    }

    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// A message whose path is relative to the content folder (`tools/…`,
    /// `site.yml`) or the theme folder (`templates/…`, `assets/…`), with the
    /// path shown from the working directory, as `build`, `check` and `serve` print it.
    static func displayMessage(_ message: String, content: String, theme: String?) -> String {
        if message.hasPrefix("tools/") || message.hasPrefix("site.yml") {
            return ReportPaths.fromWorkingDirectory(message, contentFolder: content)
        }
        if let theme, message.hasPrefix("templates/") || message.hasPrefix("assets/") {
            return ReportPaths.fromWorkingDirectory(message, contentFolder: theme)
        }
        return message
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
