import XCTest
@testable import PermDocsCLI
import PermDocsAnalysis
import PermDocsCore

/// `serve` prints every finding after its first build, and after a rebuild
/// only the new ones, how many went away, and the summary of all.
final class RebuildFindingsTests: XCTestCase {
    private func finding(_ file: String, _ line: Int, _ message: String, _ severity: Diagnostic.Severity = .warning) -> Diagnostic {
        Diagnostic(id: "rule", severity: severity, message: message, location: SourceLocation(file: file, line: line, column: 1))
    }

    func testTheFirstBuildPrintsEveryFindingAndRebuildsOnlyTheNewOnes() {
        var printer = RebuildFindings()
        let a = finding("tools/a.md", 3, "first"), b = finding("tools/b.md", 7, "second"), c = finding("tools/b.md", 9, "third", .error)
        let first = printer.text(for: FindingsReport(findings: [a, b]), path: { $0 })
        XCTAssertEqual(first, """
            tools/a.md:3:1: warning: first [rule]
            tools/b.md:7:1: warning: second [rule]
            0 errors, 0 security warnings, 2 warnings, 0 suggestions

            """)
        // b fixed, c new: only c is printed; the summary counts every finding.
        let second = printer.text(for: FindingsReport(findings: [a, c]), path: { $0 })
        XCTAssertEqual(second, """
            tools/b.md:9:1: error: third [rule]
            since the last build: 1 new finding, 1 gone
            1 error, 0 security warnings, 1 warning, 0 suggestions

            """)
        // Nothing changed: no finding printed, the summary still is.
        let third = printer.text(for: FindingsReport(findings: [a, c]), path: { $0 })
        XCTAssertEqual(third, """
            since the last build: 0 new findings, 0 gone
            1 error, 0 security warnings, 1 warning, 0 suggestions

            """)
    }
}
