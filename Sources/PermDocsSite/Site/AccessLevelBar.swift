/// A small stacked bar (inline SVG) of a tool's needed actions by access
/// level, drawn at build time. Each segment has a `<title>` and the bar an
/// `aria-label` that reads the counts, so the colours are never the only cue.
import PermDocsAnalysis
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

public enum AccessLevelBar {
    /// Counts per level, in `AccessLevel.allCases` order; levels with 0 are kept (they are read out as 0).
    public static func counts(rows: [ActionRow], tool: String) -> [(AccessLevel, Int)] {
        var counts: [AccessLevel: Int] = [:]
        for row in rows {
            guard let level = row.accessLevel, row.needs[tool]?.isRequired == true else { continue }
            counts[level, default: 0] += 1
        }
        return AccessLevel.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// The CSS class of a level's segment (`lvl-permissions-management`).
    public static func cssClass(_ level: AccessLevel) -> String {
        "lvl-" + level.rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// The bar as SVG markup, `width` pixels wide; segments proportional to the counts.
    public static func svg(_ counts: [(AccessLevel, Int)], width: Int = 160, height: Int = 12) -> String {
        let total = counts.reduce(0) { $0 + $1.1 }
        let label = counts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        var out = "<svg class=\"access-bar\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Actions by access level: \(HTMLEscaping.attribute(label))\">"
        if total == 0 {
            out += "<rect class=\"lvl-none\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\"><title>no catalogued actions</title></rect>"
        }
        var x = 0.0
        for (level, n) in counts where n > 0 {
            let w = Double(width) * Double(n) / Double(total)
            out += "<rect class=\"\(cssClass(level))\" x=\"\(fmt(x))\" y=\"0\" width=\"\(fmt(w))\" height=\"\(height)\"><title>\(HTMLEscaping.text(level.rawValue)): \(n)</title></rect>"
            x += w
        }
        return out + "</svg>"
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
