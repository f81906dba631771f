/// A JSON value as it was written: every node keeps where it starts in the
/// text it was read from, and objects keep every member in order, duplicates
/// included, so that validation can point at the offending key.
import PermDocsCore

public indirect enum JSONValue: Sendable, Hashable {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    /// The number as written (IAM policies hold numbers only as condition values).
    case number(String)
    case bool(Bool)
    case null
}

/// One node of a parsed document with its position.
public struct JSONNode: Sendable, Hashable {
    public var value: JSONValue
    /// Index of the node's first Unicode scalar in the text.
    public var offset: Int

    public init(_ value: JSONValue, offset: Int) {
        self.value = value
        self.offset = offset
    }

    /// The members of an object, or nil.
    public var members: [JSONMember]? {
        if case .object(let m) = value { return m }
        return nil
    }

    /// The elements of an array, or nil.
    public var elements: [JSONNode]? {
        if case .array(let e) = value { return e }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The first member whose key equals `key` exactly.
    public subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }

    /// A short name of the node's kind for messages.
    public var kindName: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A key and its value inside an object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var keyOffset: Int
    public var value: JSONNode

    public init(key: String, keyOffset: Int, value: JSONNode) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }
}
