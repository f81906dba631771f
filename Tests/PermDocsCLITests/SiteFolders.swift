import Foundation
import XCTest

/// Comparing folders of files, as the tests compare built sites and themes.
enum SiteFolders {
    /// Every regular file below `folder`, relative and sorted, hidden ones included.
    static func files(below folder: URL) throws -> [String] {
        let root = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// Fails unless both folders hold the same files with the same bytes.
    static func assertSame(_ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let paths = try files(below: a)
        XCTAssertEqual(paths, try files(below: b), "the same files", file: file, line: line)
        XCTAssertFalse(paths.isEmpty, "\(a.path) holds files", file: file, line: line)
        for path in paths where try Data(contentsOf: a.appendingPathComponent(path)) != (try? Data(contentsOf: b.appendingPathComponent(path))) {
            XCTFail("\(path) differs between \(a.lastPathComponent) and \(b.lastPathComponent)", file: file, line: line)
        }
    }
}
