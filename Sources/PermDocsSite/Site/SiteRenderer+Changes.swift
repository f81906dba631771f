/// `serve`'s rebuild after an edit that touches pages only: the last render's
/// files, with the changed pages rendered again.
import Foundation
import PermDocsAnalysis
import PermDocsCore

extension SiteRenderer {
    /// The site rendered by taking `previous` (the last render in this
    /// process) and rendering again only the pages that differ, when that is
    /// all that differs (`PageChanges`) and no page's blocks or findings do:
    /// every site-wide output (index, matrix, findings, search, overlap,
    /// services, the tools' first pages, exports, policy files, sitemap) and
    /// every other page is then what `previous` holds, byte for byte, so it is
    /// neither made nor compared. Nil when the whole site must be rendered
    /// (`render(reusing:)` then does, reusing what it can page by page).
    ///
    /// Costs one comparison per page (cheap for pages whose analysis was
    /// reused: shared storage) and the changed pages' rendering, instead of
    /// every page's inputs and every export.
    func renderChanges(since previous: RenderedSite, cache: (any RenderCache)?) -> RenderedSite? {
        let salt = fingerprintSalt
        guard let old = previous.source, previous.salt == salt, !previous.positions.isEmpty,
              let changes = PageChanges.between(old, site), !changes.touchesSiteWideOutputs else { return nil }
        var rendered = previous
        rendered.source = site
        rendered.theme = theme
        rendered.reused = previous.reused + previous.rendered
        rendered.rendered = 0
        rendered.onlyPagesChanged = true
        rendered.changedPaths = []
        guard !changes.isEmpty else { return rendered }
        let siteInputs = siteInputs(salt: salt)
        let jobs = changes.pages.sorted { $0.key < $1.key }.flatMap { t, pages in pages.map { (tool: site.tools[t], index: $0) } }
        let results = ParallelMap.map(jobs, concurrency: concurrency) { job -> (path: String, file: OutputFile?, fingerprint: Fingerprint?, inputs: AnyHashable?) in
            let (tool, i) = job
            let page = tool.pages[i]
            let path = SitePaths.page(tool: tool.slug, pageID: page.source.pageID)
            let request = toolPage(tool, page: page, at: i, path: path)
            let fingerprint = request.fingerprint(salt: salt)
            // The inputs a full render keeps for the page, for the next one to compare.
            let inputs = toolPageInputs(site: siteInputs, tool: toolInputs(tool), tool, at: i, path: path).map { AnyHashable($0) }
            if let fingerprint, cache?.reusable(path, fingerprint: fingerprint) != nil {
                return (path, nil, fingerprint, inputs)
            }
            return (path, OutputFile(path: path, data: theme.pageData(request)), fingerprint, inputs)
        }
        for result in results {
            guard let position = previous.positions[result.path] else { return nil }
            if let file = result.file {
                rendered.files[position] = file
                rendered.changedPaths.append(file.path)
                rendered.rendered += 1
                rendered.reused -= 1
            }
            rendered.fingerprints[result.path] = result.fingerprint
            rendered.inputs[result.path] = result.inputs
        }
        return rendered
    }
}
