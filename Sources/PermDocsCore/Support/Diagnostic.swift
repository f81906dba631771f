/// Something the user should know about their content, with where it is.
///
/// Diagnostics come from every stage (front matter, dialects, JSON, policy
/// grammar, the catalog); `id` is stable so that users can silence one kind.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        case suggestion
        case warning
        case securityWarning = "security"
        case error

        private var rank: Int {
            switch self {
            case .suggestion: return 0
            case .warning: return 1
            case .securityWarning: return 2
            case .error: return 3
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

        /// The word printed in compiler-style output.
        public var label: String {
            switch self {
            case .suggestion: return "suggestion"
            case .warning: return "warning"
            case .securityWarning: return "security warning"
            case .error: return "error"
            }
        }
    }

    public var id: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// How to fix it, where that is known.
    public var fix: String?
    /// The action or value the finding is about (`s3:PutLifeCycleConfiguration`),
    /// which `site.yml` can silence by.
    public var subject: String?
    /// The policy block it concerns, so the site shows it beside that block.
    public var block: BlockReference?
    /// What that block is (identity, trust, excerpt, optional add-on).
    public var blockKind: BlockKind?

    public init(id: String, severity: Severity, message: String, location: SourceLocation, fix: String? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.fix = fix
    }

    /// `path:line:col: severity: message [ID]`, the form editors and CI logs link.
    public var description: String {
        "\(location): \(severity.label): \(message) [\(id)]"
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in a stable order: by place, then id, then message.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.id != b.id { return a.id < b.id }
            return a.message < b.message
        }
    }
}
