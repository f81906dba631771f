import XCTest
@testable import PermDocsCore

final class PathSlugTests: XCTestCase {
    func testSlugsKeepOnlySafeCharacters() {
        XCTAssertEqual(PathSlug.make("ec2:Describe*"), "ec2-describe-star")
        XCTAssertEqual(PathSlug.make("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(PathSlug.make("s3:Get?bject"), "s3-get-qbject")
        XCTAssertEqual(PathSlug.make("…"), "x")
        XCTAssertEqual(PathSlug.make(String(repeating: "a", count: 200)).count, PathSlug.maxLength)
    }

    func testAllocatorMakesCollidingNamesUniqueInOrder() {
        var allocator = PathSlug.Allocator()
        XCTAssertEqual(["Migration", "migration", "MIGRATION!", "other"].map { allocator.unique($0) },
                       ["migration", "migration-2", "migration-3", "other"])
    }
}
