/// `search.html`: every tool, service and row as a plain list of links.
struct SearchPage: Encodable {
    var frame: PageFrame
    var toolEntries: [Entry]
    var serviceEntries: [Entry]
    var actionEntries: [Entry]

    struct Entry: Encodable {
        var name: String
        /// Shown after the name: a vendor, a service's display name and row count, an access level.
        var extra: String
        var url: String
    }
}
