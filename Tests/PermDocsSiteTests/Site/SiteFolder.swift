import Foundation
import XCTest
@testable import PermDocsSite
import PermDocsTestSupport
import PermDocsCore

/// A built site in a temporary folder (by default the default site:
/// `Content/`, built-in theme), for the checks that look at it as a browser
/// or a validator does. The folder is removed when the test ends.
enum SiteFolder {
    /// One page of each kind the default site has (it has no further page of
    /// a folder tool and no tool set), plus the shared page of unknown services.
    static let pageKinds = [
        "index.html", "tools/vm-import-export/index.html", "matrix.html", "overlap.html", "findings.html",
        "services/ec2.html", "services/not-in-catalog.html", "search.html", "404.html",
    ]

    static func build(for test: XCTestCase) throws -> URL {
        try write(defaultSite(), for: test)
    }

    /// The default site built in memory.
    static func defaultSite() throws -> Pipeline.Result {
        try TestSupport.pipeline(DiskContentReader(root: TestSupport.packageRoot.appendingPathComponent("Content"))).render()
    }

    /// `report`'s files written into a new temporary folder, removed when `test` ends.
    static func write(_ report: Pipeline.Result, for test: XCTestCase) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-site-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        for file in report.files {
            let url = out.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        return out
    }
}
