// TEMPORARY until the risk branch lands.
public struct EscalationMethod: Hashable, Sendable { public var id: String; public var actions: [String]; public var description: String; public var source: String }
public struct RiskRules: Sendable {
    public var privilegeEscalation: [EscalationMethod] = []
    public var credentialsExposure: [String: String] = ["sts:getfederationtoken": "x"]
    public var dataAccess: [String: String] = ["s3:getobject": "x"]
    public static func bundled() throws -> RiskRules { RiskRules() }
    public func escalations(in granted: Set<String>) -> [EscalationMethod] { privilegeEscalation.filter { $0.actions.allSatisfy { granted.contains($0.lowercased()) } } }
}
