/// One IAM action as the catalog knows it, with its canonical spelling.
///
/// An action loaded from the catalog decodes its description and lists
/// only when they are read (see `ServiceActionText`): a `*` pattern loads
/// every action of every service, of which a build reads the names and
/// access levels of thousands but the rest of a few. To its users an action
/// is an ordinary value: every property can be read and set, and two
/// actions are equal when all their properties are.
public struct CatalogAction: Sendable, Hashable {
    /// The service prefix, lower case (`ec2`).
    public var service: String
    /// The action name in its canonical case (`RunInstances`).
    public var name: String
    /// The access level the Service Authorization Reference gives the action.
    public var accessLevel: AccessLevel
    /// The other properties: decoded, or still in the service's file.
    private var details: Details

    /// What the action grants permission to do, in one line.
    public var description: String {
        get { details.description }
        set { details.decoded.description = newValue }
    }
    /// The resource types the action can be limited to (`image`, `instance`, …),
    /// in the reference's order; empty when it only takes `"Resource": "*"`.
    public var resourceTypes: [String] {
        get { details.resourceTypes }
        set { details.decoded.resourceTypes = newValue }
    }
    /// The subset of `resourceTypes` the action requires (marked `*` in the reference).
    public var requiredResourceTypes: [String] {
        get { details.requiredResourceTypes }
        set { details.decoded.requiredResourceTypes = newValue }
    }
    /// The condition keys usable with the action: its own and those of its
    /// resource types, sorted case-insensitively.
    public var conditionKeys: [String] {
        get { details.conditionKeys }
        set { details.decoded.conditionKeys = newValue }
    }
    /// Actions the reference says this one also needs to succeed
    /// (`service:Name`, sorted), such as `iam:PassRole` for an action that
    /// hands a role to a service; empty for most actions.
    public var dependentActions: [String] {
        get { details.dependentActions }
        set { details.decoded.dependentActions = newValue }
    }

    /// Makes an action; `requiredResourceTypes` defaults to none.
    public init(
        service: String, name: String, accessLevel: AccessLevel, description: String,
        resourceTypes: [String] = [], requiredResourceTypes: [String] = [], conditionKeys: [String] = [],
        dependentActions: [String] = []
    ) {
        self.service = service
        self.name = name
        self.accessLevel = accessLevel
        details = .decoded(Decoded(description: description, resourceTypes: resourceTypes,
                                   requiredResourceTypes: requiredResourceTypes, conditionKeys: conditionKeys,
                                   dependentActions: dependentActions))
    }

    /// An action of a loaded service file whose other properties are read
    /// from `text` (action number `index` there) when asked for.
    init(service: String, name: String, accessLevel: AccessLevel, text: ServiceActionText, index: Int) {
        self.service = service
        self.name = name
        self.accessLevel = accessLevel
        details = .inFile(text, index)
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

    /// Whether the reference lists `key` for this action (its own keys and
    /// its resource types'), ignoring case and filling `${…}` and `<…>`
    /// templates. Global keys are not in the list: ask the catalog.
    public func supportsConditionKey(_ key: String) -> Bool {
        // The checker asks this of every action of a statement with a
        // condition: an action still in its file is answered from the bytes.
        if case .inFile(let text, let index) = details, let answer = text.supportsConditionKey(key, action: index) {
            return answer
        }
        return ConditionKeyList.contains(conditionKeys, key)
    }

    public static func == (lhs: CatalogAction, rhs: CatalogAction) -> Bool {
        lhs.service == rhs.service && lhs.name == rhs.name && lhs.accessLevel == rhs.accessLevel
            && (lhs.details.isSameText(as: rhs.details) || lhs.details.decoded == rhs.details.decoded)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(service)
        hasher.combine(name)
        hasher.combine(accessLevel)
        hasher.combine(details.decoded)
    }
}

extension CatalogAction {
    /// The properties other than service, name and access level, decoded.
    struct Decoded: Sendable, Hashable {
        var description: String
        var resourceTypes: [String]
        var requiredResourceTypes: [String]
        var conditionKeys: [String]
        var dependentActions: [String]
    }

    /// Where those properties are: decoded (an action made with `init`, or
    /// one whose property was set), or in a loaded service file.
    enum Details: Sendable {
        case decoded(Decoded)
        case inFile(ServiceActionText, Int)

        /// All the properties; setting makes them the decoded ones.
        var decoded: Decoded {
            get {
                switch self {
                case .decoded(let decoded): return decoded
                case .inFile(let text, let index): return text.decoded(action: index)
                }
            }
            set { self = .decoded(newValue) }
        }

        // Each property alone, decoding only that one.

        var description: String {
            switch self {
            case .decoded(let decoded): return decoded.description
            case .inFile(let text, let index): return text.description(of: index)
            }
        }

        var resourceTypes: [String] {
            switch self {
            case .decoded(let decoded): return decoded.resourceTypes
            case .inFile(let text, let index): return text.resourceTypes(of: index).all
            }
        }

        var requiredResourceTypes: [String] {
            switch self {
            case .decoded(let decoded): return decoded.requiredResourceTypes
            case .inFile(let text, let index): return text.resourceTypes(of: index).required
            }
        }

        var conditionKeys: [String] {
            switch self {
            case .decoded(let decoded): return decoded.conditionKeys
            case .inFile(let text, let index): return text.conditionKeys(of: index)
            }
        }

        var dependentActions: [String] {
            switch self {
            case .decoded(let decoded): return decoded.dependentActions
            case .inFile(let text, let index): return text.dependentActions(of: index)
            }
        }

        /// Whether both are the same action of the same loaded file, so equal.
        func isSameText(as other: Details) -> Bool {
            guard case .inFile(let a, let i) = self, case .inFile(let b, let j) = other else { return false }
            return a === b && i == j
        }
    }
}
