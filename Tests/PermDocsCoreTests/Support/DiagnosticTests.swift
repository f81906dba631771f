import XCTest
@testable import PermDocsCore

final class DiagnosticTests: XCTestCase {
    private func diagnostic(_ file: String, _ line: Int, _ column: Int, id: String = "x", message: String = "m") -> Diagnostic {
        Diagnostic(id: id, severity: .warning, message: message, location: SourceLocation(file: file, line: line, column: column))
    }

    func testSortedForOutputOrdersByFileLineColumnThenIdThenMessage() {
        let list = [
            diagnostic("b.md", 1, 1),
            diagnostic("a.md", 2, 1),
            diagnostic("a.md", 1, 5, id: "z"),
            diagnostic("a.md", 1, 5, id: "a", message: "second"),
            diagnostic("a.md", 1, 5, id: "a", message: "first"),
        ]
        XCTAssertEqual(list.sortedForOutput().map(\.description), [
            "a.md:1:5: warning: first [a]",
            "a.md:1:5: warning: second [a]",
            "a.md:1:5: warning: m [z]",
            "a.md:2:1: warning: m [x]",
            "b.md:1:1: warning: m [x]",
        ])
    }

    func testSeverityOrderPutsErrorsAboveSecurityWarnings() {
        XCTAssertEqual(Diagnostic.Severity.allCases.sorted(), [.suggestion, .warning, .securityWarning, .error])
        XCTAssertEqual(Diagnostic.Severity.securityWarning.label, "security warning")
    }
}
