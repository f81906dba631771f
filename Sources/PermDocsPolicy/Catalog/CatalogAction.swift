/// One IAM action as the catalog knows it, with its canonical spelling.
public struct CatalogAction: Sendable, Hashable {
    /// The service prefix, lower case (`ec2`).
    public var service: String
    /// The action name in its canonical case (`RunInstances`).
    public var name: String
    /// The access level the Service Authorization Reference gives the action.
    public var accessLevel: AccessLevel
    /// What the action grants permission to do, in one line.
    public var description: String
    /// The resource types the action can be limited to (`image`, `instance`, …),
    /// in the reference's order; empty when it only takes `"Resource": "*"`.
    public var resourceTypes: [String]
    /// The subset of `resourceTypes` the action requires (marked `*` in the reference).
    public var requiredResourceTypes: [String]
    /// The condition keys usable with the action: its own and those of its
    /// resource types, sorted case-insensitively.
    public var conditionKeys: [String]
    /// Actions the reference says this one also needs to succeed
    /// (`service:Name`, sorted), such as `iam:PassRole` for an action that
    /// hands a role to a service; empty for most actions.
    public var dependentActions: [String]

    /// Makes an action; `requiredResourceTypes` defaults to none.
    public init(
        service: String, name: String, accessLevel: AccessLevel, description: String,
        resourceTypes: [String] = [], requiredResourceTypes: [String] = [], conditionKeys: [String] = [],
        dependentActions: [String] = []
    ) {
        self.dependentActions = dependentActions
        self.service = service
        self.name = name
        self.accessLevel = accessLevel
        self.description = description
        self.resourceTypes = resourceTypes
        self.requiredResourceTypes = requiredResourceTypes
        self.conditionKeys = conditionKeys
    }

    /// The name as policies should spell it: `ec2:RunInstances`.
    public var canonicalName: String { "\(service):\(name)" }

    /// Whether `text == canonicalName`, asked of every action a guide
    /// names: ASCII is compared byte by byte without making the name; any
    /// other text goes through `==`, for which a character may equal
    /// another (the Kelvin sign is a K).
    func isCanonicalName(_ text: String) -> Bool {
        let t = text.utf8, s = service.utf8, n = name.utf8
        guard (t.allSatisfy { $0 < 0x80 } && s.allSatisfy { $0 < 0x80 } && n.allSatisfy { $0 < 0x80 }) else {
            return canonicalName == text
        }
        return t.count == s.count + 1 + n.count && t.starts(with: s)
            && t.dropFirst(s.count).first == UInt8(ascii: ":") && t.suffix(n.count).elementsEqual(n)
    }
}
