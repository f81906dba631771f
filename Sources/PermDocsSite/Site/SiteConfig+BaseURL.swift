import Foundation
import PermDocsAnalysis

extension SiteConfig {
    /// `base_url` ending with `/`, when it is an http(s) URL: what canonical
    /// links, the sitemap and `404.html` start from. Any other scheme
    /// (`javascript:`, `file:`) or an empty value gives nil, so nothing from
    /// `site.yml` lands in a link unchecked.
    var absoluteBaseURL: String? {
        // A host is required, and no query or fragment: page paths are appended.
        guard let parts = URLComponents(string: baseURL), let scheme = parts.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = parts.host, !host.isEmpty,
              parts.query == nil, parts.fragment == nil else { return nil }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// A site path as it goes after `base_url`: each segment percent-encoded
    /// (file and folder names may hold spaces, `#` or `?`).
    static func urlPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#;"))) ?? String($0) }
            .joined(separator: "/")
    }
}
