import Foundation
import XCTest
@testable import PermDocsPolicy

final class JSONWriterTests: XCTestCase {
    func testPrettyPrintsInOrderAndRoundTrips() throws {
        let text = #"{"b": [1, {"x": "q\"\\\n"}], "a": {}, "c": [], "d": null, "e": false}"#
        let pretty = JSONWriter.pretty(try JSONReader.parse(text))
        XCTAssertEqual(pretty, "{\n  \"b\": [\n    1,\n    {\n      \"x\": \"q\\\"\\\\\\n\"\n    }\n  ],\n  \"a\": {},\n  \"c\": [],\n  \"d\": null,\n  \"e\": false\n}")
        XCTAssertEqual(try JSONReader.parse(pretty).withOffsetsCleared(), try JSONReader.parse(text).withOffsetsCleared())
    }

    private let tricky = "a\"b\\c/d<e>&f\u{2028}g\u{2029}h\u{1}\u{8}\u{7F}\n\r\té😀\u{2027}"

    func testStandardEscapingIsWhatJSONRequires() {
        XCTAssertEqual(JSONWriter.quoted(tricky),
                       "\"a\\\"b\\\\c/d<e>&f\u{2028}g\u{2029}h\\u0001\\u0008\u{7F}\\n\\r\\té😀\u{2027}\"")
    }

    func testHTMLSafeEscapingAlsoHidesMarkupAndLineSeparators() {
        XCTAssertEqual(JSONWriter.quoted(tricky, escaping: .htmlSafe),
                       "\"a\\\"b\\\\c\\/d\\u003ce\\u003e\\u0026f\\u2028g\\u2029h\\u0001\\u0008\\u007f\\n\\r\\té😀\u{2027}\"",
                       "U+2027 is not a line separator: kept")
    }

    /// The byte-by-byte escaper `appendQuoted` replaced (which copies runs of
    /// plain bytes whole): the new one must write the same bytes.
    private func bytewiseQuoted(_ s: String, html: Bool) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        func hex(_ v: UInt32) { out += Array(String(format: "\\u%04x", v).utf8) }
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case UInt8(ascii: "\n"): out += "\\n".utf8
            case UInt8(ascii: "\r"): out += "\\r".utf8
            case UInt8(ascii: "\t"): out += "\\t".utf8
            case UInt8(ascii: "/") where html: out += "\\/".utf8
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x7F:
                if html { hex(UInt32(b)) } else { out.append(b) }
            case 0xE2 where html && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                hex(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            default:
                if b < 0x20 { hex(UInt32(b)) } else { out.append(b) }
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    func testEscapingAgreesWithTheBytewiseEscaperOnTrickyText() {
        var samples = [tricky, "", "plain ec2:DescribeInstances", "</script><script>alert(1)</script>", "\u{2028}", "\u{2029}x",
                       "x\u{2028}", "\u{2026}\u{20AC}\u{E2}", "é", "😀\"", "\u{0}\u{1F}\u{7F}\u{80}", "a/b\\c"]
        // Every ASCII character and a few multi-byte ones, alone, first, last and in a run.
        let alphabet = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "é", "€", "😀"]
        for c in alphabet { samples += [c, c + "abc", "abc" + c, "ab" + c + c + "cd"] }
        // Mixtures, from a fixed linear congruential sequence so that a failure repeats.
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<500 {
            samples.append((0..<next(13)).map { _ in alphabet[next(alphabet.count)] }.joined())
        }
        for s in samples {
            XCTAssertEqual(JSONWriter.quoted(s), bytewiseQuoted(s, html: false), "standard: \(s.debugDescription)")
            XCTAssertEqual(JSONWriter.quoted(s, escaping: .htmlSafe), bytewiseQuoted(s, html: true), "htmlSafe: \(s.debugDescription)")
        }
    }

    func testEscapedTextReadsBackAsTheSameString() throws {
        for escaping in [JSONWriter.Escaping.standard, .htmlSafe] {
            let node = try JSONReader.parse("{\"k\": [" + JSONWriter.quoted(tricky, escaping: escaping) + ", 1.50, true, null, {}, []]}")
            XCTAssertEqual(node["k"]?.elements?.first?.value, .string(tricky))
            XCTAssertEqual(JSONWriter.pretty(node), "{\n  \"k\": [\n    " + JSONWriter.quoted(tricky) + ",\n    1.50,\n    true,\n    null,\n    {},\n    []\n  ]\n}")
        }
    }
}

extension JSONNode {
    /// The same value with every offset zero, to compare values only.
    func withOffsetsCleared() -> JSONNode {
        switch value {
        case .object(let members):
            return JSONNode(.object(members.map { JSONMember(key: $0.key, keyOffset: 0, value: $0.value.withOffsetsCleared()) }), offset: 0)
        case .array(let elements):
            return JSONNode(.array(elements.map { $0.withOffsetsCleared() }), offset: 0)
        default:
            return JSONNode(value, offset: 0)
        }
    }
}
