// TEMPORARY until helper files land.
import Foundation
enum HTMLEscaping {
    static func text(_ s: String) -> String { attribute(s) }
    static func attribute(_ s: String) -> String {
        var o = ""; for c in s { switch c { case "&": o += "&amp;"; case "<": o += "&lt;"; case ">": o += "&gt;"; case "\"": o += "&quot;"; case "'": o += "&#39;"; default: o.append(c) } }; return o
    }
}
struct HTMLSanitizer { func sanitize(_ s: String) -> String { HTMLEscaping.text(s) } }
struct PipeTableSyntax {
    enum Alignment { case none, left, center, right }
    struct Cell { var text: String; var column: Int }
    struct Row { var cells: [Cell]; var lineIndex: Int }
    struct Table { var header: Row; var alignments: [Alignment]; var body: [Row] }
    static func splitRow(_ line: String) -> [Cell] {
        var cells: [Cell] = []; var cur = ""; var col = 1; var start = 1
        var t = Array(line.unicodeScalars)
        var i = 0
        if let f = t.firstIndex(where: { $0 != " " }), t[f] == "|" { i = f + 1 }
        if let l = t.lastIndex(where: { $0 != " " }), t[l] == "|", l >= i { t = Array(t[..<l]) }
        start = i + 1; col = i + 1
        while i < t.count { let c = t[i]
            if c == "\\" && i + 1 < t.count && t[i+1] == "|" { cur += "|"; i += 2; continue }
            if c == "|" { cells.append(mk(cur, start)); cur = ""; start = i + 2; i += 1; continue }
            cur.unicodeScalars.append(c); i += 1 }
        cells.append(mk(cur, start)); _ = col
        return cells
    }
    static func mk(_ raw: String, _ start: Int) -> Cell {
        let lead = raw.unicodeScalars.prefix { $0 == " " }.count
        return Cell(text: raw.trimmingCharacters(in: .whitespaces), column: start + lead)
    }
    static func isDelimiterRow(_ line: String) -> [Alignment]? {
        let cells = splitRow(line); var a: [Alignment] = []
        for c in cells { let t = c.text; guard !t.isEmpty, t.allSatisfy({ $0 == "-" || $0 == ":" }), t.contains("-") else { return nil }
            a.append(t.hasPrefix(":") && t.hasSuffix(":") ? .center : t.hasSuffix(":") ? .right : t.hasPrefix(":") ? .left : .none) }
        return a
    }
    static func parse(lines: [String]) -> Table? {
        guard lines.count >= 2, let al = isDelimiterRow(lines[1]) else { return nil }
        let h = splitRow(lines[0]); guard h.count == al.count else { return nil }
        var body: [Row] = []
        for i in 2..<max(2, lines.count) { var c = splitRow(lines[i]); while c.count < al.count { c.append(Cell(text: "", column: 1)) }; body.append(Row(cells: Array(c.prefix(al.count)), lineIndex: i)) }
        return Table(header: Row(cells: h, lineIndex: 0), alignments: al, body: body)
    }
}
