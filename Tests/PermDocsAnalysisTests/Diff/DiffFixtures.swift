import PermDocsAnalysis
import PermDocsCore
import PermDocsTestSupport

/// Small sites for the diff tests, analyzed in memory as `permdocs check` analyzes them.
enum DiffFixtures {
    /// The snapshot of a site made of `guides` (path under `tools/` → Markdown).
    static func snapshot(_ guides: [String: String], siteYML: String = "title: Test\n") throws -> PermissionSnapshot {
        var files = ["site.yml": siteYML]
        for (path, text) in guides { files["tools/" + path] = text }
        return try snapshot(files: files)
    }

    /// The snapshot of a site given as all its files (`site.yml`, `tools/…`).
    static func snapshot(files: [String: String]) throws -> PermissionSnapshot {
        PermissionSnapshot(site: try TestSupport.pipeline(InMemoryContentReader(files), theme: nil).analyze())
    }

    /// The diff between two sites of guides.
    static func diff(_ base: [String: String], _ target: [String: String]) throws -> PermissionDiff {
        PermissionDiff(base: try snapshot(base), target: try snapshot(target), baseLabel: "base", targetLabel: "target")
    }

    /// A guide whose one policy, introduced by `leadIn`, has `statements` (JSON objects).
    static func guide(_ name: String, leadIn: String = "Attach this policy to the IAM user that runs the tool.", _ statements: [String],
                      more: String = "") -> String {
        """
        ---
        tool: \(name)
        ---
        # \(name)

        \(leadIn)

        ```json
        {"Version": "2012-10-17", "Statement": [\(statements.joined(separator: ", "))]}
        ```
        \(more)
        """
    }

    /// An Allow statement of `actions` on `resource`.
    static func allow(_ actions: [String], _ resource: String = "*") -> String {
        #"{"Effect": "Allow", "Action": [\#(actions.map { "\"\($0)\"" }.joined(separator: ", "))], "Resource": "\#(resource)"}"#
    }
}
