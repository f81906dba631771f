import Foundation
import XCTest

/// A temporary git repository whose commits change one guide step by step,
/// each commit tagged with its step's name, for `permdocs diff` to compare.
/// The steps are the issue's: add an action, widen a resource to `*`, add a
/// wildcard covering named actions, move a statement to an optional add-on,
/// rename the tool's file, introduce a finding and fix it, move text.
struct GuideHistory {
    /// The repository; its content folder is `Content/`.
    var root: URL
    var content: URL { root.appendingPathComponent("Content") }

    /// The tag of each step, in order.
    static let steps = ["start", "add-action", "widen-resource", "add-wildcard", "move-to-optional", "rename-file",
                        "introduce-finding", "fix-finding", "move-text"]

    /// Makes the repository, or skips the test (with the reason printed) when `git` is not installed.
    static func make() throws -> GuideHistory {
        guard (try? git(["--version"], in: FileManager.default.temporaryDirectory).status) == 0 else {
            print("note: skipping: git is not installed (apt-get install git)")
            throw XCTSkip("git is not installed")
        }
        let root = try PermDocsProcess.temporaryFolder("diff-history")
        let history = GuideHistory(root: root)
        try history.run(["init", "-q", "-b", "main"])
        let tools = history.content.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try "title: Backups\nbase_url: https://permissions.example.com/docs/\n".write(to: history.content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)

        var guide = Guide()
        var file = "backup-tool.md"
        for step in steps {
            switch step {
            case "add-action": guide.ec2Actions.append("ec2:CreateSnapshot")
            case "widen-resource": guide.s3Resource = "*"
            case "add-wildcard": guide.ec2Actions = ["ec2:Describe*", "ec2:CreateSnapshot"]
            case "move-to-optional": guide.kmsOptional = true
            case "rename-file":
                try history.run(["mv", "Content/tools/\(file)", "Content/tools/backup.md"])
                file = "backup.md"
            case "introduce-finding": guide.s3Action = "s3:Getobject"
            case "fix-finding": guide.s3Action = "s3:GetObject"
            case "move-text": guide.preface = true
            default: break
            }
            try guide.markdown.write(to: tools.appendingPathComponent(file), atomically: true, encoding: .utf8)
            try history.run(["add", "-A"])
            try history.run(["-c", "user.name=permdocs test", "-c", "user.email=test@example.com", "commit", "-q", "-m", step])
            try history.run(["tag", step])
        }
        return history
    }

    /// Runs git in the repository; fails on a non-zero exit.
    func run(_ arguments: [String]) throws {
        let outcome = try Self.git(arguments, in: root)
        if outcome.status != 0 { throw NSError(domain: "git", code: Int(outcome.status), userInfo: [NSLocalizedDescriptionKey: outcome.stderr]) }
    }

    static func git(_ arguments: [String], in folder: URL) throws -> PermDocsProcess.Outcome {
        try PermDocsProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder,
                                environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"])
    }

    /// The guide at one step.
    struct Guide {
        var ec2Actions = ["ec2:DescribeInstances", "ec2:DescribeImages"]
        var s3Action = "s3:GetObject"
        var s3Resource = "arn:aws:s3:::backup-bucket/*"
        var kmsOptional = false
        var preface = false

        var markdown: String {
            let kms = #"{"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}"#
            var statements = [
                #"{"Effect": "Allow", "Action": [\#(ec2Actions.map { "\"\($0)\"" }.joined(separator: ", "))], "Resource": "*"}"#,
                #"{"Effect": "Allow", "Action": ["\#(s3Action)"], "Resource": "\#(s3Resource)"}"#,
            ]
            if !kmsOptional { statements.append(kms) }
            var text = "---\ntool: Backup Tool\nvendor: Example\n---\n\n# Backup Tool\n\n"
            if preface {
                text += "Backup Tool copies instances to S3.\n\nIt runs as an IAM user.\n\n"
            }
            text += "Attach this policy to the IAM user that runs the backups.\n\n```json\n"
            text += "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    " + statements.joined(separator: ",\n    ") + "\n  ]\n}\n```\n"
            if kmsOptional {
                text += "\n## Encrypted backups\n\n(Optional) To restore encrypted backups, add this policy to the user:\n\n```json\n"
                text += "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    " + kms + "\n  ]\n}\n```\n"
            }
            return text
        }
    }
}
