/// One entry of `silence:` in `site.yml`: hides the findings of one id,
/// optionally only for one tool, one page and/or one action (or other subject).
///
/// ```yaml
/// silence:
///   - id: action-case
///     tool: veeam-restore-to-ec2
///     action: s3:PutLifeCycleConfiguration
///     reason: the vendor's own spelling
/// ```
import PermDocsCore

public struct SilenceRule: Hashable, Sendable {
    public var id: String
    /// A tool slug.
    public var tool: String?
    /// A page path relative to the content folder (`tools/dms/index.md`).
    public var page: String?
    /// The action (or Sid, key, operator) the finding is about, any case.
    public var action: String?
    public var reason: String?
    /// Where the rule is written, for messages about the rule itself.
    public var location: SourceLocation

    public init(id: String, tool: String? = nil, page: String? = nil, action: String? = nil, reason: String? = nil, location: SourceLocation) {
        self.id = id
        self.tool = tool
        self.page = page
        self.action = action
        self.reason = reason
        self.location = location
    }

    /// True when the rule hides `finding`.
    public func matches(_ finding: Diagnostic) -> Bool {
        guard finding.id == id else { return false }
        if let tool {
            let file = finding.location.file
            guard finding.block?.toolSlug == tool || file == "tools/\(tool).md" || file.hasPrefix("tools/\(tool)/") else { return false }
        }
        if let page, finding.location.file != page { return false }
        if let action, finding.subject?.lowercased() != action.lowercased() { return false }
        return true
    }
}

/// Findings split into those reported and those `site.yml` silenced.
public struct SilencedFindings: Sendable {
    public var reported: [Diagnostic]
    public var silenced: [Diagnostic]

    /// Applies `rules` to `findings`, keeping their order.
    public init(_ findings: [Diagnostic], rules: [SilenceRule]) {
        reported = []
        silenced = []
        for f in findings {
            if rules.contains(where: { $0.matches(f) }) { silenced.append(f) } else { reported.append(f) }
        }
    }
}
