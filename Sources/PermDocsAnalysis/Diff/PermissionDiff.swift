/// What permissions changed between two states of a site (`permdocs diff`):
/// one `ToolDiff` per tool on either side, and what could be compared.
import PermDocsCore

public struct PermissionDiff: Sendable, Hashable {
    /// How the two sides were named on the command line (`main`, `HEAD~1`, `Content`).
    public var baseLabel: String
    public var targetLabel: String
    /// Every tool of either side, sorted by slug (its target slug when renamed).
    public var tools: [ToolDiff]
    /// What besides actions both sides hold, and so was compared.
    public var compared: PermissionSnapshot.Contents

    /// Compares `base` with `target`.
    public init(base: PermissionSnapshot, target: PermissionSnapshot, baseLabel: String, targetLabel: String) {
        self.baseLabel = baseLabel
        self.targetLabel = targetLabel
        compared = base.holds.intersection(target.holds)
        let compared = self.compared
        tools = ToolPairing.pairs(base: base.tools, target: target.tools)
            .map { ToolDiff(base: $0.base, target: $0.target, compared: compared) }
            .sorted { $0.slug < $1.slug }
    }

    /// A diff of tools already compared (one commit's change to one tool, in the history).
    init(tools: [ToolDiff], compared: PermissionSnapshot.Contents = .all) {
        baseLabel = ""
        targetLabel = ""
        self.tools = tools
        self.compared = compared
    }

    /// The tools with something to report, sorted by slug.
    public var reportedTools: [ToolDiff] { tools.filter(\.isReported) }

    /// True when nothing at all changed.
    public var isEmpty: Bool { reportedTools.isEmpty }

    /// Every new finding, most severe first.
    public var newFindings: [FindingRecord] { FindingMatch.sorted(tools.flatMap(\.newFindings)) }
    /// Every resolved finding, most severe first.
    public var resolvedFindings: [FindingRecord] { FindingMatch.sorted(tools.flatMap(\.resolvedFindings)) }

    /// True when the change adds a finding at or above `threshold`: what
    /// `--fail-on-new` fails on (old findings never fail it).
    public func addsFindings(atOrAbove threshold: Diagnostic.Severity) -> Bool {
        tools.contains { $0.newFindings.contains { $0.severity >= threshold } }
    }

    /// What one side lacked, so was not compared (a published site's `data/`
    /// exports hold no resources, principals or findings), as sentences.
    public var notCompared: [String] {
        var parts: [String] = []
        if !compared.contains(.resources) { parts.append("resources") }
        if !compared.contains(.principals) { parts.append("trust-policy principals") }
        if !compared.contains(.findings) { parts.append("findings") }
        guard !parts.isEmpty else { return [] }
        return ["\(Self.list(parts)) not compared: a site's data/ exports do not hold them"]
    }

    /// The counts a summary line and table give.
    public struct Summary: Sendable, Hashable {
        public var toolsAdded = 0, toolsRemoved = 0, toolsRenamed = 0, toolsChanged = 0
        public var actionsAdded = 0, actionsRemoved = 0, needsChanged = 0
        public var resourcesBroadened = 0, resourcesNarrowed = 0, resourcesChanged = 0
        public var principalsAdded = 0, principalsRemoved = 0
        public var newFindings: [Diagnostic.Severity: Int] = [:]
        public var resolvedFindings: [Diagnostic.Severity: Int] = [:]
    }

    public var summary: Summary {
        var s = Summary()
        for tool in tools {
            switch tool.status {
            case .added: s.toolsAdded += 1
            case .removed: s.toolsRemoved += 1
            case .renamed: s.toolsRenamed += 1
            case .kept: if !tool.hasNoChanges { s.toolsChanged += 1 }
            }
            s.actionsAdded += tool.added.count
            s.actionsRemoved += tool.removed.count
            s.needsChanged += tool.changed.count
            for r in tool.resources {
                switch r.direction {
                case .broadened: s.resourcesBroadened += 1
                case .narrowed: s.resourcesNarrowed += 1
                case .changed: s.resourcesChanged += 1
                }
            }
            s.principalsAdded += tool.principalsAdded.count
            s.principalsRemoved += tool.principalsRemoved.count
            for f in tool.newFindings { s.newFindings[f.severity, default: 0] += 1 }
            for f in tool.resolvedFindings { s.resolvedFindings[f.severity, default: 0] += 1 }
        }
        return s
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ parts: [String]) -> String {
        parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}
