/// `data/rows.js`: the name and service-page address of every matrix row,
/// written once for the three scripts that show rows: the matrix
/// (`data/matrix.js`), the comparison (`data/compare.js`) and the search
/// (`data/search.js`) refer to a row by its number here. Each used to carry
/// its own copy of the 4,000 names and addresses of a 40-tool site.
///
/// A script file (not JSON to fetch) so that it loads from `file://`; the
/// JSON inside is written with `ExportJSON`'s escapes, so no string can end
/// the script or the literal.
import Foundation
import PermDocsAnalysis
import PermDocsCore

public enum RowsData {
    public static let path = "data/rows.js"

    /// `data/rows.js` of a site: the script and the version the other data scripts name.
    public struct Table: Sendable {
        /// The script's text: `window.permdocsRows = {…};`.
        ///
        /// - `version`: a hash of the rows; the scripts that refer to rows carry
        ///   it as `rowsVersion`, so that a page whose caches (the browser's, a
        ///   CDN's) hold the rows of another build notices and loads them again;
        /// - `pages`: the service pages, from the site root, each once;
        /// - `rows`: per index row, in row order, `[name, page #]`, then the
        ///   row's anchor on that page when it is not `defaultAnchor(name)`.
        ///
        /// Readers rebuild a row's address as `pages[page #] + "#" + anchor`.
        public var script: String
        /// The first 16 hex digits of the rows' hash.
        public var version: String
    }

    /// The rows of `site`, made once per render (`SiteRenderer.rowsTable`).
    public static func table(site: AnalyzedSite, siteMap: SiteMap) -> Table {
        var pages: [String] = []
        var pageNumbers: [String: Int] = [:]
        let rows = site.index.rows.map { row -> ExportJSON in
            let page = siteMap.servicePage(row.service)!
            let number: Int
            if let n = pageNumbers[page] { number = n } else {
                number = pages.count
                pageNumbers[page] = number
                pages.append(page)
            }
            let anchor = siteMap.actionAnchor(row)
            var entry: [ExportJSON] = [.string(row.name), .int(number)]
            if anchor != defaultAnchor(row.name) { entry.append(.string(anchor)) }
            return .array(entry)
        }
        let body = ExportJSON.object(["pages": .strings(pages), "rows": .array(rows)]).compactText
        let version = String(ContentHash.hex(Data(body.utf8)).prefix(16))
        return Table(script: "window.permdocsRows = {\"version\":" + ExportJSON.string(version).compactText + "," + body.dropFirst() + ";\n",
                     version: version)
    }

    /// The anchor a reader assumes when a row gives none: the name after its
    /// first `:`, lower-cased (`createtags` for `ec2:CreateTags`). Only for
    /// ASCII names, so that the browser's `toLowerCase` gives the same text;
    /// nil (never the default) otherwise.
    static func defaultAnchor(_ name: String) -> String? {
        guard name.utf8.allSatisfy({ $0 < 0x80 }), let colon = name.firstIndex(of: ":") else { return nil }
        let rest = name[name.index(after: colon)...]
        return rest.isEmpty ? nil : rest.lowercased()
    }
}
