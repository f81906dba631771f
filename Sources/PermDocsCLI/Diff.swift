import ArgumentParser
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

/// `permdocs diff BASE [TARGET]`: what permissions changed between two
/// states of the guides, for pull requests.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what permissions and findings changed between two states of the guides.",
        discussion: """
            BASE and TARGET are each a git revision of the repository holding the content folder \
            (-c), a content folder, or a published site (or its data/ folder); TARGET defaults to \
            the content folder as it is now. For each tool: actions added and removed (wildcard-aware), \
            changes in how an action is needed, resources broadened or narrowed, trust-policy \
            principals, and findings new and resolved (matched by id, tool, page and value, not \
            by line). Exit status 1 with --fail-on-new when the change adds a finding at or above \
            that severity; 2 when a side cannot be read (a missing folder, no such revision or \
            repository, git not installed, content that does not load).

            \(ExitStatus.help)
            """)

    @Argument(help: "What to compare from: a git revision, a content folder or a published site.")
    var base: String

    @Argument(help: "What to compare to (default: the content folder as it is now).")
    var target: String?

    @OptionGroup var source: ContentOptions

    @Option(help: "Output format: text, markdown (a pull-request comment) or json.")
    var format: DiffFormat = .text

    @Option(name: .customLong("fail-on-new"), help: "Exit 1 when the change adds a finding at or above this severity: warning, security or error.")
    var failOnNew: Diagnostic.Severity?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site is published, for links to tool pages (default: the target's base_url).", valueName: "url"))
    var baseURL: String?

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if let baseURL, Self.siteRoot(baseURL) == nil {
            throw ValidationError("--base-url must be an http(s) address with a host and no '?' or '#', not '\(baseURL)'")
        }
    }

    func run() async throws {
        let (text, diff) = try await report()
        print(text, terminator: "")
        if let failOnNew, diff.addsFindings(atOrAbove: failOnNew) { throw ExitStatus.failed }
    }

    /// The report and the diff it shows; exits 2 when a side cannot be read.
    func report() async throws -> (String, PermissionDiff) {
        let baseSide = DiffSide.named(base)
        let targetSide = target.map(DiffSide.named) ?? .contentFolder(source.content)
        // The default target is named for what it is, not for the folder it is read from.
        let targetLabel = target == nil ? "working tree" : targetSide.label
        do {
            let checker = try Pipeline.bundledChecker()
            let old = try await baseSide.read(contentFolder: source.content, checker: checker)
            let new = try await targetSide.read(contentFolder: source.content, checker: checker)
            let diff = PermissionDiff(base: old.snapshot, target: new.snapshot, baseLabel: baseSide.label, targetLabel: targetLabel)
            let root = (baseURL ?? new.config?.baseURL).flatMap(Self.siteRoot)
            let color = format == .text && colors.wantsColor(STDOUT_FILENO)
            return (diff.formatted(as: format, color: color) { Self.pageURL(of: $0, root: root) }, diff)
        } catch let error as PermDocsError {
            Terminal.writeError(error.description + "\n")
            throw ExitStatus.unreadable
        }
    }

    /// A tool's page on the published site (`SitePaths`' scheme under the
    /// site root), each path segment percent-encoded; nil without a root or
    /// for a removed tool, whose page is gone.
    static func pageURL(of tool: ToolDiff, root: String?) -> String? {
        guard let root, tool.status != .removed else { return nil }
        let path = SitePaths.page(tool: tool.slug, pageID: tool.firstPageID).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#;"))) ?? String($0) }
        return root + path.joined(separator: "/")
    }

    /// `base_url` ending in `/` when it is an http(s) address with a host and
    /// no query or fragment (as `site.yml` requires); else nil.
    static func siteRoot(_ url: String) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = parts.host, !host.isEmpty, parts.query == nil, parts.fragment == nil else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }
}

extension DiffFormat: ExpressibleByArgument {}
