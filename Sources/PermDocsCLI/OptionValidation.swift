import ArgumentParser

/// Checks of numeric options, with messages that say what is allowed.
/// The options themselves are declared with `parsing: .unconditional`, so
/// that `--jobs -3` reaches these checks instead of reading `-3` as a flag
/// and reporting a missing value.
enum OptionValidation {
    /// `--jobs`: how many pages are analyzed at once.
    static func jobs(_ value: Int?) throws {
        if let value, value < 1 {
            throw ValidationError("--jobs must be 1 or more (how many pages are analyzed at once), not \(value)")
        }
    }

    /// `--port`: a TCP port, 0 picking a free one.
    static func port(_ value: Int) throws {
        guard (0...65535).contains(value) else {
            throw ValidationError("--port must be from 0 to 65535 (0 picks a free port), not \(value)")
        }
    }

    /// Flags that cannot be given together (`--quiet --verbose`).
    static func exclusive(_ flags: [(name: String, isSet: Bool)]) throws {
        let set = flags.filter(\.isSet).map(\.name)
        if set.count > 1 {
            throw ValidationError("\(set.joined(separator: " and ")) cannot be used together")
        }
    }
}
