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

    func testCostliestInputsStartFirstAndResultsKeepInputOrder() {
        // Costs out of order, one tie (5 and 7 both cost 50): ties keep input order.
        let inputs = Array(0..<12)
        let costs = [3, 90, 1, 40, 8, 50, 2, 50, 0, 70, 6, 4]
        let lock = NSLock()
        var started: [Int] = []
        let out = ParallelMap.map(inputs, concurrency: 2, costliestFirst: { costs[$0] }) { i -> Int in
            lock.lock()
            started.append(i)
            lock.unlock()
            return i * 10
        }
        XCTAssertEqual(out, inputs.map { $0 * 10 })
        // Two workers take inputs in cost order: each start is among the first
        // two not started yet, so the costliest input starts first or second.
        let order = [1, 9, 5, 7, 3, 4, 10, 11, 0, 6, 2, 8]
        for (k, i) in started.enumerated() {
            let pending = order.filter { !started[..<k].contains($0) }
            XCTAssertTrue(pending.prefix(2).contains(i), "input \(i) started before costlier ones: \(started)")
        }
    }

    func testCostliestFirstWithOneWorkerKeepsInputOrder() {
        var seen: [Int] = []
        let out = ParallelMap.map([1, 2, 3], concurrency: 1, costliestFirst: { $0 }) { i -> Int in
            seen.append(i)
            return -i
        }
        XCTAssertEqual(out, [-1, -2, -3])
        XCTAssertEqual(seen, [1, 2, 3])
    }
}
