/// `overlap.html`: the heat map, the pairs most similar first, the tools to
/// compare in the browser, and the rows each tool needs.
struct OverlapPage: Encodable {
    var frame: PageFrame
    /// An SVG (`OverlapHeatMap`), inserted unescaped.
    var heatmap: String
    var pairs: [Pair]
    var compareTools: [CompareTool]
    var compareScript: String
    /// `data/rows.js` (the rows' names and addresses), loaded before `data/compare.js`.
    var rowsDataURL: String
    var compareDataURL: String
    var toolTotals: [ToolTotal]

    struct Pair: Encodable {
        var a: String
        var b: String
        var url: String
        var shared: Int
        var union: Int
        var jaccard: String
    }

    struct CompareTool: Encodable {
        var slug: String
        var name: String
    }

    struct ToolTotal: Encodable {
        var name: String
        var url: String
        var count: Int
    }
}
