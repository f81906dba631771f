import Dispatch

/// A value made on another thread while the caller goes on with its own work;
/// `value` waits for it. For work that needs nothing from the step running
/// beside it: the build record is made from the analysis while pages render,
/// instead of alone on one core after them.
public final class BackgroundValue<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once on the background thread, read only after `done` is waited for.
    private var made: Value?

    public init(_ make: @escaping () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.made = make()
            self.done.leave()
        }
    }

    /// The value, once made.
    public var value: Value {
        done.wait()
        return made!
    }
}
