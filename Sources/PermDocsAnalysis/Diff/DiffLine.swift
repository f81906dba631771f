/// One line of a tool's diff, for a page to draw: what kind of change it is
/// (a CSS class), its mark, the action, principal or finding id it is about,
/// and the rest in `permdocs diff`'s words. Plain text throughout: the page
/// escapes it.
public struct DiffLine: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed, broadened, narrowed, resources
        case principalAdded = "principal-added", principalRemoved = "principal-removed"
        case newFinding = "new-finding", resolvedFinding = "resolved-finding"
    }

    public var kind: Kind
    /// `+`, `−`, `~`, `!` or `✓`, as the text report marks lines.
    public var mark: String
    /// What the line is about, shown as code.
    public var subject: String
    public var text: String

    public init(kind: Kind, mark: String, subject: String, text: String) {
        self.kind = kind
        self.mark = mark
        self.subject = subject
        self.text = text
    }

    /// The lines of `tool`, in the text report's order.
    public static func lines(of tool: ToolDiff) -> [DiffLine] {
        var out: [DiffLine] = []
        for a in tool.added { out.append(DiffLine(kind: .added, mark: "+", subject: a.name, text: "added (\(DiffWording.need(a)))")) }
        for a in tool.removed { out.append(DiffLine(kind: .removed, mark: "−", subject: a.name, text: "removed (was \(DiffWording.need(a)))")) }
        for c in tool.changed {
            out.append(DiffLine(kind: .changed, mark: "~", subject: c.name,
                                text: c.aspects.map { "\($0.kind.rawValue) \(DiffWording.aspect($0))" }.joined(separator: "; ")))
        }
        for r in tool.resources {
            let (before, after) = DiffWording.resources(r)
            let kind: Kind = r.direction == .broadened ? .broadened : r.direction == .narrowed ? .narrowed : .resources
            out.append(DiffLine(kind: kind, mark: "~", subject: r.name, text: "resources \(r.direction.rawValue): \(before) → \(after)"))
        }
        for p in tool.principalsAdded { out.append(DiffLine(kind: .principalAdded, mark: "+", subject: p, text: "trust principal added")) }
        for p in tool.principalsRemoved { out.append(DiffLine(kind: .principalRemoved, mark: "−", subject: p, text: "trust principal removed")) }
        for f in tool.newFindings { out.append(DiffLine(kind: .newFinding, mark: "!", subject: f.id, text: "new \(f.severity.label): \(f.message) (\(f.location.file):\(f.location.line))")) }
        for f in tool.resolvedFindings { out.append(DiffLine(kind: .resolvedFinding, mark: "✓", subject: f.id, text: "resolved \(f.severity.label): \(f.message)")) }
        return out
    }
}
