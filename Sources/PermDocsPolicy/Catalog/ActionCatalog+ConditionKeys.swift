extension ActionCatalog {
    /// Whether `key` is an AWS global condition key (or a cross-service key
    /// usable in every service), ignoring case. Tag keys fill templates:
    /// `aws:RequestTag/team` is global because `aws:RequestTag/${TagKey}` is.
    public func isGlobalConditionKey(_ key: String) -> Bool {
        globalKeySet.contains(key)
    }

    /// Whether `key` may be used in conditions on the service's actions:
    /// a global key or one of the service's own keys, ignoring case and
    /// filling `${…}` templates (`ec2:ResourceTag/${TagKey}` covers
    /// `ec2:ResourceTag/Name`). Loads the service's file if need be.
    public func isKnownConditionKey(_ key: String, forService prefix: String) -> Bool {
        isGlobalConditionKey(key) || (data(for: prefix.lowercased())?.conditionKeySet.contains(key) ?? false)
    }

    /// The service's condition keys, sorted case-insensitively; empty for an unknown service.
    public func conditionKeys(inService prefix: String) -> [String] {
        data(for: prefix.lowercased())?.conditionKeys ?? []
    }
}
