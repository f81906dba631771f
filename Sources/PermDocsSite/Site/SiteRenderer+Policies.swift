/// Combined policies: shown on each tool's page, on each named tool set's
/// page (`sets/<name>.html`), and written next to them as JSON files. A page shows exactly the file's text (HTML-escaped), so what
/// a reader copies and what they download are the same bytes.
import PermDocsAnalysis
import PermDocsCore

extension SiteRenderer {
    /// The bytes of a policy file: the document pretty-printed, with a final newline.
    static func policyFileText(_ doc: MergedPolicyDocument) -> String { doc.json + "\n" }

    /// A policy for the `policy` partial: the text to show, where to download it, and its size against the quota.
    func policyView(_ doc: MergedPolicyDocument, file: String, from path: String) -> PolicyView {
        PolicyView(json: Self.policyFileText(doc), downloadURL: SitePaths.link(from: path, to: file),
                   fileName: file.split(separator: "/").last.map(String.init) ?? file,
                   statementCount: doc.statements.count,
                   statementsText: CountPhrase.of(doc.statements.count, "statement"), characters: doc.characterCount,
                   quota: MergedPolicyDocument.managedPolicyQuota, exceeds: doc.exceedsManagedPolicyQuota,
                   empty: doc.isEmpty)
    }

    /// The "Combined policy" section of a tool page.
    func combinedPolicySection(_ tool: AnalyzedTool, path: String) -> CombinedPolicySection? {
        guard let policy = combined[tool.slug] else { return nil }
        return CombinedPolicySection(
            required: policyView(policy.required, file: SitePaths.toolPolicy(tool.slug), from: path),
            optional: policy.optionalAddOns.isEmpty ? nil : policyView(policy.optionalAddOns, file: SitePaths.toolOptionalPolicy(tool.slug), from: path),
            trustCount: policy.trustPolicies.count, hasTrust: !policy.trustPolicies.isEmpty,
            resourceBlocks: policy.resourcePolicyBlocks.map { BlockLink(anchor: $0.anchor, url: SitePaths.block($0, from: path)) },
            hasResourceBlocks: !policy.resourcePolicyBlocks.isEmpty)
    }

    /// Tool policies, then each set's page and policy.
    func policyFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        for tool in site.tools {
            guard let policy = combined[tool.slug] else { continue }
            files.append(OutputFile(path: SitePaths.toolPolicy(tool.slug), text: Self.policyFileText(policy.required)))
            if !policy.optionalAddOns.isEmpty {
                files.append(OutputFile(path: SitePaths.toolOptionalPolicy(tool.slug), text: Self.policyFileText(policy.optionalAddOns)))
            }
        }
        for set in site.config.toolSets {
            let slug = siteMap.setSlugs[set.name] ?? PathSlug.make(set.name)
            let path = SitePaths.set(slug)
            let policy = CombinedPolicy(site: site, slugs: Set(set.tools), catalog: catalog)
            var page = SetPage(
                frame: frame(path: path, title: "\(set.name) – \(site.config.title)"), setName: set.name,
                members: site.tools.filter { set.tools.contains($0.slug) }.map { t in
                    .init(name: t.tool.metadata.name, url: SitePaths.link(from: path, to: SitePaths.firstPage(of: t)),
                          policyURL: SitePaths.link(from: path, to: SitePaths.toolPolicy(t.slug)))
                },
                policy: policyView(policy.required, file: SitePaths.setPolicy(slug), from: path))
            if !policy.optionalAddOns.isEmpty {
                page.optional = policyView(policy.optionalAddOns, file: "policies/sets/optional/\(slug).json", from: path)
                files.append(OutputFile(path: "policies/sets/optional/\(slug).json", text: Self.policyFileText(policy.optionalAddOns)))
            }
            files.append(OutputFile(path: path, data: theme.pageData(PageRequest(template: "set", page: page))))
            files.append(OutputFile(path: SitePaths.setPolicy(slug), text: Self.policyFileText(policy.required)))
        }
        return files
    }

    /// Links to the named sets' pages, for the index.
    func setLinks(from path: String) -> [SetLink] {
        site.config.toolSets.map { set in
            SetLink(name: set.name, url: SitePaths.link(from: path, to: SitePaths.set(siteMap.setSlugs[set.name] ?? PathSlug.make(set.name))),
                    toolCount: set.tools.count, toolsText: CountPhrase.of(set.tools.count, "tool"))
        }
    }
}
