/// `services/<service>.html` (or the shared page of services the catalog
/// does not know): a row per action, pattern and NotAction of the service
/// that the guides name, a column per tool that needs any of them.
struct ServicePage: Encodable {
    var frame: PageFrame
    var service: String
    var serviceName: String
    var catalogCount: Int
    var hasCatalogCount: Bool
    var unknownServices: Bool
    var matrixGroupURL: String
    var columns: [ToolLink]
    var toolCount: Int
    var rows: [Row]
    var rowCount: Int
    /// "1 row", "1 tool reaches", "3 tools reach", "12 actions".
    var rowsText: String
    var toolsReachText: String
    var catalogText: String

    struct Row: Encodable {
        var anchor: String
        var name: String
        var accessLevel: String
        var unknown: Bool
        var pattern: Bool
        var notAction: Bool
        /// The row in the matrix (named like the frame's `matrixURL`, which it shadows inside a row).
        var matrixURL: String
        var total: Int
        /// Other spellings the guides use.
        var spellings: [Spelling]?
        var hasSpellings: Bool?
        /// An action's catalog description and resource types (required first, cut after a few).
        var description: String?
        var resourceTypes: [ResourceType]?
        var hasResourceTypes: Bool?
        var moreResourceTypes: Int?
        /// For a pattern or NotAction: the named rows it reaches, and (a pattern) how many catalog actions it matches.
        var covered: [NamedLink]?
        var coveredCount: Int?
        var hasCovered: Bool?
        var expandsTo: Int?
        /// "1 action", "12 actions".
        var expandsToText: String?
        var hasExpansion: Bool?
        var cells: [Cell]
    }

    struct Spelling: Encodable {
        var value: String
    }

    struct ResourceType: Encodable {
        var name: String
        var required: Bool
    }

    /// A tool's cell: empty, or its mark linking to the granting block.
    struct Cell: Encodable {
        var empty: Bool
        var mark: String?
        var state: String?
        var label: String?
        var url: String?
    }
}

/// A row's name with its address on its service page.
struct NamedLink: Encodable {
    var name: String
    var url: String
}
