/// A count with its noun in the right number ("1 page", "2 pages"), for the
/// page models: a Mustache template cannot choose between singular and plural.
enum CountPhrase {
    /// `count` and `singular`, or `plural` (by default `singular` + "s") for any count but 1.
    static func of(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
