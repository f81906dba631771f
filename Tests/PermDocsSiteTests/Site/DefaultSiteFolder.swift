import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

/// The default site (`Content/`, built-in theme) built into a temporary
/// folder, for the checks that look at it as a browser or a validator does.
/// The folder is removed when the test ends.
enum DefaultSiteFolder {
    /// One page of each kind the default site has (it has no further page of
    /// a folder tool and no tool set), plus the shared page of unknown services.
    static let pageKinds = [
        "index.html", "tools/vm-import-export/index.html", "matrix.html", "overlap.html", "findings.html",
        "services/ec2.html", "services/not-in-catalog.html", "search.html", "404.html",
    ]

    static func build(for test: XCTestCase) throws -> URL {
        let content = DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))
        let report = try TestSupport.pipeline(content).render()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-default-site-\(UUID().uuidString)")
        for file in report.files {
            let url = out.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        test.addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        return out
    }
}
