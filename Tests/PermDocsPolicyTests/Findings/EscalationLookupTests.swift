import XCTest
@testable import PermDocsPolicy

/// `RiskRules.escalations(in:)` looks only at the methods whose first
/// action is granted; it must find what checking every method finds, in
/// file order.
final class EscalationLookupTests: XCTestCase {
    func testIndexedLookupFindsWhatEveryMethodChecked() throws {
        let rules = try RiskRules.bundled()
        let names = rules.escalationActionNames.sorted()
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var found = 0
        for round in 0..<2_000 {
            // Sets of every size, from none to all, with names no method needs.
            var granted = Set((0..<(round % (names.count + 1))).map { _ in names[next() % names.count] })
            granted.insert("s3:getobject")
            let expected = rules.privilegeEscalation.filter { $0.isGranted(by: granted) }
            XCTAssertEqual(rules.escalations(in: granted).map(\.id), expected.map(\.id), "\(granted.sorted())")
            found += expected.count
        }
        XCTAssertGreaterThan(found, 0, "some sets grant whole methods")
        XCTAssertEqual(rules.escalations(in: Set(names)).count, rules.privilegeEscalation.count, "every action grants every method")
        XCTAssertEqual(rules.escalations(in: []).count, 0)
    }
}
