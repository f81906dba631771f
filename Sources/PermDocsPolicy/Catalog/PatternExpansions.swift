import Foundation

/// The actions each pattern expanded to (`ActionCatalog.expand`), kept for
/// the catalog's life: the checks and the index expand the same patterns
/// (`s3:*`, `ec2:Describe*`, `*:Get*`) for every statement that names them,
/// and each expansion copies hundreds of actions out of the service data.
/// Shared by the threads checking blocks.
final class PatternExpansions: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: [CatalogAction]] = [:]
    private var knownKeys: [String: [String]] = [:]

    /// The remembered expansion of `pattern`, else `expand()` remembered.
    func actions(for pattern: String, expand: () -> [CatalogAction]) -> [CatalogAction] {
        lock.lock()
        if let found = known[pattern] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let found = expand()
        lock.lock()
        known[pattern] = found
        lock.unlock()
        return found
    }

    /// The remembered lower-case names of `pattern`'s actions, else `names()` remembered.
    func keys(for pattern: String, names: () -> [String]) -> [String] {
        lock.lock()
        if let found = knownKeys[pattern] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let found = names()
        lock.lock()
        knownKeys[pattern] = found
        lock.unlock()
        return found
    }
}
