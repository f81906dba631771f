/// One IAM action as the catalog knows it.
public struct CatalogAction: Sendable, Hashable {
    /// Service prefix in lower case (`ec2`).
    public var service: String
    /// Action name in its canonical case (`RunInstances`).
    public var name: String
    public var accessLevel: AccessLevel?
    public var description: String
    public var resourceTypes: [String]
    public var conditionKeys: [String]

    /// `ec2:RunInstances`.
    public var canonicalName: String { "\(service):\(name)" }
}
