import XCTest
@testable import PermDocsPolicy

final class JSONReaderTests: XCTestCase {
    func testReadsValuesWithOffsets() throws {
        let node = try JSONReader.parse(#"{"a": [1, "x", true, null], "b": {"c": -2.5e3}}"#)
        let members = try XCTUnwrap(node.members)
        XCTAssertEqual(members.map(\.key), ["a", "b"])
        XCTAssertEqual(members[0].keyOffset, 1)
        XCTAssertEqual(members[0].value.offset, 6)
        XCTAssertEqual(members[0].value.elements?.map(\.value), [.number("1"), .string("x"), .bool(true), .null])
        XCTAssertEqual(node["b"]?["c"]?.value, .number("-2.5e3"))
    }

    func testKeepsDuplicateKeysInOrder() throws {
        let node = try JSONReader.parse(#"{"Action": "a", "Action": "b"}"#)
        XCTAssertEqual(node.members?.map(\.key), ["Action", "Action"])
        XCTAssertEqual(node.members?.map(\.keyOffset), [1, 16])
    }

    func testDecodesEscapes() throws {
        let node = try JSONReader.parse(#"["\"\\\/\n\u00e9\ud83d\ude00"]"#)
        XCTAssertEqual(node.elements?.first?.stringValue, "\"\\/\né😀")
    }

    func testErrorPositions() {
        func offset(_ text: String) -> Int? {
            do { _ = try JSONReader.parse(text); return nil } catch let e as JSONSyntaxError { return e.offset } catch { return -1 }
        }
        XCTAssertEqual(offset(#"{"a": 1,}"#), 7)  // trailing comma: at the comma, not the '}'
        XCTAssertEqual(offset(#"[1, 2,]"#), 5)
        XCTAssertEqual(offset("{\"a\": [1],\n}"), 9, "at the comma, a line before the '}'")
        XCTAssertEqual(offset("[[1],\n  \n]"), 4)
        XCTAssertEqual(offset(#"{"a" 1}"#), 5)  // missing colon
        XCTAssertEqual(offset(#"{"a": tru}"#), 9)
        XCTAssertEqual(offset("{\"a\": \"x\n\"}"), 6)  // string not closed on its line: at its quote
        XCTAssertEqual(offset(#"{"a": 1} x"#), 9)
        XCTAssertEqual(offset("{\u{00A0}\"a\": 1}"), 1)
        XCTAssertEqual(offset(#"{"a": 01}"#), 7)
        XCTAssertEqual(offset(""), 0)
    }

    func testMessagesNameCommonMistakes() {
        XCTAssertThrowsError(try JSONReader.parse("{\"a\": 1, // note\n}")) { e in
            XCTAssertTrue((e as? JSONSyntaxError)?.message.contains("comments") ?? false, "\(e)")
        }
        XCTAssertThrowsError(try JSONReader.parse(#"{"a": [1, ...]}"#)) { e in
            XCTAssertTrue((e as? JSONSyntaxError)?.message.contains("ellipsis") ?? false, "\(e)")
        }
        XCTAssertThrowsError(try JSONReader.parse("{\u{201C}a\u{201D}: 1}")) { e in
            XCTAssertTrue((e as? JSONSyntaxError)?.message.contains("curly quote") ?? false, "\(e)")
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try JSONReader.parse(deep)) { e in
            XCTAssertTrue((e as? JSONSyntaxError)?.message.contains("nesting") ?? false)
        }
    }
}
