import Foundation
import PermDocsCore

/// The loaded contents of one service's snapshot file (`services/<prefix>.tsv`):
///
///     A<TAB>Name<TAB>Access level<TAB>resource types<TAB>condition keys<TAB>description
///     K<TAB>condition key
///
/// Lists are comma-separated; a required resource type ends in `*`.
final class ServiceData: Sendable {
    /// The actions, sorted by lowercased name (then by name).
    let actions: [CatalogAction]
    /// Lowercased action name → index in `actions`.
    private let indexByName: [String: Int]
    /// The service's condition keys, as the file lists them.
    let conditionKeys: [String]
    let conditionKeySet: ConditionKeySet

    private init(actions: [CatalogAction], indexByName: [String: Int], conditionKeys: [String]) {
        self.actions = actions
        self.indexByName = indexByName
        self.conditionKeys = conditionKeys
        conditionKeySet = ConditionKeySet(conditionKeys)
    }

    /// The action with this lowercased name, or nil.
    func action(lowercasedName name: String) -> CatalogAction? {
        indexByName[name].map { actions[$0] }
    }

    /// Reads and checks a service file; errors name the file and line.
    static func load(_ file: SnapshotFile, service: CatalogService) throws -> ServiceData {
        var entries: [(key: String, action: CatalogAction)] = []
        entries.reserveCapacity(service.actionCount)
        var lineByName: [String: Int] = [:]
        var keys: [String] = []
        try file.forEachRecord { fields, line in
            switch fields[0].first {
            case UInt8(ascii: "A") where fields[0].count == 1:
                guard fields.count == 6 else {
                    throw file.error("an action line needs 6 tab-separated fields (A, name, access level, resource types, condition keys, description), found \(fields.count)", line: line)
                }
                let name = SnapshotFile.string(fields[1])
                guard !name.isEmpty, !name.contains(where: { $0 == ":" || $0 == "*" || $0 == "?" || $0 == " " }) else {
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
            case UInt8(ascii: "K") where fields[0].count == 1:
                let key = fields.count == 2 ? SnapshotFile.string(fields[1]) : ""
                guard ActionCatalog.isConditionKey(key) else {
                    throw file.error("a condition-key line needs 2 fields, K and a key such as ec2:Region", line: line)
                }
                keys.append(key)
            default:
                throw file.error("expected a line starting with A<TAB> (an action) or K<TAB> (a condition key)", line: line)
            }
        }
        guard entries.count == service.actionCount else {
            throw file.error("holds \(entries.count) actions but index.tsv says \(service.prefix) has \(service.actionCount)")
        }
        entries.sort { ($0.key, $0.action.name) < ($1.key, $1.action.name) }
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() { index[entry.key] = i }
        return ServiceData(actions: entries.map(\.action), indexByName: index, conditionKeys: keys)
    }
}
