/// A policy document, or the statements a guide gives on their own.
import PermDocsCore

public struct Policy: Hashable, Sendable {
    /// What the JSON was at the top level.
    public enum Shape: Hashable, Sendable {
        /// An object with a `Statement` element.
        case document
        /// A single statement object with no `Statement` wrapper.
        case bareStatement
        /// An array of statement objects.
        case statementList
    }

    public var shape: Shape
    public var version: Located<String>?
    public var id: Located<String>?
    public var statements: [Statement]
    /// The whole document as written.
    public var node: JSONNode

    public init(shape: Shape, version: Located<String>? = nil, id: Located<String>? = nil, statements: [Statement], node: JSONNode) {
        self.shape = shape
        self.version = version
        self.id = id
        self.statements = statements
        self.node = node
    }

    /// True when some Allow statement names a Principal and an `sts:AssumeRole*`
    /// action, and no statement names a Resource: the policy says who may
    /// assume a role. (A bucket policy with `"Action": "*"` is not one.)
    public var isTrustPolicy: Bool {
        let assumes = statements.contains { st in
            guard st.principal != nil else { return false }
            return (st.actions ?? []).contains { $0.value.key.hasPrefix("sts:assumerole") || $0.value.key == "sts:*" }
        }
        return assumes && !statements.contains { $0.resources != nil || $0.notResources != nil }
    }

    /// True when a statement names a Principal but the policy is not a trust
    /// policy: it is attached to a resource (a bucket, key, topic or queue).
    public var isResourcePolicy: Bool {
        !isTrustPolicy && statements.contains { $0.principal != nil || $0.notPrincipal != nil }
    }
}
