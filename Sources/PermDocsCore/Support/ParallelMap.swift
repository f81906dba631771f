import Dispatch
import Foundation

/// How many threads work by default: one per core.
public enum ProcessInfoConcurrency {
    public static var `default`: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// `map` across threads with results in input order, so output never depends
/// on which thread finished first.
public enum ParallelMap {
    public static func map<Input, Output>(_ inputs: [Input], concurrency: Int, _ transform: (Input) -> Output) -> [Output] {
        if concurrency <= 1 || inputs.count < 2 { return inputs.map(transform) }
        var results = [Output?](repeating: nil, count: inputs.count)
        let lock = NSLock()
        let workers = min(concurrency, inputs.count)
        var next = 0
        // Workers take the next input as they free up: pages differ a lot in size.
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeMutableSendableBuffer(slots)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    lock.lock()
                    let i = next
                    next += 1
                    lock.unlock()
                    if i >= inputs.count { return }
                    slots.buffer[i] = transform(inputs[i])
                }
            }
        }
        return results.map { $0! }
    }

    /// `map(_:concurrency:_:)`, the costliest inputs started first: results
    /// still come in input order. Workers take inputs as they free up, so an
    /// input far costlier than the rest (a 3 MB manual among 600 short pages)
    /// started late leaves one core working alone at the end; started first,
    /// it runs beside the others. `cost` is any measure that orders inputs by
    /// their work (bytes, pages); ties keep input order.
    public static func map<Input, Output>(_ inputs: [Input], concurrency: Int, costliestFirst cost: (Input) -> Int,
                                          _ transform: (Input) -> Output) -> [Output] {
        if concurrency <= 1 || inputs.count < 2 { return inputs.map(transform) }
        let costs = inputs.map(cost)
        let order = inputs.indices.sorted { (costs[$1], $0) < (costs[$0], $1) }
        var results = [Output?](repeating: nil, count: inputs.count)
        for (k, output) in map(order, concurrency: concurrency, { transform(inputs[$0]) }).enumerated() {
            results[order[k]] = output
        }
        return results.map { $0! }
    }
}

/// Lets worker threads write distinct slots of one buffer.
private struct UnsafeMutableSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
