/// A set of condition keys looked up case-insensitively, where a key with a
/// `${…}` placeholder (`aws:RequestTag/${TagKey}`) stands for every key that
/// fills the placeholder with one or more characters (`aws:RequestTag/team`).
struct ConditionKeySet: Sendable {
    private var exact: Set<String> = []
    private var templates: [WildcardPattern] = []

    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
        for key in keys {
            if Self.isTemplate(key) {
                templates.append(WildcardPattern(conditionKeyTemplate: key))
            } else {
                exact.insert(key.lowercased())
            }
        }
    }

    /// Whether `key` holds `${` or `<`: a template. Every service's keys
    /// are read when the catalog loads them all, so ASCII is searched as
    /// bytes; in other text a `<` may begin a longer character.
    static func isTemplate(_ key: String) -> Bool {
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return key.contains("${") || key.contains("<") }
        return key.containsDollarBrace || key.utf8.contains(UInt8(ascii: "<"))
    }

    /// Whether `key` is in the set or fills one of its templates.
    func contains(_ key: String) -> Bool {
        exact.contains(key.lowercased()) || templates.contains { $0.matches(key) }
    }
}
