/// One kind of resource a service's actions act on (`bucket`, `object`,
/// `role`), with the ARN format the Service Authorization Reference gives it.
public struct CatalogResourceType: Sendable, Hashable {
    /// The service prefix, lower case (`s3`).
    public var service: String
    /// The resource type's name as actions list it (`bucket`).
    public var name: String
    /// The ARN format, with `${…}` for the parts that vary:
    /// `arn:${Partition}:s3:::${BucketName}`.
    public var arnFormat: String
    /// The condition keys of the resource type, sorted case-insensitively.
    public var conditionKeys: [String]

    /// Makes a resource type.
    public init(service: String, name: String, arnFormat: String, conditionKeys: [String] = []) {
        self.service = service
        self.name = name
        self.arnFormat = arnFormat
        self.conditionKeys = conditionKeys
    }
}
