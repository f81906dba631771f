/// `matrix.html`: the filters, the table's header, and the services with
/// links to their tables. The rows are drawn by `assets/matrix.js` from
/// `data/matrix.js` (`MatrixData`), only those on screen at a time; readers
/// without JavaScript read the same rows on the service pages.
struct MatrixPage: Encodable {
    var frame: PageFrame
    var columns: [Column]
    var columnCount: Int
    /// Every service with rows: the filter's options and the list of service tables.
    var services: [Service]
    var levels: [Level]
    var rowTotal: Int
    var unknownTotal: Int
    var patternTotal: Int
    /// "107 rows", "5 tools".
    var rowsText: String
    var columnsText: String
    /// `data/rows.js` (the rows' names and addresses), loaded before `data/matrix.js`.
    var rowsDataURL: String
    var dataURL: String

    struct Column: Encodable {
        var name: String
        /// What the column's header shows: the tool's `short_name`, else its
        /// name (the full name is the header's tooltip and screen-reader text).
        var shortName: String
        var slug: String
        var url: String
        /// Rows the tool needs (●, ◆ or ◐).
        var total: Int
    }

    struct Service: Encodable {
        /// The prefix (the filter's value), and as shown.
        var value: String
        var label: String
        var serviceName: String
        /// The service's page (none for rows without a service prefix), and its group in the matrix.
        var url: String?
        var fragment: String
        var count: Int
    }

    struct Level: Encodable {
        var value: String
    }
}
