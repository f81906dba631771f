import Foundation
import PermDocsCore

/// The loaded contents of one service's snapshot file (`services/<prefix>.tsv`):
///
///     A<TAB>Name<TAB>Access level<TAB>resource types<TAB>condition keys<TAB>description
///     D<TAB>Name<TAB>dependent actions            (format 2)
///     R<TAB>resource type<TAB>ARN format<TAB>condition keys   (format 2)
///     K<TAB>condition key
///
/// Lists are comma-separated; a required resource type ends in `*`. A `D`
/// line gives the dependent actions (`service:Name`) of an action listed
/// above it.
final class ServiceData: Sendable {
    /// The actions, sorted by lowercased name (then by name).
    let actions: [CatalogAction]
    /// Lowercased action name → index in `actions`.
    private let indexByName: [String: Int]
    /// The service's condition keys, as the file lists them.
    let conditionKeys: [String]
    let conditionKeySet: ConditionKeySet
    /// The service's resource types by lowercased name (empty in a format-1 snapshot).
    let resourceTypes: [String: CatalogResourceType]

    private init(actions: [CatalogAction], indexByName: [String: Int], conditionKeys: [String], resourceTypes: [String: CatalogResourceType]) {
        self.actions = actions
        self.indexByName = indexByName
        self.conditionKeys = conditionKeys
        conditionKeySet = ConditionKeySet(conditionKeys)
        self.resourceTypes = resourceTypes
    }

    /// The action with this lowercased name, or nil.
    func action(lowercasedName name: String) -> CatalogAction? {
        indexByName[name].map { actions[$0] }
    }

    /// Reads and checks a service file of a snapshot in `format`; errors
    /// name the file and line. Every line is checked now, but an action's
    /// description and lists are left in the file's bytes, which the
    /// actions keep, until they are read (`ServiceActionText`).
    static func load(_ file: SnapshotFile, service: CatalogService, format: Int = ActionCatalog.snapshotFormat) throws -> ServiceData {
        /// An action line, as read.
        struct Entry {
            var key: String, name: String, accessLevel: AccessLevel
            var fields: ServiceActionText.Fields
        }
        var entries: [Entry] = []
        entries.reserveCapacity(service.actionCount)
        /// Lowercased name → position in `entries` (the file's order).
        var positionByKey: [String: Int] = [:]
        positionByKey.reserveCapacity(service.actionCount)
        var lines: [Int] = []
        lines.reserveCapacity(service.actionCount)
        var dependents: [Int: [String]] = [:]
        var keys: [String] = []
        var types: [String: CatalogResourceType] = [:]
        var typeLines: [String: Int] = [:]
        try file.forEachRecord { fields, line in
            switch fields[0].first {
            case UInt8(ascii: "A") where fields[0].count == 1:
                guard fields.count == 6 else {
                    throw file.error("an action line needs 6 tab-separated fields (A, name, access level, resource types, condition keys, description), found \(fields.count)", line: line)
                }
                let name = SnapshotFile.string(fields[1])
                guard isActionName(fields[1], name) else {
                    throw file.error("'\(name)' is not an action name", line: line)
                }
                guard let level = accessLevel(fields[2]) else {
                    throw file.error("unknown access level '\(SnapshotFile.string(fields[2]))' (expected one of \(AccessLevel.allCases.map(\.rawValue).joined(separator: ", ")))", line: line)
                }
                let key = name.lowercased()
                // One look-up both checks and records the name.
                if let first = positionByKey.updateValue(entries.count, forKey: key) {
                    throw file.error("action \(name) is listed twice (first on line \(lines[first]))", line: line)
                }
                lines.append(line)
                entries.append(Entry(key: key, name: name, accessLevel: level, fields: ServiceActionText.Fields(
                    resourceTypes: range(fields[3]), conditionKeys: range(fields[4]), description: range(fields[5]))))
            case UInt8(ascii: "D") where fields[0].count == 1 && format >= 2:
                let name = fields.count == 3 ? SnapshotFile.string(fields[1]) : ""
                guard let last = entries.last, last.key == name.lowercased() else {
                    throw file.error("a dependent-actions line needs 3 fields, D, the name of the action on the line above and its dependent actions", line: line)
                }
                let list = SnapshotFile.list(fields[2])
                if let odd = list.first(where: { !Self.isActionName($0) }) {
                    throw file.error("'\(odd)' is not an action such as iam:PassRole", line: line)
                }
                dependents[entries.count - 1] = list
            case UInt8(ascii: "R") where fields[0].count == 1 && format >= 2:
                guard fields.count == 4 else {
                    throw file.error("a resource-type line needs 4 tab-separated fields (R, name, ARN format, condition keys), found \(fields.count)", line: line)
                }
                let name = SnapshotFile.string(fields[1]), arn = SnapshotFile.string(fields[2])
                // Names may hold spaces (lambda's "code signing config").
                guard !name.isEmpty, !SnapshotFile.contains(name, anyOf: ",*") else {
                    throw file.error("'\(name)' is not a resource type name", line: line)
                }
                guard arn.hasPrefix("arn:"), colonCount(fields[2], arn) >= 5 else {
                    throw file.error("'\(arn)' is not an ARN format such as arn:${Partition}:s3:::${BucketName}", line: line)
                }
                if let first = typeLines[name.lowercased()] {
                    throw file.error("resource type \(name) is listed twice (first on line \(first))", line: line)
                }
                typeLines[name.lowercased()] = line
                types[name.lowercased()] = CatalogResourceType(service: service.prefix, name: name, arnFormat: arn,
                                                               conditionKeys: SnapshotFile.list(fields[3]))
            case UInt8(ascii: "K") where fields[0].count == 1:
                let key = fields.count == 2 ? SnapshotFile.string(fields[1]) : ""
                guard ActionCatalog.isConditionKey(key) else {
                    throw file.error("a condition-key line needs 2 fields, K and a key such as ec2:Region", line: line)
                }
                keys.append(key)
            default:
                throw file.error(format >= 2
                    ? "expected a line starting with A<TAB> (an action), D<TAB> (its dependent actions), R<TAB> (a resource type) or K<TAB> (a condition key)"
                    : "expected a line starting with A<TAB> (an action) or K<TAB> (a condition key)", line: line)
            }
        }
        guard entries.count == service.actionCount else {
            throw file.error("holds \(entries.count) actions but index.tsv says \(service.prefix) has \(service.actionCount)")
        }
        // Snapshot files list actions in this order already; then the
        // positions are the index as they are.
        let order = entries.indices.sorted { a, b in
            entries[a].key != entries[b].key ? entries[a].key < entries[b].key : entries[a].name < entries[b].name
        }
        var index = positionByKey
        if !order.elementsEqual(entries.indices) {
            for (position, entry) in order.enumerated() { index[entries[entry].key] = position }
        }
        var sortedDependents: [Int: [String]] = [:]
        for (position, entry) in order.enumerated() where dependents[entry] != nil {
            sortedDependents[position] = dependents[entry]
        }
        let text = ServiceActionText(bytes: file.bytes, fields: order.map { entries[$0].fields }, dependentActions: sortedDependents)
        let actions = order.enumerated().map { position, entry in
            CatalogAction(service: service.prefix, name: entries[entry].name, accessLevel: entries[entry].accessLevel, text: text, index: position)
        }
        return ServiceData(actions: actions, indexByName: index, conditionKeys: keys, resourceTypes: types)
    }

