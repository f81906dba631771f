import XCTest
@testable import PermDocsMarkdown
import PermDocsCore
import PermDocsTestSupport

/// The pipe-table syntax, anchor names and link depths are read on UTF-8
/// bytes; each must give what the String and scalar reading it replaced
/// gave (kept below as the reference), on generated lines full of what makes
/// bytes and characters differ: non-ASCII text, combining marks, joiners,
/// CRLF and other control whitespace, escaped pipes, backslashes, backticks.
final class ByteSyntaxAgreementTests: XCTestCase {
    static let pieces = [
        "|", "|", "|", "\\|", "\\\\|", "\\", "`", "``", " ", "  ", "\t", "\u{0B}", "\u{0C}", "\r", "\n", "\r\n", "é", "e\u{301}",
        "\u{301}", "😀", "\u{00A0}", ":", "-", "---", ":-:", "--:", ":--", "a", "x y", "İ", "\u{200D}", "\u{600}", "ü", "<", ">",
    ]

    static func line(_ random: inout FuzzRandom) -> String {
        var s = ""
        for _ in 0..<random.below(14) { s += pieces[random.below(pieces.count)] }
        return s
    }

    func testSplitRowAndDelimiterRowsAgree() {
        var random = FuzzRandom(seed: 0x7AB1E)
        for _ in 0..<20_000 {
            let line = Self.line(&random)
            XCTAssertEqual(PipeTableSyntax.splitRow(line), ReferencePipeTable.splitRow(line), line.debugDescription)
            XCTAssertEqual(PipeTableSyntax.isDelimiterRow(line), ReferencePipeTable.isDelimiterRow(line), line.debugDescription)
        }
    }

    func testTablesAgree() {
        var random = FuzzRandom(seed: 0x7AB1E5)
        let delimiters = ["|---|---|", "--- | :-:", "| :-- |", "---", "|-|", " | --: | --- |", "|\u{301}---|"]
        for _ in 0..<5_000 {
            var lines = [Self.line(&random), random.below(3) == 0 ? Self.line(&random) : delimiters[random.below(delimiters.count)]]
            for _ in 0..<random.below(5) { lines.append(random.below(6) == 0 ? "  " : Self.line(&random)) }
            XCTAssertEqual(PipeTableSyntax.parse(lines: lines), ReferencePipeTable.parse(lines: lines), lines.debugDescription)
        }
    }

    func testAnchorNamesAgree() {
        var random = FuzzRandom(seed: 0xA1C4)
        let parts = ["<a", "<A", " ", "\t", "\n", "name", "NAME", "Name", "id", "iD", "href", "=", "\"", "'", "x", "é", "e\u{301}",
                     "K", "\u{212A}", ">", "/>", "data-id", "nam", "ide", "😀", "\u{00A0}", "  y "]
        for _ in 0..<20_000 {
            var tag = random.below(4) == 0 ? "" : "<a "
            for _ in 0..<random.below(12) { tag += parts[random.below(parts.count)] }
            XCTAssertEqual(HeadingIDs.anchorName(inTag: tag), ReferencePipeTable.anchorName(inTag: tag), tag.debugDescription)
        }
    }

    /// `GuideRenderer.namedAnchor` looks for its words case-folded on an
    /// ASCII tag's bytes; it must answer as the lowercased copy did.
    func testNamedAnchorsAgree() {
        var random = FuzzRandom(seed: 0xA1C5)
        let parts = ["<a", "<A", " ", "\t", "name", "NAME", "nAmE", " id", " ID", "id", "href", "HREF", "hReF", "=", "\"", "'", "x",
                     "é", "K", "\u{212A}", "\u{130}", ">", "/>", "data-id", "nam", "hre", "  y "]
        for _ in 0..<20_000 {
            var tag = random.below(4) == 0 ? "" : "<a "
            for _ in 0..<random.below(12) { tag += parts[random.below(parts.count)] }
            XCTAssertEqual(GuideRenderer.namedAnchor(tag), ReferencePipeTable.namedAnchor(tag), tag.debugDescription)
        }
    }

    func testSlugsAgree() {
        var random = FuzzRandom(seed: 0x5106)
        let parts = ["Step", " ", "1", ":", "(Optional)", "KMS", "_x", "-", "\r\n", "\t", "é", "Ü", "e\u{301}", "{#id}", "{#", "}",
                     "IAM", "role's", "😀", "\u{212A}", "a.b", "  ", "Z9", "!"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<random.below(10) { text += parts[random.below(parts.count)] }
            XCTAssertEqual(HeadingIDs.slug(text), ReferencePipeTable.slug(text), text.debugDescription)
        }
    }

    func testLinkDepthsAgree() {
        let pages: Set<String> = ["a", "b/c", "x", "d"]
        for pageID in ["a", "b/c", "b//c", "/b/c", "b/c/", "é/ü/x", "a/b/c/d", "x"] {  // (no id is all slashes: it names no page)
            for url in ["a.md", "c.md#x", "x.md#é", "d.md"] {
                let reference: String? = PageLinks.targetPage(url, from: pageID, pages: pages).map { target in
                    let fragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
                    let depth = pageID.split(separator: "/").count - 1
                    return String(repeating: "../", count: depth) + target + ".html" + (fragment.map { "#" + $0 } ?? "")
                }
                XCTAssertEqual(PageLinks.resolve(url, from: pageID, pages: pages), reference, "\(url) from \(pageID)")
            }
        }
    }
}

