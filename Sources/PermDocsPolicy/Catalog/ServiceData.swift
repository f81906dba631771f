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
    /// name the file and line.
    static func load(_ file: SnapshotFile, service: CatalogService, format: Int = ActionCatalog.snapshotFormat) throws -> ServiceData {
        var entries: [(key: String, action: CatalogAction)] = []
        entries.reserveCapacity(service.actionCount)
        var lineByName: [String: Int] = [:]
        lineByName.reserveCapacity(service.actionCount)
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
                guard !name.isEmpty, !SnapshotFile.contains(name, anyOf: ":*? ") else {
                    throw file.error("'\(name)' is not an action name", line: line)
                }
                let levelText = SnapshotFile.string(fields[2])
                guard let level = AccessLevel(rawValue: levelText) else {
                    throw file.error("unknown access level '\(levelText)' (expected one of \(AccessLevel.allCases.map(\.rawValue).joined(separator: ", ")))", line: line)
                }
                let key = name.lowercased()
                if let first = lineByName[key] {
                    throw file.error("action \(name) is listed twice (first on line \(first))", line: line)
                }
                lineByName[key] = line
                var resourceTypes: [String] = [], required: [String] = []
                for item in SnapshotFile.list(fields[3]) {
                    if item.hasSuffix("*") {
                        let type = String(item.dropLast())
                        resourceTypes.append(type)
                        required.append(type)
                    } else {
                        resourceTypes.append(item)
                    }
                }
                entries.append((key, CatalogAction(
                    service: service.prefix, name: name, accessLevel: level,
                    description: SnapshotFile.string(fields[5]),
                    resourceTypes: resourceTypes, requiredResourceTypes: required,
                    conditionKeys: SnapshotFile.list(fields[4]))))
            case UInt8(ascii: "D") where fields[0].count == 1 && format >= 2:
                let name = fields.count == 3 ? SnapshotFile.string(fields[1]) : ""
                guard let last = entries.last, last.key == name.lowercased() else {
                    throw file.error("a dependent-actions line needs 3 fields, D, the name of the action on the line above and its dependent actions", line: line)
                }
                let dependents = SnapshotFile.list(fields[2])
                if let odd = dependents.first(where: { !Self.isActionName($0) }) {
                    throw file.error("'\(odd)' is not an action such as iam:PassRole", line: line)
                }
                entries[entries.count - 1].action.dependentActions = dependents
            case UInt8(ascii: "R") where fields[0].count == 1 && format >= 2:
                guard fields.count == 4 else {
                    throw file.error("a resource-type line needs 4 tab-separated fields (R, name, ARN format, condition keys), found \(fields.count)", line: line)
                }
                let name = SnapshotFile.string(fields[1]), arn = SnapshotFile.string(fields[2])
                // Names may hold spaces (lambda's "code signing config").
                guard !name.isEmpty, !SnapshotFile.contains(name, anyOf: ",*") else {
                    throw file.error("'\(name)' is not a resource type name", line: line)
                }
                guard arn.hasPrefix("arn:"), arn.filter({ $0 == ":" }).count >= 5 else {
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
        entries.sort { ($0.key, $0.action.name) < ($1.key, $1.action.name) }
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() { index[entry.key] = i }
        return ServiceData(actions: entries.map(\.action), indexByName: index, conditionKeys: keys, resourceTypes: types)
    }

    /// `service:Name` with no wildcard.
    private static func isActionName(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !SnapshotFile.contains(text, anyOf: "*? \t")
    }
}
