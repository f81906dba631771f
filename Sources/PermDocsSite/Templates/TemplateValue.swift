import Mustache

/// A page model as the theme's templates read it: what `TemplateEncoder`
/// makes of a typed model (`ToolPage`, …). Typed, so `TemplateProgram` reads
/// it without a runtime cast per tag; `any` gives swift-mustache's view of
/// the same values for themes rendered by swift-mustache itself.
enum TemplateValue {
    case string(String)
    /// Text already in UTF-8 (a page's rendered body, which the layout
    /// shows): a string to the templates, without a copy into a `String`.
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    case double(Double)
    /// A field the model declares but leaves empty (`TemplateNull`).
    case null
    /// HTML made only when a template shows it (`DerivedHTML`).
    case derived(DerivedHTML)
    case list([TemplateValue])
    case object(TemplateObject)

    /// The value as swift-mustache reads it: dictionaries, arrays and scalars.
    var any: Any {
        switch self {
        case .string(let s): return s
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .int(let i): return i
        case .bool(let b): return b
        case .double(let d): return d
        case .null: return TemplateNull()
        case .derived(let d): return d
        case .list(let items): return items.map(\.any)
        case .object(let object): return object.dictionary
        }
    }
}

/// One model value's fields in the order they were encoded. A field set
/// twice keeps its last value, as a dictionary would (`value(named:)` looks
/// from the end); models have a few dozen fields, so a scan is cheaper than
/// hashing each name.
final class TemplateObject {
    private(set) var names: [String] = []
    private(set) var values: [TemplateValue] = []

    init() {}

    /// An empty object with room for `capacity` fields.
    init(capacity: Int) {
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    init(names: [String], values: [TemplateValue]) {
        self.names = names
        self.values = values
    }

    func set(_ name: String, _ value: TemplateValue) {
        names.append(name)
        values.append(value)
    }

    /// The field's value; nil when the model has no such field.
    func value(named name: String) -> TemplateValue? {
        var i = names.count
        while i > 0 {
            i -= 1
            if names[i] == name { return values[i] }
        }
        return nil
    }

    /// A copy with `name` set to `value` (the layout's `body`), leaving this one as it is.
    func setting(_ name: String, _ value: TemplateValue) -> TemplateObject {
        TemplateObject(names: names + [name], values: values + [value])
    }

    var dictionary: [String: Any] {
        var d: [String: Any] = [:]
        d.reserveCapacity(names.count)
        for (name, value) in zip(names, values) { d[name] = value.any }
        return d
    }
}
