import Foundation
import PermDocsCore

/// A 128-bit fingerprint of what an output file is made from, stable across
/// processes and machines (unlike Swift's `Hasher`, which is seeded per run),
/// so it can be kept in a cache file and compared by the next build.
///
/// Made by `FingerprintHasher`: a page's from its model while
/// `TemplateEncoder` encodes it, or by walking a template context
/// (`[String: Any]`) into a `StableHasher`.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 hex digits.
    public var description: String { StableHasher.hex(high) + StableHasher.hex(low) }

    /// Parses 32 hex digits; nil for anything else.
    public init?(hex text: Substring) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }
}

/// Feeds values into a `Fingerprint`. Every value is preceded by a type tag
/// and strings by their length, so `["ab", "c"]` and `["a", "bc"]` differ.
public struct FingerprintHasher {
    private var hasher = StableHasher()
    /// Values of a type the hasher does not know. A fingerprint with any is
    /// not trusted: its file is always rendered again (correct, only slower).
    public private(set) var unknownValues = 0

    public init() {}

    public var fingerprint: Fingerprint { Fingerprint(high: hasher.high, low: hasher.low) }

    @inline(__always)
    private mutating func byte(_ v: UInt8) { hasher.feed(v) }

    public mutating func combine(_ value: UInt64) {
        hasher.feed(value)
    }

    public mutating func combine(_ fingerprint: Fingerprint) {
        combine(fingerprint.high)
        combine(fingerprint.low)
    }

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        combine(UInt64(bytes.count))
        hasher.feed(bytes)
    }

    /// One byte that says what follows (a caller's own tags, such as `TemplateEncoder`'s).
    mutating func combineTag(_ tag: UInt8) { byte(tag) }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    private enum Tag: UInt8 { case string = 1, int, bool, double, dictionary, array, null, unknown }

    /// A template context value: strings, numbers, booleans, dictionaries with
    /// string keys and arrays of these, optionals of these. Dictionary entries
    /// are combined in an order-independent way (their order differs per run).
    public mutating func combine(any value: Any) {
        if let s = value as? String {
            byte(Tag.string.rawValue); combine(s)
        } else if let d = value as? [String: Any] {
            byte(Tag.dictionary.rawValue)
            var sumHigh: UInt64 = 0, sumLow: UInt64 = 0
            for (key, v) in d {
                var entry = FingerprintHasher()
                entry.combine(key)
                entry.combine(any: v)
                unknownValues += entry.unknownValues
                sumHigh = sumHigh &+ entry.hasher.high
                sumLow = sumLow &+ entry.hasher.low
            }
            combine(UInt64(d.count)); combine(sumHigh); combine(sumLow)
        } else if let list = value as? [Any] {
            // Before any other array type: casting `[Any]` to `[[String: Any]]` converts every element.
            byte(Tag.array.rawValue); combine(UInt64(list.count))
            for v in list { combine(any: v) }
        } else if let b = value as? Bool {
            byte(Tag.bool.rawValue); byte(b ? 1 : 0)
        } else if let n = value as? Int {
            byte(Tag.int.rawValue); combine(UInt64(bitPattern: Int64(n)))
        } else if let x = value as? Double {
            byte(Tag.double.rawValue); combine(x.bitPattern)
        } else if let source = value as? FingerprintSource {
            source.fingerprint(into: &self)
        } else if let optional = value as? OptionalValue {
            if let wrapped = optional.wrappedValue { combine(any: wrapped) } else { byte(Tag.null.rawValue) }
        } else {
            byte(Tag.unknown.rawValue)
            unknownValues += 1
        }
    }
}

/// A context value that says itself what its fingerprint is made of (a value
/// computed only when the page is rendered, such as `DerivedHTML`).
public protocol FingerprintSource {
    func fingerprint(into hasher: inout FingerprintHasher)
}

private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}

