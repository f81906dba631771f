import ArgumentParser
import Foundation

/// `--no-color`, accepted by every command so that a script can pass it to
/// any of them; `NO_COLOR` (no-color.org) does the same.
struct ColorOptions: ParsableArguments {
    @Flag(help: "Never colour the output (NO_COLOR does the same).")
    var noColor = false

    /// Whether to colour what goes to `fd`.
    func wantsColor(_ fd: Int32) -> Bool {
        wantsColor(isTerminal: isatty(fd) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// Colour only on a terminal, without `--no-color`, and with `NO_COLOR`
    /// unset or empty.
    func wantsColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        !noColor && isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
