/// Turns a typed page model (an `Encodable` value type) into the tree of
/// `TemplateValue`s the theme's templates read (`TemplateProgram`; `.any`
/// gives swift-mustache's dictionaries), and takes the model's fingerprint on
/// the way (`PageRequest.fingerprint`): the fields come in declaration order,
/// so no second walk over the tree is needed.
///
/// Hand-written because no listed library does this job: swift-mustache looks
/// children up in `[String: Any]` dictionaries, in types conforming to its
/// `MustacheParent` (one hand-written `switch` per type), or else through
/// `Mirror`, which reflects every field of a value on every lookup.
/// Measured (`Benchmarks/template-representation`, 2,000 rows × 10 cells,
/// process CPU time): Mirror renders about 5× slower than dictionaries, and
/// every other shape swift-mustache reads within ±10% of them: its cost is
/// per tag, not per lookup structure, which is why `TemplateProgram` renders
/// from typed values instead. The models stay plain structs (synthesized
/// `Encodable`, no lookup code per type to keep in step with its fields).
///
/// Two rules keep templates reading the fields a model declares:
/// - an absent optional becomes `.null` (`TemplateNull`), not a missing key: a missing
///   key would make Mustache look the name up in the enclosing contexts
///   (a row without `url` would show its page's `url`);
/// - a field of type `PageFrame` is encoded
///   into its parent's fields, so templates write `{{title}}`, not `{{frame.title}}`.
import Mustache

enum TemplateEncoder {
    /// The template tree of `value`, as swift-mustache reads it.
    static func tree<T: Encodable>(_ value: T) -> Any {
        encode(value).tree.any
    }

    /// The template tree of `value` and the fingerprint of what it holds:
    /// every field's name and value, in the order the model declares them.
    static func encode<T: Encodable>(_ value: T) -> (tree: TemplateValue, fingerprint: Fingerprint) {
        let digest = Digest()
        let tree = child(value, digest)
        return (tree, digest.hasher.fingerprint)
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

/// The fingerprint of one model, fed by every container of its encoding.
/// Each value starts with a tag, strings carry their length and each nested
/// value is closed, so two different models never feed the same bytes.
private final class Digest {
    var hasher = FingerprintHasher()

    enum Tag: UInt8 { case key = 1, string, int, bool, double, null, derived, open, close }

    @inline(__always) func tag(_ tag: Tag) { hasher.combineTag(tag.rawValue) }
    func key(_ key: String) { tag(.key); hasher.combine(key) }
    func string(_ value: String) { tag(.string); hasher.combine(value) }
    func int(_ value: Int) { tag(.int); hasher.combine(UInt64(bitPattern: Int64(value))) }
    func bool(_ value: Bool) { tag(.bool); hasher.combineTag(value ? 1 : 0) }
    func double(_ value: Double) { tag(.double); hasher.combine(value.bitPattern) }
    func null() { tag(.null) }
}

/// Where a container writes: one dictionary or array, shared by reference
/// while the value is encoded.
private final class Node {
    var object: TemplateObject?
    var array: [TemplateValue]?
    var single: TemplateValue?

    var value: TemplateValue {
        if let object { return .object(object) }
        if let array { return .list(array) }
        return single ?? .null
    }
}

/// A struct: it is made for every nested value of every page, and two
/// references fit in an existential's inline buffer (no allocation).
private struct TreeEncoder: Encoder {
    let node: Node
    let digest: Digest
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node = Node(), digest: Digest) {
        self.node = node
        self.digest = digest
    }

    var result: TemplateValue { node.value }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Room for the fields of most models at once, instead of regrowing the arrays field by field.
        if node.object == nil { node.object = TemplateObject(capacity: 16) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, digest: digest))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if node.array == nil { node.array = [] }
        return UnkeyedContainer(node: node, digest: digest)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleContainer(node: node, digest: digest)
    }
}

