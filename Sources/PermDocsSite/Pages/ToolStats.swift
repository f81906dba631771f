/// A tool's counts, shown on each of its pages and in its row of the index:
/// as numbers (`pageCount`, for tables) and as phrases with the noun in the
/// right number (`pagesText`: "1 page", "3 pages").
struct ToolStats: Encodable, Hashable {
    var pageCount: Int
    var blockCount: Int
    var actionCount: Int
    var serviceCount: Int
    var diagnosticCount: Int
    var pagesText: String
    var blocksText: String
    var actionsText: String
    var servicesText: String
    var diagnosticsText: String

    init(pageCount: Int, blockCount: Int, actionCount: Int, serviceCount: Int, diagnosticCount: Int) {
        self.pageCount = pageCount
        self.blockCount = blockCount
        self.actionCount = actionCount
        self.serviceCount = serviceCount
        self.diagnosticCount = diagnosticCount
        pagesText = CountPhrase.of(pageCount, "page")
        blocksText = CountPhrase.of(blockCount, "policy block")
        actionsText = CountPhrase.of(actionCount, "action")
        servicesText = CountPhrase.of(serviceCount, "service")
        diagnosticsText = CountPhrase.of(diagnosticCount, "diagnostic")
    }
}
