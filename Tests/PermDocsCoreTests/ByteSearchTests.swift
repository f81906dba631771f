import XCTest
import PermDocsCore

final class ByteSearchTests: XCTestCase {
    func testContainsByteFindsItAnywhereAndOnlyWhereItIs() {
        XCTAssertTrue("a\r\nb".containsByte(13))
        XCTAssertTrue("\rab".containsByte(13), "at the start")
        XCTAssertTrue("ab\u{0}".containsByte(0), "at the end")
        XCTAssertFalse("ab\ncd é".containsByte(13))
        XCTAssertFalse("".containsByte(0))
        XCTAssertTrue("xy\u{0}z".dropFirst().containsByte(0), "in a substring")
        XCTAssertFalse("\u{0}xyz".dropFirst().containsByte(0), "not before the substring")
        let long = String(repeating: "policy ", count: 10_000) + "\r"
        XCTAssertTrue(long.containsByte(13))
        XCTAssertFalse(String(long.dropLast()).containsByte(13))
    }
}

/// The byte helpers the link and Markdown paths stand on.
final class ByteHelpersTests: XCTestCase {
    func testContainsBytesFindsANeedleAnywhereAndOnlyWhereItIs() {
        XCTAssertTrue("abc{%".containsBytes("{%"), "at the end")
        XCTAssertTrue("{{<x".containsBytes("{{<"), "at the start")
        XCTAssertTrue("a{{{<".containsBytes("{{<"), "after a partial match")
        XCTAssertFalse("{{ <".containsBytes("{{<"))
        XCTAssertFalse("{".containsBytes("{%"), "longer than the text")
        XCTAssertTrue("anything".containsBytes(""))
        XCTAssertTrue("né.md".containsBytes("é.md"), "non-ASCII bytes")
        XCTAssertFalse("ne\u{301}.md".containsBytes("é.md"), "bytes, not canonical equivalence")
        XCTAssertTrue("x{%y".dropFirst().containsBytes("{%"), "in a substring")
        XCTAssertFalse("{%xy".dropFirst().containsBytes("{%"), "not before the substring")
        let long = String(repeating: "{ % ", count: 10_000) + "{%"
        XCTAssertTrue(long.containsBytes("{%"))
        XCTAssertFalse(String(long.dropLast()).containsBytes("{%"))
    }

    func testFirstOffsetIsTheFirstPlaceAtOrAfterTheStart() {
        let hay = Array("ab id=\"x\" id=\"y\"".utf8), needle = Array(" id=\"".utf8)
        hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                XCTAssertEqual(String.firstOffset(of: n, in: h, from: 0), 2)
                XCTAssertEqual(String.firstOffset(of: n, in: h, from: 3), 9)
                XCTAssertNil(String.firstOffset(of: n, in: h, from: 10))
                XCTAssertNil(String.firstOffset(of: n, in: h, from: hay.count))
            }
        }
    }

    func testIsASCIIBytesLooksAtEveryByte() {
        XCTAssertTrue("".isASCIIBytes)
        XCTAssertTrue("plain ascii text, longer than eight bytes\r\n".isASCIIBytes)
        for i in 0..<20 {
            // The one non-ASCII scalar at each place: in the 8-byte steps and in the tail.
            let text = String(repeating: "a", count: i) + "é" + String(repeating: "b", count: 19 - i)
            XCTAssertFalse(text.isASCIIBytes, text)
        }
        XCTAssertTrue("é abc".dropFirst().isASCIIBytes, "a substring's own bytes")
    }

    /// Counted as `utf8.split(separator:)` counts its parts, on paths with
    /// empty parts, leading and trailing separators and non-ASCII names.
    func testPartCountIsSplitsCountOfNonEmptyParts() {
        let slash = UInt8(ascii: "/")
        for path in ["", "/", "//", "a", "a/b", "/a/b/", "a//b", "tools/dms/index.html", "é/ü/ñ.html", "a/\u{301}b", "///x///"] {
            XCTAssertEqual(path.utf8PartCount(separatedBy: slash), path.utf8.split(separator: slash).count, path)
            XCTAssertEqual(Substring(path).utf8PartCount(separatedBy: slash), path.utf8.split(separator: slash).count, path)
        }
    }
}

/// `SourceLines.texts(of:)` is the lines' texts of `SourceLines`, made on byte offsets.
final class SourceLineTextsTests: XCTestCase {
    func testCutsAtEveryKindOfLineEndAsTheLinesDo() {
        for text in ["", "a", "a\n", "a\nb", "a\r\nb\rc\n\rd", "\r\r\n\n", "é\r\n🙂\rx", "no end é", "\n"] {
            let lines = SourceLines(text).lines
            XCTAssertEqual(SourceLines.texts(of: text), lines.map(\.text), text.debugDescription)
            XCTAssertEqual(lines.map { String($0.text) + String($0.ending) }.joined(), text, "the lines put back are the text")
        }
        XCTAssertEqual(SourceLines.texts(of: "a\r\nb\rc\nd"), ["a", "b", "c", "d"])
        XCTAssertEqual(SourceLines("a\r\nb\r").lines.map(\.ending), ["\r\n", "\r", ""])
    }

}
