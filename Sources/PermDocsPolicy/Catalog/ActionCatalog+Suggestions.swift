import PermDocsCore

extension ActionCatalog {
    /// The canonical names closest to a name that is not in the catalog, for
    /// "did you mean …?" messages: `ec2:CancelImportTasks` → `ec2:CancelImportTask`, ….
    ///
    /// Closeness is edit distance, ignoring case, and candidates come in
    /// three tiers: actions of the same service first; for an unknown
    /// service, actions of services whose prefix is close to it (`lamda` →
    /// `lambda`); then, for an unknown service and only if still short of
    /// `limit`, actions of the same name in any service (`ami:DescribeImages`
    /// → `ec2:DescribeImages`), which reads every service file once (about
    /// 20 ms: not worth it when the service is known). Within a tier, closer names come
    /// first, then names in canonical order. Far-off names are never
    /// suggested, so the list may be shorter than `limit`, or empty.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        guard limit > 0, let colon = name.firstIndex(of: ":") else { return [] }
        let prefix = name[..<colon].lowercased()
        let wanted = Array(name[name.index(after: colon)...].lowercased().utf8)
        guard !wanted.isEmpty else { return [] }
        let maxDistance = max(2, wanted.count / 4)

        var found: [(tier: Int, distance: Int, name: String)] = []
        var searched: Set<String> = []
        func collect(_ service: String, tier: Int, extraDistance: Int) {
            searched.insert(service)
            for action in data(for: service)?.actions ?? [] {
                let distance = editDistance(wanted, Array(action.name.lowercased().utf8), limit: maxDistance)
                if distance <= maxDistance {
                    found.append((tier, extraDistance + distance, action.canonicalName))
                }
            }
        }

        let knownService = serviceExists(prefix)
        if knownService {
            collect(prefix, tier: 0, extraDistance: 0)
        } else {
            let close = closeServices(to: prefix)
            load(close.map(\.prefix))
            for (service, distance) in close { collect(service, tier: 1, extraDistance: distance) }
        }
        if found.count < limit && !knownService {
            let others = canonicalOrder.filter { !searched.contains($0) }
            load(others)
            let lowered = String(decoding: wanted, as: UTF8.self)
            for service in others {
                if let action = data(for: service)?.action(lowercasedName: lowered) {
                    found.append((2, 0, action.canonicalName))
                }
            }
        }
        return found
            .sorted { ($0.tier, $0.distance, $0.name.lowercased(), $0.name) < ($1.tier, $1.distance, $1.name.lowercased(), $1.name) }
            .prefix(limit)
            .map(\.name)
    }

    /// The known service prefixes closest to an unknown one (`lamda` →
    /// `lambda`), closest first; empty when none is close.
    public func serviceSuggestions(for prefix: String, limit: Int = 3) -> [String] {
        Array(closeServices(to: prefix.lowercased()).prefix(max(0, limit)).map(\.prefix))
    }

    /// Services whose prefix is within a third of the given prefix's length
    /// (at least one edit) of it, closest first, then by prefix.
    private func closeServices(to prefix: String) -> [(prefix: String, distance: Int)] {
        let wanted = Array(prefix.utf8)
        guard !wanted.isEmpty else { return [] }
        let limit = max(1, wanted.count / 3)
        return services
            .map { ($0.prefix, editDistance(wanted, Array($0.prefix.utf8), limit: limit)) }
            .filter { $0.1 <= limit && $0.0 != prefix }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }
}
