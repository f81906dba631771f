import Foundation
import PermDocsAnalysis
import PermDocsCore

/// The guides' history as git has it: the `RevisionSource` that `build` and
/// `serve` give the pipeline, asked only when `site.yml` has `history:`.
///
/// `git` runs synchronously through Foundation's `Process`, not through
/// swift-subprocess as `GitRepository` runs it: the pipeline is synchronous,
/// and waiting on an async task from a thread of the cooperative pool could
/// deadlock on a one-core machine. The same rules hold: an argument array,
/// never a shell; `--literal-pathspecs` and `--` before paths; nothing in the
/// repository is written; files are read from the object store (`ls-tree`,
/// `cat-file --batch`).
final class GitHistorySource: RevisionSource {
    private let contentFolder: String
    /// The repository's top folder and the content folder's path in it (ending in `/`, or "").
    private var location: (root: String, prefix: String)?

    init(contentFolder: String) {
        self.contentFolder = contentFolder
    }

    func commits(touching folder: String, window: HistoryWindow) throws -> [RevisionCommit] {
        let (root, prefix) = try locate()
        // One record per commit: \x1e id \x1f parents \x1f committer time \x1f author \x1f subject.
        var arguments = ["--literal-pathspecs", "-C", root, "-c", "log.showSignature=false", "log", "--no-merges", "--no-color",
                         "--format=%x1e%H%x1f%P%x1f%ct%x1f%an%x1f%s"]
        if let n = window.commits { arguments.append("--max-count=\(n)") }
        if let day = window.since { arguments.append("--since=\(day) 00:00:00 +0000") }
        arguments += ["--", prefix + folder]
        let output = try Self.git(arguments, what: "read the history of \(prefix + folder)")
        // A repository without commits yet has no history to show.
        guard let text = output else { return [] }
        var commits: [RevisionCommit] = String(decoding: text, as: UTF8.self).split(separator: "\u{1E}").compactMap { record in
            let fields = record.split(separator: "\u{1F}", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let time = Int64(fields[2]) else { return nil }
            let author = fields[3].trimmingCharacters(in: .whitespaces)
            return RevisionCommit(id: String(fields[0]), parents: fields[1].split(separator: " ").map(String.init), time: time,
                                  author: author.isEmpty ? nil : author,
                                  subject: fields[4].trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // git shows a shallow clone's oldest commits without parents, as if
        // they were root commits; the clone's `shallow` file lists them.
        if commits.contains(where: \.parents.isEmpty) {
            let shallow = try shallowCommits(root: root)
            for index in commits.indices where commits[index].parents.isEmpty && shallow.contains(commits[index].id) {
                commits[index].isShallowBoundary = true
            }
        }
        return commits
    }

    /// The commits a shallow clone was cut at (empty for a full clone).
    private func shallowCommits(root: String) throws -> Set<String> {
        guard let answer = try Self.git(["-C", root, "rev-parse", "--is-shallow-repository"], what: "ask whether the clone is shallow", quietFailure: true),
              Self.firstLine(answer) == "true",
              let pathData = try Self.git(["-C", root, "rev-parse", "--git-path", "shallow"], what: "find the shallow clone's cut", quietFailure: true) else {
            return []
        }
        let path = Self.firstLine(pathData)
        let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: root).appendingPathComponent(path)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).map(String.init))
    }

    func files(under folder: String, at commit: String) throws -> [String: String] {
        let (root, prefix) = try locate()
        let listing = try Self.git(["--literal-pathspecs", "-C", root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix + folder],
                                   what: "list the guides at \(commit)") ?? Data()
        var files: [String: String] = [:]
        // Each entry: "<mode> <type> <object>\t<path>\0"; links and submodules are left out.
        for entry in String(decoding: listing, as: UTF8.self).split(separator: "\0") {
            guard let tab = entry.firstIndex(of: "\t") else { continue }
            let fields = entry[..<tab].split(separator: " ")
            guard fields.count == 3, fields[1] == "blob", fields[0] != "120000" else { continue }
            let path = String(entry[entry.index(after: tab)...])
            guard path.hasPrefix(prefix) else { continue }
            files[String(path.dropFirst(prefix.count))] = String(fields[2])
        }
        return files
    }

    func contents(of ids: [String]) throws -> [String: Data] {
        guard !ids.isEmpty else { return [:] }
        let (root, _) = try locate()
        let output = try Self.git(["-C", root, "cat-file", "--batch"], input: Data((ids.joined(separator: "\n") + "\n").utf8),
                                  what: "read past versions of the guides") ?? Data()
        do {
            return try GitRepository.parseBatch(output, paths: ids)
        } catch let failure as GitRepository.GitFailure {
            throw PermDocsError("could not read past versions of the guides: \(failure.message)")
        }
    }

    /// The repository holding the content folder, found once.
    private func locate() throws -> (root: String, prefix: String) {
        if let location { return location }
        let what = "find the git repository holding '\(contentFolder)'"
        guard let root = try Self.git(["-C", contentFolder, "rev-parse", "--show-toplevel"], what: what, quietFailure: true),
              let prefix = try Self.git(["-C", contentFolder, "rev-parse", "--show-prefix"], what: what, quietFailure: true) else {
            throw RevisionSourceUnavailable("the content folder '\(contentFolder)' is not in a git repository")
        }
        let found = (Self.firstLine(root), Self.firstLine(prefix))
        location = found
        return found
    }

    private static func firstLine(_ data: Data) -> String {
        String(String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// `git arguments…`'s standard output. A failure is a `PermDocsError`
    /// with what git said, or nil with `quietFailure` (and for `log` in a
    /// repository without commits); git missing is `RevisionSourceUnavailable`.
    private static func git(_ arguments: [String], input: Data? = nil, what: String, quietFailure: Bool = false) throws -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        // Standard input and error are temporary files, not pipes: nothing
        // waits on a second pipe while the first fills, and no thread is needed
        // to feed one (a dispatch worker asked for then can start hundreds of
        // milliseconds late when the pool's threads are blocked reading).
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-git-\(getpid())-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: scratch.appendingPathExtension("in"))
            try? FileManager.default.removeItem(at: scratch.appendingPathExtension("err"))
        }
        let stdout = Pipe()
        let errorURL = scratch.appendingPathExtension("err")
        guard FileManager.default.createFile(atPath: errorURL.path, contents: nil), let errorFile = try? FileHandle(forWritingTo: errorURL) else {
            throw PermDocsError("could not \(what): no temporary file for git's messages in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { try? errorFile.close() }
        process.standardOutput = stdout
        process.standardError = errorFile
        if let input {
            let inputURL = scratch.appendingPathExtension("in")
            guard (try? input.write(to: inputURL)) != nil, let inputFile = try? FileHandle(forReadingFrom: inputURL) else {
                throw PermDocsError("could not \(what): no temporary file for git's input in \(FileManager.default.temporaryDirectory.path)")
            }
            process.standardInput = inputFile
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            throw RevisionSourceUnavailable("git could not be started (\(error))")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorURL)) ?? Data()
        let said = String(decoding: errorData.prefix(1 << 16), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // env's status when it finds no `git` on PATH.
        if process.terminationStatus == 127 {
            throw RevisionSourceUnavailable("git is not installed (Debian: apt-get install git)")
        }
        guard process.terminationStatus == 0 else {
            if quietFailure || said.contains("does not have any commits yet") { return nil }
            throw PermDocsError("could not \(what): git said: \(said.isEmpty ? "exit status \(process.terminationStatus)" : said)")
        }
        return output
    }
}
