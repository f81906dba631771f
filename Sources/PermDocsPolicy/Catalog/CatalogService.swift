/// One AWS service in the catalog's index. Its actions are read only when
/// asked for, through `ActionCatalog.actions(inService:)`.
public struct CatalogService: Sendable, Hashable {
    /// The service prefix used in action names, lower case (`ec2`).
    public var prefix: String
    /// The service's name for people (`Amazon EC2`).
    public var displayName: String
    /// How many actions the service defines.
    public var actionCount: Int

    /// Makes an index entry.
    public init(prefix: String, displayName: String, actionCount: Int) {
        self.prefix = prefix
        self.displayName = displayName
        self.actionCount = actionCount
    }
}
