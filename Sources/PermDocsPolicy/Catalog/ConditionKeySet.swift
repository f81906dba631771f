/// A set of condition keys looked up case-insensitively, where a key with a
/// `${…}` placeholder (`aws:RequestTag/${TagKey}`) stands for every key that
/// fills the placeholder with one or more characters (`aws:RequestTag/team`).
struct ConditionKeySet: Sendable {
    private var exact: Set<String> = []
    private var templates: [WildcardPattern] = []

    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
        for key in keys {
            if key.contains("${") || key.contains("<") {
                templates.append(WildcardPattern(conditionKeyTemplate: key))
            } else {
                exact.insert(key.lowercased())
            }
        }
    }

    /// Whether `key` is in the set or fills one of its templates.
    func contains(_ key: String) -> Bool {
        exact.contains(key.lowercased()) || templates.contains { $0.matches(key) }
    }
}
