import Foundation

/// Runs blocking clients on threads of their own.
///
/// The clients use blocking sockets (`RawHTTPConnection`); run on the async runtime's few
/// threads they would take them from the server under test. Each runs on a `Thread`, and the
/// test awaits them without blocking one of the runtime's threads.
enum ClientThreads {
    /// Runs `body(0..<count)` on `count` threads at once and returns their results in order.
    static func run<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) async -> [T] {
        let results = Results<T>(count: count)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            for index in 0..<count {
                group.enter()
                let thread = Thread {
                    results.set(index, body(index))
                    group.leave()
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
            group.notify(queue: .global()) { done.resume() }
        }
        return results.all
    }

    /// Runs `body` on a thread of its own, awaited like `run`.
    static func one<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await run(1) { _ in body() }[0]
    }

    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [T?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }

        var all: [T] { lock.withLock { values.map { $0! } } }
    }
}
