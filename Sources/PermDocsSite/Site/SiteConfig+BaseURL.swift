import PermDocsAnalysis

extension SiteConfig {
    /// `base_url` ending with `/`, when it is an http(s) URL: what canonical
    /// links, the sitemap and `404.html` start from. Any other scheme
    /// (`javascript:`, `file:`) or an empty value gives nil, so nothing from
    /// `site.yml` lands in a link unchecked.
    var absoluteBaseURL: String? {
        let lower = baseURL.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), baseURL.count > "https://".count else { return nil }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }
}