    /// Where a field is in the file's bytes.
    private static func range(_ field: SnapshotFile.Field) -> Range<Int> {
        field.startIndex..<field.endIndex
    }

    /// Whether an action line's name (`field`, decoded as `name`) is one:
    /// not empty, without `:`, `*`, `?` or space. ASCII is checked byte by
    /// byte (each byte a character), other text as characters.
    private static func isActionName(_ field: SnapshotFile.Field, _ name: String) -> Bool {
        guard !field.isEmpty else { return false }
        guard field.allSatisfy({ $0 < 0x80 }) else { return !SnapshotFile.contains(name, anyOf: ":*? ") }
        return !field.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: " ") }
    }

    /// The access level a field names: its bytes compared with each level's
    /// spelling, else (some other spelling of one) as a string.
    private static func accessLevel(_ field: SnapshotFile.Field) -> AccessLevel? {
        for (level, spelling) in zip(levels, spellings) where field.elementsEqual(spelling) { return level }
        return AccessLevel(rawValue: SnapshotFile.string(field))
    }

    private static let levels = AccessLevel.allCases
    private static let spellings = levels.map { Array($0.rawValue.utf8) }

    /// How many `:` characters a field (decoded as `text`) holds: in ASCII
    /// each byte is a character, so bytes are counted.
    private static func colonCount(_ field: SnapshotFile.Field, _ text: String) -> Int {
        field.allSatisfy { $0 < 0x80 } ? field.count { $0 == UInt8(ascii: ":") } : text.count { $0 == ":" }
    }

    /// `service:Name` with no wildcard.
    private static func isActionName(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !SnapshotFile.contains(text, anyOf: "*? \t")
    }
}
