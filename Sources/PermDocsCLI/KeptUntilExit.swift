import Foundation

/// The last build's result, kept until the process exits instead of freed
/// when `build` returns. The analyzed site of a large build is hundreds of
/// thousands of objects: freeing them one by one took 40 ms after the
/// 7,825-page bench was written (20 ms after the guides), time that only
/// delays the exit, whose memory the system takes back at once. Only the
/// last value is kept, so a process that runs many builds (the tests) holds
/// one at most.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last: Any?

    static func keep(_ value: Any) {
        lock.lock()
        let previous = last
        last = value
        lock.unlock()
        _ = previous  // freed here, outside the lock
    }
}
