/// One kind of finding: its stable id, how serious it is, and what it means.
///
/// The ids are the contract with users: they appear in every report, are what
/// `site.yml` silences and what SARIF names as rules, so an id never changes
/// meaning once published.
public struct FindingRule: Hashable, Sendable {
    /// What part of the pipeline reports it.
    public enum Category: String, Hashable, Sendable, CaseIterable {
        case content = "Content"
        case json = "JSON"
        case grammar = "Policy grammar"
        case catalog = "Action catalog"
        case risk = "Risk"
    }

    public var id: String
    public var severity: Diagnostic.Severity
    public var category: Category
    /// One line saying what the rule checks, for SARIF and the findings page.
    public var summary: String

    /// A finding of this rule at `location`.
    public func finding(_ message: String, at location: SourceLocation, fix: String? = nil, subject: String? = nil) -> Diagnostic {
        var d = Diagnostic(id: id, severity: severity, message: message, location: location, fix: fix)
        d.subject = subject
        return d
    }
}

/// Every rule permdocs knows, in the order reports list them.
public enum FindingRules {
    // Content
    public static let templateTag = FindingRule(id: "template-tag", severity: .warning, category: .content, summary: "A Liquid or Hugo template tag was removed; its content was kept.")
    public static let brokenLink = FindingRule(id: "broken-link", severity: .warning, category: .content, summary: "A relative link or image leads to no page, heading or file of the site.")
    // JSON
    public static let jsonSyntax = FindingRule(id: "json-syntax", severity: .error, category: .json, summary: "A block meant as a policy is not valid JSON.")
    public static let pastedPolicies = FindingRule(id: "pasted-policies", severity: .warning, category: .json, summary: "A block holds several policies one after another; each is read as its own policy, but pasted together they are not valid JSON.")
    public static let policyTooLarge = FindingRule(id: "policy-too-large", severity: .error, category: .json, summary: "A policy block larger than 1 MiB, or one naming an action longer than 256 characters: the block is not read.")
    public static let duplicateKey = FindingRule(id: "duplicate-key", severity: .error, category: .json, summary: "An object has the same key twice; IAM would keep only one of them.")
    // Grammar
    public static let unknownElement = FindingRule(id: "unknown-element", severity: .error, category: .grammar, summary: "A key that is not an element of an IAM policy or statement, or one in the wrong place.")
    public static let invalidElementType = FindingRule(id: "invalid-element-type", severity: .error, category: .grammar, summary: "An element holds the wrong kind of JSON value.")
    public static let missingVersion = FindingRule(id: "missing-version", severity: .warning, category: .grammar, summary: "The policy has no Version; IAM then uses 2008-10-17, without policy variables.")
    public static let invalidVersion = FindingRule(id: "invalid-version", severity: .error, category: .grammar, summary: "Version is neither 2012-10-17 nor 2008-10-17.")
    public static let oldVersion = FindingRule(id: "old-version", severity: .warning, category: .grammar, summary: "Version 2008-10-17 does not support policy variables.")
    public static let missingStatement = FindingRule(id: "missing-statement", severity: .error, category: .grammar, summary: "The policy has no Statement, or an empty one.")
    public static let invalidSid = FindingRule(id: "invalid-sid", severity: .error, category: .grammar, summary: "A Sid holds characters other than ASCII letters and digits.")
    public static let duplicateSid = FindingRule(id: "duplicate-sid", severity: .error, category: .grammar, summary: "Two statements of one policy have the same Sid.")
    public static let invalidEffect = FindingRule(id: "invalid-effect", severity: .error, category: .grammar, summary: "Effect is missing or is not exactly Allow or Deny.")
    public static let actionElement = FindingRule(id: "action-element", severity: .error, category: .grammar, summary: "A statement needs exactly one of Action and NotAction.")
    public static let resourceElement = FindingRule(id: "resource-element", severity: .error, category: .grammar, summary: "A statement needs exactly one of Resource and NotResource (trust policies need neither).")
    public static let principalElement = FindingRule(id: "principal-element", severity: .error, category: .grammar, summary: "Principal is not allowed in an identity policy and required in trust and resource policies.")
    public static let unknownConditionOperator = FindingRule(id: "unknown-condition-operator", severity: .error, category: .grammar, summary: "A condition operator IAM does not know.")
    public static let emptyCondition = FindingRule(id: "empty-condition", severity: .warning, category: .grammar, summary: "A Condition element (or operator) with nothing in it.")
    public static let duplicateConditionKey = FindingRule(id: "duplicate-condition-key", severity: .warning, category: .grammar, summary: "One operator tests the same condition key twice, spelt in different case.")
    public static let invalidARN = FindingRule(id: "invalid-arn", severity: .error, category: .grammar, summary: "A resource is neither * nor a well-formed ARN.")
    public static let invalidAccountID = FindingRule(id: "invalid-account-id", severity: .error, category: .grammar, summary: "An account id in an ARN or an AWS principal is not twelve digits.")
    // Catalog
    public static let unknownService = FindingRule(id: "unknown-service", severity: .error, category: .catalog, summary: "An action's service prefix is not an AWS service.")
    public static let unknownAction = FindingRule(id: "unknown-action", severity: .error, category: .catalog, summary: "The service has no action of that name.")
    public static let actionCase = FindingRule(id: "action-case", severity: .suggestion, category: .catalog, summary: "An action written in a case other than its canonical one.")
    public static let wildcardMatchesNothing = FindingRule(id: "wildcard-matches-nothing", severity: .error, category: .catalog, summary: "An action pattern that matches no action.")
    public static let duplicateAction = FindingRule(id: "duplicate-action", severity: .warning, category: .catalog, summary: "The same action twice in one statement or policy.")
    public static let redundantAction = FindingRule(id: "redundant-action", severity: .suggestion, category: .catalog, summary: "An action already covered by a wildcard of the same policy.")
    public static let unknownConditionKey = FindingRule(id: "unknown-condition-key", severity: .warning, category: .catalog, summary: "A condition key that is neither global nor one of the statement's services' keys.")
    public static let conditionKeyNotApplicable = FindingRule(id: "condition-key-not-applicable", severity: .warning, category: .catalog, summary: "An Allow tests a service's condition key an action does not support (not with …IfExists): that action is never allowed.")
    public static let resourceTypeMismatch = FindingRule(id: "resource-type-mismatch", severity: .warning, category: .catalog, summary: "None of a statement's resources is of a type the action acts on (by the catalog's ARN formats): the grant never takes effect.")
    public static let actionNeedsAnyResource = FindingRule(id: "action-needs-any-resource", severity: .warning, category: .catalog, summary: "An action that takes only Resource \"*\" is given only ARNs: it is never allowed.")
    public static let missingDependentAction = FindingRule(id: "missing-dependent-action", severity: .warning, category: .catalog, summary: "The catalog says an action the tool is granted also needs another, which none of the tool's policies grants.")
    // Risk
    public static let allowAllActions = FindingRule(id: "allow-all-actions", severity: .securityWarning, category: .risk, summary: "Allow with Action \"*\": every action of every service.")
    public static let serviceWildcard = FindingRule(id: "service-wildcard", severity: .securityWarning, category: .risk, summary: "Allow with service:*: every action of a service, including future ones.")
    public static let passRoleAnyResource = FindingRule(id: "passrole-any-resource", severity: .securityWarning, category: .risk, summary: "iam:PassRole on Resource \"*\" lets the holder hand any role to a service.")
    public static let privilegeEscalation = FindingRule(id: "privilege-escalation", severity: .securityWarning, category: .risk, summary: "The policy allows a known privilege-escalation method.")
    public static let credentialsExposure = FindingRule(id: "credentials-exposure", severity: .securityWarning, category: .risk, summary: "An action that returns credentials or secrets.")
    public static let dataAccessAnyResource = FindingRule(id: "data-access-any-resource", severity: .securityWarning, category: .risk, summary: "An action that reads customer data, allowed on Resource \"*\".")
    public static let permissionsManagementAnyResource = FindingRule(id: "permissions-management-any-resource", severity: .securityWarning, category: .risk, summary: "A permissions-management action allowed on Resource \"*\".")

    public static let all: [FindingRule] = [
        templateTag,
        brokenLink,
        jsonSyntax, pastedPolicies, policyTooLarge, duplicateKey,
        unknownElement, invalidElementType, missingVersion, invalidVersion, oldVersion, missingStatement,
        invalidSid, duplicateSid, invalidEffect, actionElement, resourceElement, principalElement,
        unknownConditionOperator, emptyCondition, duplicateConditionKey, invalidARN, invalidAccountID,
        unknownService, unknownAction, actionCase, wildcardMatchesNothing, duplicateAction, redundantAction, unknownConditionKey,
        conditionKeyNotApplicable, resourceTypeMismatch, actionNeedsAnyResource, missingDependentAction,
        allowAllActions, serviceWildcard, passRoleAnyResource, privilegeEscalation, credentialsExposure,
        dataAccessAnyResource, permissionsManagementAnyResource,
    ]

    private static let byID: [String: FindingRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The rule with this id, or nil.
    public static func rule(_ id: String) -> FindingRule? { byID[id] }
}
