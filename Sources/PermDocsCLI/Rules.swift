import ArgumentParser
import PermDocsCore

/// `permdocs rules`: every finding id, for `silence:` and for reading reports.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the finding ids with their severity and meaning.")

    @OptionGroup var colors: ColorOptions

    func run() {
        for rule in FindingRules.all {
            let id = rule.id.padding(toLength: 38, withPad: " ", startingAt: 0)
            let severity = rule.severity.label.padding(toLength: 17, withPad: " ", startingAt: 0)
            print("\(id)\(severity)\(rule.summary)")
        }
    }
}
