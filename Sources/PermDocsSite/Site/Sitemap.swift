import PermDocsAnalysis
import PermDocsMarkdown

/// `sitemap.xml` (sitemaps.org 0.9): the absolute URL of every HTML page but
/// `404.html`, in path order, so search engines find the action and service
/// pages no menu lists. Written only when `base_url` is set (a sitemap needs
/// absolute URLs). No `lastmod`: the same content gives the same bytes.
public enum Sitemap {
    public static func xml(baseURL: String, pages: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages.sorted() where path.hasSuffix(".html") && path != SitePaths.notFound {
            out += "<url><loc>" + HTMLEscaping.text(baseURL + SiteConfig.urlPath(path)) + "</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
