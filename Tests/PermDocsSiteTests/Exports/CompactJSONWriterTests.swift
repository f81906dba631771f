import XCTest
@testable import PermDocsSite

/// `CompactJSONWriter` writes the bytes `ExportJSON.compactText` writes for the same value.
final class CompactJSONWriterTests: XCTestCase {
    private let tricky = ["", "plain", "a\"b\\c/d", "</script><script>alert(1)</script>", "&amp;", "\u{2028}\u{2029}\u{2027}",
                          "\u{0}\u{1}\u{1F}\u{7F}\n\r\t", "é€😀", "ec2:Describe*"]

    /// Writes `json` through the writer's calls, object keys in sorted order.
    private func stream(_ json: ExportJSON, into out: inout CompactJSONWriter) {
        switch json {
        case .object(let members):
            out.beginObject()
            for key in members.keys.sorted() {
                out.key(key)
                stream(members[key]!, into: &out)
            }
            out.endObject()
        case .array(let elements):
            out.beginArray()
            for e in elements { stream(e, into: &out) }
            out.endArray()
        case .string(let s): out.string(s)
        case .int(let n): out.int(n)
        case .bool(let b): out.bool(b)
        case .null: out.null()
        }
    }

    private func streamed(_ json: ExportJSON) -> String {
        var out = CompactJSONWriter()
        stream(json, into: &out)
        return out.text
    }

    func testEveryKindOfValueIsWrittenAsExportJSONWritesIt() {
        let ints: [ExportJSON] = [0, 7, 9, 10, -1, -10, 123_456, Int.max, Int.min].map(ExportJSON.int)
        let value = ExportJSON.object([
            "strings": .strings(tricky), "ints": .array(ints), "flags": .array([.bool(true), .bool(false), .null]),
            "empty": .object([:]), "none": .array([]), "nested": .array([.array([]), .object(["b": .array([.object([:])]), "a": .null])]),
            // Keys from content are escaped like strings.
            "</script>": .string("x"), "\u{2028}": .int(1), "\"": .optional(nil),
        ])
        XCTAssertEqual(streamed(value), value.compactText)
        for s in tricky {
            XCTAssertEqual(streamed(.string(s)), ExportJSON.string(s).compactText, s.debugDescription)
            XCTAssertEqual(streamed(.object([s: .string(s)])), ExportJSON.object([s: .string(s)]).compactText, s.debugDescription)
        }
    }

    /// Commas between values, none after a key or at a container's start, for many shapes.
    func testNestedShapesAgreeWithExportJSON() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        func value(depth: Int) -> ExportJSON {
            switch depth > 3 ? next(4) : next(6) {
            case 0: return .string(tricky[next(tricky.count)])
            case 1: return .int(next(2000) - 1000)
            case 2: return next(2) == 0 ? .bool(next(2) == 0) : .null
            case 3: return .array([])
            case 4: return .array((0..<next(4)).map { _ in value(depth: depth + 1) })
            default:
                return .object(Dictionary((0..<next(4)).map { _ in (tricky[next(tricky.count)], value(depth: depth + 1)) },
                                          uniquingKeysWith: { a, _ in a }))
            }
        }
        for _ in 0..<300 {
            let v = value(depth: 0)
            XCTAssertEqual(streamed(v), v.compactText)
        }
    }

    func testStaticKeysRawTextAndEmbeddedValues() {
        var out = CompactJSONWriter()
        out.raw("window.x = ")
        out.beginObject()
        out.key("a"); out.strings(["x", "</"])
        out.key("b"); out.ints([1, 22])
        out.key("c"); out.value(.object(["z": .int(1), "y": .null]))
        out.key("d"); out.string(nil as String?)
        out.endObject()
        out.raw(";\n")
        let expected = ExportJSON.object(["a": .strings(["x", "</"]), "b": .array([.int(1), .int(22)]),
                                          "c": .object(["z": .int(1), "y": .null]), "d": .null])
        XCTAssertEqual(out.text, "window.x = " + expected.compactText + ";\n")
    }
}
