/// A loaded service file's bytes, kept, and where each action's description
/// and lists lie in them, for `CatalogAction` to decode when one is read.
///
/// Loading every service (a `*` pattern does) made strings and arrays for
/// the description, resource types and condition keys of some 22,000
/// actions, of which a build reads a handful: most of the loading time.
/// Now loading checks and indexes the lines, and an action holds this
/// object and its number here. Immutable, so shared by threads.
final class ServiceActionText: Sendable {
    /// Where one action's fields are in `bytes`.
    struct Fields: Sendable {
        var resourceTypes: Range<Int>
        var conditionKeys: Range<Int>
        var description: Range<Int>
    }

    /// The service file.
    private let bytes: [UInt8]
    /// By action number: the order of `ServiceData.actions`.
    private let fields: [Fields]
    /// The dependent actions (`D` lines) of the few actions that have them,
    /// by action number; decoded when the file is loaded, as they are checked then.
    private let dependentActions: [Int: [String]]

    init(bytes: [UInt8], fields: [Fields], dependentActions: [Int: [String]]) {
        self.bytes = bytes
        self.fields = fields
        self.dependentActions = dependentActions
    }

    /// Every decoded property of action `index`.
    func decoded(action index: Int) -> CatalogAction.Decoded {
        let (types, required) = resourceTypes(of: index)
        return CatalogAction.Decoded(description: description(of: index), resourceTypes: types, requiredResourceTypes: required,
                                     conditionKeys: conditionKeys(of: index), dependentActions: dependentActions(of: index))
    }

    func description(of index: Int) -> String {
        String(decoding: bytes[fields[index].description], as: UTF8.self)
    }

    func conditionKeys(of index: Int) -> [String] {
        SnapshotFile.list(bytes[fields[index].conditionKeys])
    }

    func dependentActions(of index: Int) -> [String] {
        dependentActions[index] ?? []
    }

    /// The resource types, and those of them the action requires (written
    /// with a `*` after the name, which is dropped).
    func resourceTypes(of index: Int) -> (all: [String], required: [String]) {
        var all: [String] = [], required: [String] = []
        for item in SnapshotFile.list(bytes[fields[index].resourceTypes]) {
            if item.hasSuffix("*") {
                let type = String(item.dropLast())
                all.append(type)
                required.append(type)
            } else {
                all.append(item)
            }
        }
        return (all, required)
    }

    /// `ConditionKeyList.contains(conditionKeys, key)` for action `index`,
    /// read in place from the bytes when the key and the listed keys are
    /// ASCII; nil otherwise, for the caller to decode the list.
    func supportsConditionKey(_ key: String, action index: Int) -> Bool? {
        let range = fields[index].conditionKeys
        return key.utf8.withContiguousStorageIfAvailable { text -> Bool? in
            bytes.withUnsafeBufferPointer { file -> Bool? in
                let list = UnsafeBufferPointer(rebasing: file[range])
                guard list.allSatisfy({ $0 < 0x80 }), text.allSatisfy({ $0 < 0x80 }) else { return nil }
                var start = list.startIndex
                while start < list.endIndex {
                    let end = list[start...].firstIndex(of: UInt8(ascii: ",")) ?? list.endIndex
                    // Empty items are no keys, as `SnapshotFile.list` leaves them out.
                    if end > start, ConditionKeyList.matches(template: UnsafeBufferPointer(rebasing: list[start..<end]), text: text) {
                        return true
                    }
                    start = end + 1
                }
                return false
            }
        } ?? nil
    }
}
