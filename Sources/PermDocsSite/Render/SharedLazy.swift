import Foundation

/// A value made on first use, once, by whichever thread asks first (others
/// wait for it); copies of the struct holding it share it. What a render
/// that never needs it (`serve` rendering one edited page) must not pay for.
final class SharedLazy<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: () -> Value

    init(_ make: @escaping () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
