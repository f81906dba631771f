import Foundation

/// Where the permission history reads past versions of the guides from: a
/// version-control repository holding the content folder. The CLI's git
/// reader implements it; tests pass an in-memory one. Paths are relative to
/// the content folder (`tools/dms.md`), whatever the repository's layout.
///
/// Kept to three questions so that a source can answer each in one process
/// run (`git log`, `git ls-tree`, `git cat-file --batch`).
public protocol RevisionSource {
    /// The commits that changed a file under `folder`, newest first, within
    /// `window`; merge commits are left out (their changes are those of the
    /// commits they merge). Commits whose parents the repository lacks (a
    /// shallow clone) are marked `isShallowBoundary`. Throws `RevisionSourceUnavailable` when there is
    /// no repository to read.
    func commits(touching folder: String, window: HistoryWindow) throws -> [RevisionCommit]

    /// The regular files under `folder` at `commit`: path → content id, equal
    /// ids meaning equal bytes (git's blob ids). Empty when the folder did
    /// not exist then.
    func files(under folder: String, at commit: String) throws -> [String: String]

    /// The bytes of files by content id, for ids `files(under:at:)` gave.
    func contents(of ids: [String]) throws -> [String: Data]
}

/// One commit as the history shows it.
public struct RevisionCommit: Hashable, Sendable {
    /// The full commit id.
    public var id: String
    /// Its parents' ids; the first is the one it is compared with.
    public var parents: [String]
    /// The commit (committer) time, in seconds since 1970.
    public var time: Int64
    /// The author's name; nil when the repository does not record one.
    public var author: String?
    /// The first line of its message.
    public var subject: String
    /// Its parents are not in the repository (the oldest commit of a shallow
    /// clone, whose `parents` are then empty): it cannot be compared with what
    /// came before, and is not a commit that added every guide.
    public var isShallowBoundary: Bool

    public init(id: String, parents: [String], time: Int64, author: String?, subject: String, isShallowBoundary: Bool = false) {
        self.id = id
        self.parents = parents
        self.time = time
        self.author = author
        self.subject = subject
        self.isShallowBoundary = isShallowBoundary
    }

    /// The abbreviated id the pages show (7 characters, as git abbreviates by default).
    public var shortID: String { String(id.prefix(7)) }
}

/// There is no repository to read history from (the content folder is not in
/// one, or the tool that reads it is not installed): the build goes on without
/// history and says why once.
public struct RevisionSourceUnavailable: Error, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
