import Foundation

/// Values remembered by key, shared by threads: each is made by `make` the
/// first time it is asked for. Two threads asking for the same new key at
/// once may both make it (the lock is not held while making, so a slow
/// value never stalls the others); the value must therefore depend on the
/// key alone, and either copy is kept.
public final class LockedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [Key: Value] = [:]

    public init() {}

    /// The value remembered for `key`, else `make()`, remembered.
    public func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let found = known[key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let made = make()
        lock.lock()
        known[key] = made
        lock.unlock()
        return made
    }
}
