import PermDocsAnalysis

/// `sitemap.xml` (sitemaps.org 0.9): the absolute URL of every HTML page but
/// `404.html`, in path order, so search engines find the action and service
/// pages no menu lists. Written only when `base_url` is set (a sitemap needs
/// absolute URLs). No `lastmod`: the same content gives the same bytes.
public enum Sitemap {
    public static func xml(baseURL: String, pages: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages.sorted() where path.hasSuffix(".html") && path != SitePaths.notFound {
            out += "<url><loc>" + escaped(baseURL + SiteConfig.urlPath(path)) + "</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    /// XML text escaping; paths are slugs, but `base_url` comes from `site.yml`.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
