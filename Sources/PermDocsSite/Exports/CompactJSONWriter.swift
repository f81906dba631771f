/// Writes compact JSON straight into UTF-8 bytes, value by value, with the
/// same bytes `ExportJSON.compactText` writes for the same value: strings
/// with `JSONWriter`'s HTML-safe escapes, no spaces.
///
/// For the large exports (`actions.json`, `permissions.json`,
/// `blocks.json`, the search index): building an `ExportJSON` tree of
/// dictionaries first, then sorting each object's keys to write it, was most
/// of their cost. The caller writes an object's keys in sorted order itself
/// (the order `ExportJSON` sorts them in; tests compare the two).
import PermDocsPolicy

public struct CompactJSONWriter {
    /// The text so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value or key is the first of its array or object (no comma before it).
    private var atFirst = true
    #if DEBUG
    /// The last key of each open object, to check (in debug builds, so in
    /// the tests) that keys come in the order `ExportJSON` sorts them in.
    private var lastKeys: [String?] = []
    #endif

    /// An empty text, with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text so far as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text as is (a script's prefix, a newline): not a JSON value.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Opens an object: then `key` and a value, per member.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        atFirst = true
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    /// Closes the innermost open object.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atFirst = false
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    /// Opens an array: then its values.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        atFirst = true
    }

    /// Closes the innermost open array.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        atFirst = false
    }

    /// An object member's key, written as is: keys the code spells out are
    /// plain ASCII, which no escape changes.
    public mutating func key(_ name: StaticString) {
        checkOrder(name.description)
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        atFirst = true
    }

    /// An object member's key from content, escaped.
    public mutating func key(_ name: String) {
        checkOrder(name)
        separate()
        JSONWriter.appendQuoted(name, escaping: .htmlSafe, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        atFirst = true
    }

    /// A string, escaped (`JSONWriter.Escaping.htmlSafe`).
    public mutating func string(_ value: String) {
        separate()
        JSONWriter.appendQuoted(value, escaping: .htmlSafe, to: &bytes)
        atFirst = false
    }

    /// A string, or null when nil.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A number, in decimal.
    public mutating func int(_ value: Int) {
        separate()
        if (0..<10).contains(value) {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
        atFirst = false
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        if value { raw("true") } else { raw("false") }
        atFirst = false
    }

    /// `null`.
    public mutating func null() {
        separate()
        raw("null")
        atFirst = false
    }

    /// An array of strings.
    public mutating func strings<S: Sequence<String>>(_ values: S) {
        beginArray()
        for v in values { string(v) }
        endArray()
    }

    /// An array of numbers.
    public mutating func ints<S: Sequence<Int>>(_ values: S) {
        beginArray()
        for v in values { int(v) }
        endArray()
    }

    /// A value built as `ExportJSON` (for the small parts of an export).
    public mutating func value(_ json: ExportJSON) {
        separate()
        json.writeCompact(into: &bytes)
        atFirst = false
    }

    /// In debug builds, stops when `name` does not come after the object's last key.
    private mutating func checkOrder(_ name: String) {
        #if DEBUG
        if let last = lastKeys.last ?? nil {
            precondition(last < name, "key \(name) written after \(last): ExportJSON sorts keys")
        }
        lastKeys[lastKeys.count - 1] = name
        #endif
    }

    /// A comma unless this is the first value or key of its container, or the value of a key.
    private mutating func separate() {
        if !atFirst { bytes.append(UInt8(ascii: ",")) }
    }
}