/// The tree of a nested value, or the value itself when it is a scalar
/// (fed to `digest` either way).
private func child<T: Encodable>(_ value: T, _ digest: Digest) -> TemplateValue {
    // Metatypes compared, then a cast that cannot fail: this runs for every field of every page.
    if T.self == String.self {
        let string = value as! String
        digest.string(string)
        return .string(string)
    } else if T.self == Int.self {
        let int = value as! Int
        digest.int(int)
        return .int(int)
    } else if T.self == Bool.self {
        let bool = value as! Bool
        digest.bool(bool)
        return .bool(bool)
    } else if T.self == DerivedHTML.self {
        let derived = value as! DerivedHTML
        digest.tag(.derived)
        derived.fingerprint(into: &digest.hasher)
        return .derived(derived)
    } else {
        let encoder = TreeEncoder(digest: digest)
        digest.tag(.open)
        // The models' own encoding cannot fail: they hold strings, numbers, flags and lists.
        try? value.encode(to: encoder)
        digest.tag(.close)
        return encoder.result
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let digest: Digest
    var codingPath: [CodingKey] { [] }

    /// `value`'s name, fed to the digest before its value.
    private func name(_ key: Key) -> String {
        let name = key.stringValue
        digest.key(name)
        return name
    }

    private func set(_ value: TemplateValue, _ name: String) { node.object!.set(name, value) }

    mutating func encodeNil(forKey key: Key) { let name = name(key); digest.null(); set(.null, name) }
    mutating func encode(_ value: Bool, forKey key: Key) { let name = name(key); digest.bool(value); set(.bool(value), name) }
    mutating func encode(_ value: String, forKey key: Key) { let name = name(key); digest.string(value); set(.string(value), name) }
    mutating func encode(_ value: Double, forKey key: Key) { let name = name(key); digest.double(value); set(.double(value), name) }
    mutating func encode(_ value: Float, forKey key: Key) { encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) { let name = name(key); digest.int(value); set(.int(value), name) }
    mutating func encode(_ value: Int8, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { encode(Int(value), forKey: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        // The page frame's fields are the page's own (metatype compared: no cast per field).
        if T.self == PageFrame.self {
            try value.encode(to: TreeEncoder(node: node, digest: digest))
        } else {
            let name = name(key)
            set(child(value, digest), name)
        }
    }

    // An absent optional is a declared, empty field (see the file's comment).
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { encodeNil(forKey: key) }
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
    let digest: Digest
    var codingPath: [CodingKey] { [] }
    var count: Int { node.array!.count }

    private func append(_ value: TemplateValue) { node.array!.append(value) }

    mutating func encodeNil() { digest.null(); append(.null) }
    mutating func encode(_ value: Bool) { digest.bool(value); append(.bool(value)) }
    mutating func encode(_ value: String) { digest.string(value); append(.string(value)) }
    mutating func encode(_ value: Double) { digest.double(value); append(.double(value)) }
    mutating func encode(_ value: Int) { digest.int(value); append(.int(value)) }
    mutating func encode(_ value: Float) { encode(Double(value)) }
    mutating func encode(_ value: Int8) { encode(Int(value)) }
    mutating func encode(_ value: Int16) { encode(Int(value)) }
    mutating func encode(_ value: Int32) { encode(Int(value)) }
    mutating func encode(_ value: Int64) { encode(Int(value)) }
    mutating func encode(_ value: UInt) { encode(Int(value)) }
    mutating func encode(_ value: UInt8) { encode(Int(value)) }
    mutating func encode(_ value: UInt16) { encode(Int(value)) }
    mutating func encode(_ value: UInt32) { encode(Int(value)) }
    mutating func encode(_ value: UInt64) { encode(Int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(child(value, digest)) }

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
    let digest: Digest
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() { digest.null(); node.single = .null }
    mutating func encode(_ value: Bool) { digest.bool(value); node.single = .bool(value) }
    mutating func encode(_ value: String) { digest.string(value); node.single = .string(value) }
    mutating func encode(_ value: Double) { digest.double(value); node.single = .double(value) }
    mutating func encode(_ value: Int) { digest.int(value); node.single = .int(value) }
    mutating func encode(_ value: Float) { encode(Double(value)) }
    mutating func encode(_ value: Int8) { encode(Int(value)) }
    mutating func encode(_ value: Int16) { encode(Int(value)) }
    mutating func encode(_ value: Int32) { encode(Int(value)) }
    mutating func encode(_ value: Int64) { encode(Int(value)) }
    mutating func encode(_ value: UInt) { encode(Int(value)) }
    mutating func encode(_ value: UInt8) { encode(Int(value)) }
    mutating func encode(_ value: UInt16) { encode(Int(value)) }
    mutating func encode(_ value: UInt32) { encode(Int(value)) }
    mutating func encode(_ value: UInt64) { encode(Int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.single = child(value, digest) }
}
