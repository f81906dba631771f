extension ActionCatalog {
    /// The resource type `name` (any case) of service `prefix`, or nil when
    /// the snapshot does not describe it.
    public func resourceType(_ name: String, inService prefix: String) -> CatalogResourceType? {
        data(for: prefix.lowercased())?.resourceTypes[name.lowercased()]
    }

    /// The resource types `action` can act on, with their ARN formats, in the
    /// action's order: empty for an action that takes only `"Resource": "*"`,
    /// nil when the snapshot lacks the format of any of them (a format-1
    /// snapshot, or a type the service file does not describe).
    public func resourceTypes(of action: CatalogAction) -> [CatalogResourceType]? {
        var out: [CatalogResourceType] = []
        for name in action.resourceTypes {
            guard let type = resourceType(name, inService: action.service) else { return nil }
            out.append(type)
        }
        return out
    }
}