/// The String and scalar readings that the byte readings replaced.
private enum ReferencePipeTable {
    static func parse(lines: [String]) -> PipeTableSyntax.Table? {
        guard lines.count >= 2, let alignments = isDelimiterRow(lines[1]) else { return nil }
        let header = splitRow(lines[0])
        guard header.count == alignments.count else { return nil }
        var body: [PipeTableSyntax.Row] = []
        var index = 2
        while index < lines.count {
            let line = lines[index]
            if line.unicodeScalars.allSatisfy(isASCIIWhitespace) { break }
            var cells = splitRow(line)
            if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
            let end = line.unicodeScalars.count + 1
            while cells.count < alignments.count { cells.append(PipeTableSyntax.Cell(text: "", column: end)) }
            body.append(PipeTableSyntax.Row(cells: cells, lineIndex: index))
            index += 1
        }
        return PipeTableSyntax.Table(header: PipeTableSyntax.Row(cells: header, lineIndex: 0), alignments: alignments, body: body)
    }

    static func splitRow(_ line: String) -> [PipeTableSyntax.Cell] {
        let s = Array(line.unicodeScalars)
        let n = s.count
        var i = 0
        while i < n, isASCIIWhitespace(s[i]) { i += 1 }
        if i < n, s[i] == "|" {
            i += 1
            while i < n, isSpaceChar(s[i]) { i += 1 }
        }
        var cells: [PipeTableSyntax.Cell] = []
        while i < n {
            let start = i
            var text: [Unicode.Scalar] = []
            var firstContent: Int?
            var lastContentLength = 0
            while i < n, s[i] != "|" {
                if firstContent == nil, !isASCIIWhitespace(s[i]) { firstContent = i }
                if s[i] == "\\", i + 1 < n, s[i + 1] == "|" {
                    text.append("|")
                    i += 2
                } else {
                    text.append(s[i])
                    i += 1
                }
                if !isASCIIWhitespace(text[text.count - 1]) { lastContentLength = text.count }
            }
            let pipe = i < n
            if i > start || pipe {
                let trimmed = firstContent.map { first -> String in
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: text[(first - start)..<lastContentLength])
                    return String(view)
                } ?? ""
                cells.append(PipeTableSyntax.Cell(text: trimmed, column: (firstContent ?? i) + 1))
            }
            if pipe {
                i += 1
                while i < n, isSpaceChar(s[i]) { i += 1 }
            }
        }
        return cells
    }

    static func isDelimiterRow(_ line: String) -> [PipeTableSyntax.Alignment]? {
        var indent = 0
        for c in line.unicodeScalars {
            if c == " " { indent += 1 } else if c == "\t" { indent += 4 - indent % 4 } else { break }
        }
        guard indent < 4 else { return nil }
        let cells = splitRow(line)
        guard !cells.isEmpty else { return nil }
        var result: [PipeTableSyntax.Alignment] = []
        for cell in cells {
            let t = Array(cell.text.unicodeScalars)
            let left = t.first == ":", right = t.count > 1 && t.last == ":"
            let dashes = t.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        if result == [.none], !line.contains("|") { return nil }
        return result
    }

    /// `GuideRenderer.namedAnchor` as it was: on a lowercased copy of the tag.
    static func namedAnchor(_ tag: String) -> String? {
        guard tag.utf8.count < 300, let name = HeadingIDs.anchorName(inTag: tag), !name.isEmpty else { return nil }
        let lower = tag.lowercased()
        guard lower.containsBytes("name"), !lower.containsBytes("href"), !lower.containsBytes(" id") else { return nil }
        return name
    }

    /// `HeadingIDs.slug` as it was: on the lowercased text's Characters.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for ch in HeadingIDs.removingAttributeSuffix(text).lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(ch)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    static func isSpaceChar(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{0B}" || c == "\u{0C}" }
    static func isASCIIWhitespace(_ c: Unicode.Scalar) -> Bool { isSpaceChar(c) || c == "\n" || c == "\r" }

    /// `HeadingIDs.anchorName(inTag:)` as it was: on a copied byte array,
    /// each attribute name made a lowercased string.
    static func anchorName(inTag tag: String) -> String? {
        let b = Array(tag.utf8)
        func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c | 0x20 : c }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        guard b.count > 3, b[0] == UInt8(ascii: "<"), lower(b[1]) == UInt8(ascii: "a"), isSpace(b[2]) else { return nil }
        var i = 2
        while i < b.count && b[i] != UInt8(ascii: ">") {
            while i < b.count && isSpace(b[i]) { i += 1 }
            let nameStart = i
            while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: ">") { i += 1 }
            let attribute = String(decoding: b[nameStart..<i].map(lower), as: UTF8.self)
            while i < b.count && isSpace(b[i]) { i += 1 }
            var value: String?
            if i < b.count && b[i] == UInt8(ascii: "=") {
                i += 1
                while i < b.count && isSpace(b[i]) { i += 1 }
                if i < b.count && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
                    let quote = b[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < b.count && b[i] != quote { i += 1 }
                    guard i < b.count else { return nil }
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: ">") && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "'") { i += 1 }
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                }
            }
            if attribute == "name" || attribute == "id", let value {
                let name = value.trimmedSpaces()
                return name.isEmpty ? nil : name
            }
            if i == nameStart { i += 1 }
        }
        return nil
    }
}
