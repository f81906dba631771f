import XCTest
@testable import PermDocsCore

final class ParallelMapTests: XCTestCase {
    func testResultsKeepInputOrderWhateverFinishesFirst() {
        // Early inputs take longest, so with several workers they finish last.
        let inputs = Array(0..<64)
        let out = ParallelMap.map(inputs, concurrency: 4) { i -> Int in
            if i < 4 { usleep(20_000) }
            return i * i
        }
        XCTAssertEqual(out, inputs.map { $0 * $0 })
    }

    func testOneWorkerRunsOnTheCallingThread() {
        let caller = Thread.current
        let sameThread = ParallelMap.map([1, 2, 3], concurrency: 1) { _ in Thread.current == caller }
        XCTAssertEqual(sameThread, [true, true, true])
    }
}
