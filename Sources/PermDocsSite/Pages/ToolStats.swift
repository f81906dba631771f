/// A tool's counts, shown on each of its pages and in its row of the index.
struct ToolStats: Encodable {
    var pageCount: Int
    var blockCount: Int
    var actionCount: Int
    var serviceCount: Int
    var diagnosticCount: Int
}
