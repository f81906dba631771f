import Foundation
import PermDocsCore
import Subprocess

/// The git repository holding a content folder, read through the `git`
/// command line (Debian's `git`; `.ci/install-deps` installs it). Used by
/// `permdocs diff` to read the content folder as it was at a revision.
///
/// `git` runs as a child process through swift-subprocess with an argument
/// array: nothing from the user (a revision, a path) is ever put into a
/// shell string, and every user value stands after the option that takes it
/// or after `--end-of-options`/`--`, so none is read as an option. The user's
/// working tree, index and refs are never written: files are read from git's
/// object store (`ls-tree` and `cat-file --batch`), into memory.
struct GitRepository {
    /// The repository's top folder.
    var root: String
    /// The content folder's path inside it, ending in `/` ("" when it is the top).
    var contentPrefix: String

    /// The repository holding `contentFolder`; a `PermDocsError` naming the
    /// folder when there is none, or when `git` is not installed.
    static func holding(_ contentFolder: String) async throws -> GitRepository {
        let root = try await git(["-C", contentFolder, "rev-parse", "--show-toplevel"], what: "find the git repository holding '\(contentFolder)'")
        let prefix = try await git(["-C", contentFolder, "rev-parse", "--show-prefix"], what: "find '\(contentFolder)' in its git repository")
        return GitRepository(root: Self.firstLine(root), contentPrefix: Self.firstLine(prefix))
    }

    /// The commit `revision` names (a branch, tag, `HEAD~2`, an id).
    func commit(_ revision: String) async throws -> String {
        if revision.hasPrefix("-") { throw PermDocsError("'\(revision)' is not a revision (it starts with '-')") }
        do {
            let id = try await Self.git(["-C", root, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], what: "")
            return Self.firstLine(id)
        } catch is GitFailure {
            throw PermDocsError("no revision '\(revision)' in the git repository \(root)")
        }
    }

    /// The content folder's files at `commit`, by path relative to the
    /// content folder. Symbolic links are followed within the revision
    /// (`RevisionLinks`); submodules are left out.
    func contentFiles(at commit: String, revision: String) async throws -> [String: Data] {
        var arguments = ["--literal-pathspecs", "-C", root, "ls-tree", "-r", "-z", "--full-tree", commit]
        if !contentPrefix.isEmpty { arguments += ["--", contentPrefix] }
        let listing = try await Self.git(arguments, what: "list the files of '\(revision)'")
        var blobs: [(path: String, object: String)] = []
        var linkPaths = Set<String>()
        // Each entry: "<mode> <type> <object>\t<path>\0".
        for entry in listing.split(separator: "\0") {
            guard let tab = entry.firstIndex(of: "\t") else { continue }
            let fields = entry[..<tab].split(separator: " ")
            guard fields.count == 3, fields[1] == "blob" else { continue }
            let path = String(entry[entry.index(after: tab)...])
            guard path.hasPrefix(contentPrefix) else { continue }
            let relative = String(path.dropFirst(contentPrefix.count))
            blobs.append((relative, String(fields[2])))
            if fields[0] == "120000" { linkPaths.insert(relative) }
        }
        if blobs.isEmpty {
            throw PermDocsError("revision '\(revision)' has no content folder '\(contentPrefix.isEmpty ? "." : contentPrefix)' in \(root)")
        }
        let input = blobs.map(\.object).joined(separator: "\n") + "\n"
        let output = try await Self.run(["-C", root, "cat-file", "--batch"], input: input, what: "read the files of '\(revision)'")
        var files: [String: Data]
        do {
            files = try Self.parseBatch(output, paths: blobs.map(\.path))
        } catch let failure as GitFailure {
            throw PermDocsError("could not read the files of '\(revision)': \(failure.message)")
        }
        // A link's blob is the path it leads to.
        var links: [String: String] = [:]
        for path in linkPaths { links[path] = String(decoding: files.removeValue(forKey: path) ?? Data(), as: UTF8.self) }
        return try RevisionLinks.resolve(links, in: files) { "\(revision):\(contentPrefix)\($0)" }
    }

    /// `cat-file --batch` output: per object `<id> blob <size>\n<bytes>\n`, in input order.
    static func parseBatch(_ data: Data, paths: [String]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        var at = data.startIndex
        for path in paths {
            guard let newline = data[at...].firstIndex(of: UInt8(ascii: "\n")) else { throw GitFailure(message: "cat-file output ended early") }
            let header = String(decoding: data[at..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else { throw GitFailure(message: "cat-file: \(header.joined(separator: " "))") }
            let start = newline + 1
            guard data.endIndex - start >= size else { throw GitFailure(message: "cat-file output ended early") }
            files[path] = Data(data[start..<(start + size)])
            at = start + size + 1
        }
        return files
    }

    // MARK: Running git

    /// What a failed `git` said.
    struct GitFailure: Error {
        var message: String
    }

    /// Output of `git arguments…` as text.
    private static func git(_ arguments: [String], what: String) async throws -> String {
        String(decoding: try await run(arguments, input: nil, what: what), as: UTF8.self)
    }

    /// Runs `git` (found on PATH) and returns its standard output; throws
    /// `GitFailure` with its standard error when it exits non-zero, and a
    /// `PermDocsError` when it cannot be started.
    private static func run(_ arguments: [String], input: String?, what: String) async throws -> Data {
        let status: TerminationStatus, output: Data, errorText: String?
        do {
            // Generous limits: a content folder is read whole into memory, as
            // `check` reads it from disk; pages are at most 8 MiB each.
            if let input {
                let result = try await Subprocess.run(.name("git"), arguments: Arguments(arguments), input: .string(input),
                                                      output: .data(limit: 1 << 30), error: .string(limit: 1 << 16))
                (status, output, errorText) = (result.terminationStatus, result.standardOutput, result.standardError)
            } else {
                let result = try await Subprocess.run(.name("git"), arguments: Arguments(arguments),
                                                      output: .data(limit: 1 << 30), error: .string(limit: 1 << 16))
                (status, output, errorText) = (result.terminationStatus, result.standardOutput, result.standardError)
            }
        } catch let error as SubprocessError where error.code == .executableNotFound {
            throw PermDocsError("git is not installed; it is needed to \(what) (Debian: apt-get install git)")
        } catch let error as SubprocessError {
            throw PermDocsError("could not run git to \(what.isEmpty ? "read the repository" : what): \(error)")
        }
        guard case .exited(0) = status else {
            let said = (errorText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if what.isEmpty { throw GitFailure(message: said) }
            throw PermDocsError("could not \(what): git said: \(said.isEmpty ? "\(status)" : said)")
        }
        return output
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
}
