/// The ways `permdocs diff` prints a `PermissionDiff`.
public enum DiffFormat: String, CaseIterable, Sendable {
    /// For a terminal (`DiffTextFormatter`).
    case text
    /// A pull-request comment (`DiffMarkdownFormatter`).
    case markdown
    /// For scripts (`DiffJSONFormatter`).
    case json
}

extension PermissionDiff {
    /// The diff in `format`. `toolURL` gives a tool's page on the published
    /// site (markdown links it, JSON lists it); `color` applies to text only.
    public func formatted(as format: DiffFormat, color: Bool = false, toolURL: @escaping (ToolDiff) -> String? = { _ in nil }) -> String {
        switch format {
        case .text: return DiffTextFormatter(color: color).format(self)
        case .markdown: return DiffMarkdownFormatter(toolURL: toolURL).format(self)
        case .json: return DiffJSONFormatter(toolURL: toolURL).format(self)
        }
    }
}
