/// The diff for a terminal: a heading, then per changed tool its lines
/// (`+` added, `-` removed, `~` changed, `!` new finding, `✓` resolved), then
/// the summary. Colour only when asked. Text from guides is printed with its
/// control characters shown escaped, as in `check`'s text report.
import PermDocsCore

struct DiffTextFormatter {
    var color: Bool

    func format(_ diff: PermissionDiff) -> String {
        var out = "permdocs diff \(shown(diff.baseLabel)) → \(shown(diff.targetLabel))\n"
        for tool in diff.reportedTools {
            out += "\n" + paint("\(shown(tool.name)) (\(shown(tool.slug))): \(shown(DiffWording.status(tool)))", bold) + "\n"
            for a in tool.added { out += line("+", green, "\(shown(a.name)) (\(shown(DiffWording.need(a))))") }
            for a in tool.removed { out += line("-", red, "\(shown(a.name)) (was \(shown(DiffWording.need(a))))") }
            for c in tool.changed {
                out += line("~", yellow, "\(shown(c.name)): " + c.aspects.map { "\($0.kind.rawValue) \(shown(DiffWording.aspect($0)))" }.joined(separator: "; "))
            }
            for r in tool.resources {
                let (before, after) = DiffWording.resources(r)
                out += line("~", r.direction == .broadened ? red : yellow, "\(shown(r.name)): resources \(r.direction.rawValue): \(shown(before)) → \(shown(after))")
            }
            for p in tool.principalsAdded { out += line("+", green, "trust principal \(shown(p))") }
            for p in tool.principalsRemoved { out += line("-", red, "trust principal \(shown(p))") }
            for f in tool.newFindings { out += line("!", red, "new " + finding(f)) }
            for f in tool.resolvedFindings { out += line("✓", green, "resolved " + finding(f)) }
        }
        out += "\n"
        for note in diff.notCompared { out += "note: \(note)\n" }
        out += DiffWording.summary(diff) + "\n"
        return out
    }

    private func finding(_ f: FindingRecord) -> String {
        "\(f.severity.label): \(shown(f.message)) [\(shown(f.id))] (\(shown(f.location.file)):\(f.location.line))"
    }

    private func line(_ mark: String, _ style: String, _ text: String) -> String {
        "  " + paint(mark, style) + " " + text + "\n"
    }

    private let bold = "1", green = "32", red = "31", yellow = "33"

    private func shown(_ text: String) -> String { ControlCharacters.shown(text) }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
