import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

extension PolicyBlock {
    /// Where the guide renderer leaves room for this block's figure.
    var figureSlot: FigureSlot {
        FigureSlot(anchor: anchor, position: originKey,
                   start: SourcePosition(line: location.line, column: location.column),
                   inHTMLPre: origin == .htmlPre)
    }
}
