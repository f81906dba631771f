/// Turns a typed page model (an `Encodable` value type) into the tree of
/// dictionaries, arrays and scalars that swift-mustache reads.
///
/// Hand-written because no listed library does this job: swift-mustache looks
/// children up in `[String: Any]` dictionaries, in types conforming to its
/// `MustacheParent` (one hand-written `switch` per type), or else through
/// `Mirror`, which reflects every field of a value on every lookup.
/// Measured (`Benchmarks/template-representation`, 2,000 rows × 10 cells):
/// Mirror renders 3.5–4.6× slower than dictionaries, a hand-written
/// `MustacheParent` switch about 0.6× their time. Encoding each model once
/// keeps the models plain structs (synthesized `Encodable`, no lookup code
/// per type to keep in step with its fields) at the dictionaries' speed; the
/// switch would save about a tenth of a 40-tool build, at the price of a
/// lookup table per type.
///
/// Two rules keep templates reading the fields a model declares:
/// - an absent optional becomes `TemplateNull`, not a missing key: a missing
///   key would make Mustache look the name up in the enclosing contexts
///   (a row without `url` would show its page's `url`);
/// - a field of type `PageFrame` is encoded
///   into its parent's dictionary, so templates write `{{title}}`, not `{{frame.title}}`.
import Mustache

enum TemplateEncoder {
    /// The template tree of `value`.
    static func tree<T: Encodable>(_ value: T) -> Any {
        if isScalar(T.self) { return value }
        let encoder = TreeEncoder()
        // The models' own encoding cannot fail: they hold strings, numbers, flags and lists.
        try? value.encode(to: encoder)
        return encoder.result
    }

    /// Values kept as they are: scalars, and values the engine renders itself.
    /// Compared by metatype, not cast: this runs for every field of every page.
    @inline(__always)
    fileprivate static func isScalar<T>(_ type: T.Type) -> Bool {
        type == String.self || type == Int.self || type == Bool.self || type == DerivedHTML.self
    }

    /// Synthesized `Encodable` never asks for nested containers; a model
    /// with a hand-written encoding must not either (its fields would be lost).
    static let nestedContainerMessage = "page models use synthesized Encodable: no nested containers"
}

/// A field the model declares but leaves empty: renders as nothing, opens no
/// section, opens an inverted one, and stops Mustache from looking the name
/// up in an enclosing context.
struct TemplateNull: MustacheCustomRenderable, FingerprintSource {
    var renderText: String { "" }
    var isNull: Bool { true }

    func fingerprint(into hasher: inout FingerprintHasher) {
        hasher.combine("\u{0}null")
    }
}

/// Where a container writes: one dictionary or array, shared by reference
/// while the value is encoded.
private final class Node {
    var object: [String: Any]?
    var array: [Any]?
    var single: Any?

    var value: Any { object ?? array ?? single ?? TemplateNull() }
}

private final class TreeEncoder: Encoder {
    let node: Node
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node = Node()) {
        self.node = node
    }

    var result: Any { node.value }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.object == nil { node.object = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if node.array == nil { node.array = [] }
        return UnkeyedContainer(node: node)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleContainer(node: node)
    }
}

/// The tree of a nested value, or the value itself when it is a scalar.
private func child<T: Encodable>(_ value: T) -> Any {
    TemplateEncoder.tree(value)
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [CodingKey] { [] }

    private func set(_ value: Any, _ key: Key) { node.object![key.stringValue] = value }

    mutating func encodeNil(forKey key: Key) { set(TemplateNull(), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: String, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) { set(Double(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { set(Int(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        // The page frame's fields are the page's own (metatype compared: no cast per field).
        if T.self == PageFrame.self {
            try value.encode(to: TreeEncoder(node: node))
        } else {
            set(child(value), key)
        }
    }

    // An absent optional is a declared, empty field (see the file's comment).
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { set(value.map { $0 as Any } ?? TemplateNull(), key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { set(value.map { $0 as Any } ?? TemplateNull(), key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { set(value.map { $0 as Any } ?? TemplateNull(), key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { set(value.map { $0 as Any } ?? TemplateNull(), key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { set(TemplateNull(), key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure(TemplateEncoder.nestedContainerMessage)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        preconditionFailure(TemplateEncoder.nestedContainerMessage)
    }

    mutating func superEncoder() -> Encoder { preconditionFailure(TemplateEncoder.nestedContainerMessage) }
    mutating func superEncoder(forKey key: Key) -> Encoder { preconditionFailure(TemplateEncoder.nestedContainerMessage) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [CodingKey] { [] }
    var count: Int { node.array!.count }

    private func append(_ value: Any) { node.array!.append(value) }

    mutating func encodeNil() { append(TemplateNull()) }
    mutating func encode(_ value: Bool) { append(value) }
    mutating func encode(_ value: String) { append(value) }
    mutating func encode(_ value: Double) { append(value) }
    mutating func encode(_ value: Int) { append(value) }
    mutating func encode(_ value: Float) { append(Double(value)) }
    mutating func encode(_ value: Int8) { append(Int(value)) }
    mutating func encode(_ value: Int16) { append(Int(value)) }
    mutating func encode(_ value: Int32) { append(Int(value)) }
    mutating func encode(_ value: Int64) { append(Int(value)) }
    mutating func encode(_ value: UInt) { append(Int(value)) }
    mutating func encode(_ value: UInt8) { append(Int(value)) }
    mutating func encode(_ value: UInt16) { append(Int(value)) }
    mutating func encode(_ value: UInt32) { append(Int(value)) }
    mutating func encode(_ value: UInt64) { append(Int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(child(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure(TemplateEncoder.nestedContainerMessage)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        preconditionFailure(TemplateEncoder.nestedContainerMessage)
    }

    mutating func superEncoder() -> Encoder { preconditionFailure(TemplateEncoder.nestedContainerMessage) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() { node.single = TemplateNull() }
    mutating func encode(_ value: Bool) { node.single = value }
    mutating func encode(_ value: String) { node.single = value }
    mutating func encode(_ value: Double) { node.single = value }
    mutating func encode(_ value: Int) { node.single = value }
    mutating func encode(_ value: Float) { node.single = Double(value) }
    mutating func encode(_ value: Int8) { node.single = Int(value) }
    mutating func encode(_ value: Int16) { node.single = Int(value) }
    mutating func encode(_ value: Int32) { node.single = Int(value) }
    mutating func encode(_ value: Int64) { node.single = Int(value) }
    mutating func encode(_ value: UInt) { node.single = Int(value) }
    mutating func encode(_ value: UInt8) { node.single = Int(value) }
    mutating func encode(_ value: UInt16) { node.single = Int(value) }
    mutating func encode(_ value: UInt32) { node.single = Int(value) }
    mutating func encode(_ value: UInt64) { node.single = Int(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.single = child(value) }
}
