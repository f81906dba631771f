import Foundation

/// The patterns of the catalog's ARN formats (`ARNPattern(catalogFormat:)`),
/// each read once per checker: every statement with ARNs asks for the
/// formats of each of its actions' resource types, and a guide names the
/// same few hundred types over and over (reading them was half of
/// `resource-type-mismatch`'s time). Shared by the threads checking blocks.
final class CatalogARNPatterns: @unchecked Sendable {
    private let lock = NSLock()
    /// nil for a format that is no pattern.
    private var known: [String: ARNPattern?] = [:]

    /// `ARNPattern(catalogFormat: format)`, remembered.
    func pattern(_ format: String) -> ARNPattern? {
        lock.lock()
        if let found = known[format] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let found = ARNPattern(catalogFormat: format)
        lock.lock()
        known[format] = .some(found)
        lock.unlock()
        return found
    }
}
