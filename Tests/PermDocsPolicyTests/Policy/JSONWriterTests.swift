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
