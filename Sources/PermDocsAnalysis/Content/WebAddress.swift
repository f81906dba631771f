import Foundation
import PermDocsCore

/// The addresses `site.yml` gives for pages to link to (`base_url`, `edit_url`):
/// http(s) with a host, checked where they are read so that a typo or a
/// `javascript:` value is an error at its line and column, not a link.
enum WebAddress {
    /// Throws unless `text` is an http(s) URL with a host (and, with
    /// `allowsQuery` false, no query or fragment: page paths are appended to it).
    static func check(_ text: String, key: String, allowsQuery: Bool, at location: SourceLocation) throws {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = parts.host, !host.isEmpty else {
            throw PermDocsError("'\(key)' must be an http:// or https:// address with a host, not '\(text)'", at: location)
        }
        if !allowsQuery && (parts.query != nil || parts.fragment != nil) {
            throw PermDocsError("'\(key)' must not have a ? query or # fragment: page paths are added to its end", at: location)
        }
    }
}
