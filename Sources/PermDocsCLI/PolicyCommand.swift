import ArgumentParser
import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsSite

/// `permdocs policy TOOL…`: the combined policy of any set of tools, the same
/// bytes as the overlap page's comparison and a tool page's download.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Print the combined policy of one or more tools.",
        discussion: """
            The union of the tools' required policies (identity policies and excerpts), merged: \
            duplicates removed, actions spelt as the catalog spells them, names a wildcard of the \
            same statement covers dropped. Trust policies and resource-policy statements are left out. \
            An unknown tool is a usage error (64).

            \(ExitStatus.help)
            """)

    @OptionGroup var source: ContentOptions

    @Argument(help: "Tool slugs (file or folder names under tools/).")
    var tools: [String]

    @Flag(help: "Print the combined optional add-ons instead of the required policy.")
    var optional = false

    @Option(help: "Only the statements granted to this grantee: user or service-role.")
    var grantee: String?

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if tools.isEmpty { throw ValidationError("name at least one tool") }
        if let grantee, grantee != "user", grantee != "service-role" {
            throw ValidationError("--grantee must be 'user' or 'service-role', not '\(grantee)'")
        }
        try OptionValidation.exclusive([("--optional", optional), ("--grantee", grantee != nil)])
    }

    func run() throws {
        print(try documentText())
    }

    /// The policy to print (exits as `run` does when it cannot be made).
    func documentText() throws -> String {
        let site = try source.analyze()
        let known = site.tools.map(\.slug)
        let unknown = tools.filter { !known.contains($0) }
        if !unknown.isEmpty {
            Terminal.writeError("error: no tool '\(unknown.joined(separator: "', '"))' in \(source.content)/tools (tools: \(known.joined(separator: ", ")))\n")
            throw ExitStatus.usage
        }
        let combined = CombinedPolicy(site: site, slugs: Set(tools), catalog: site.catalog)
        let document: MergedPolicyDocument
        if optional {
            document = combined.optionalAddOns
        } else if let grantee {
            document = combined.required(for: grantee == "user" ? .user : .serviceRole)
        } else {
            document = combined.required
        }
        return document.json
    }
}
