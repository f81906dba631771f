import XCTest
@testable import PermDocsPolicy

/// The byte-level readers of snapshot fields must give what the string
/// operations they replace give.
final class SnapshotFileTests: XCTestCase {
    func testListsSkipEmptyItems() {
        for text in ["", ",", "a", "a,b", ",a,,b,", "instance*,image", "aws:RequestTag/${TagKey},ec2:Region", "é,ü,", ",,,x"] {
            let field = ArraySlice(Array(text.utf8))
            XCTAssertEqual(SnapshotFile.list(field), text.split(separator: ",").map(String.init), text)
        }
        // A slice that does not start at index 0, as a record's fields are.
        let line = Array("A\tx,y\tz".utf8)
        XCTAssertEqual(SnapshotFile.list(line[2..<5]), ["x", "y"])
    }

    func testCharacterSearchAgreesWithStringSearch() {
        for (text, characters) in [("RunInstances", ":*? "), ("Run Instances", ":*? "), ("ec2:Run", ":*? "), ("Get*", ":*? "),
                                   ("", ",*"), ("code signing config", ",*"), ("a,b", ",*"), ("ec2:Region", "\t, "),
                                   ("ec2:Re gion", "\t, "), ("é:x,y", "\t, "), ("é:xy", "\t, "), ("a\r\nb", "\t, "), ("a\tb", "*? \t")] {
            XCTAssertEqual(SnapshotFile.contains(text, anyOf: characters), text.contains(where: characters.contains),
                           "\(text.debugDescription) any of \(characters.debugDescription)")
        }
    }
}
