import Foundation
import PermDocsAnalysis
import PermDocsCore

/// A repository in memory for the history's tests: a line of commits, each
/// the whole state of the guides, read as the git reader reads a repository.
/// Counts what it was asked, so tests can check what a warm build reads.
public final class InMemoryRevisions: RevisionSource, @unchecked Sendable {
    private var log: [RevisionCommit] = []
    private var states: [String: [String: String]] = [:]
    /// How many files `contents(of:)` was asked for, over all calls.
    public private(set) var contentsRead = 0

    public init() {}

    /// Commits `files` (the whole content, by content-relative path) as the next
    /// commit; its id is made from its position, so tests can name it.
    @discardableResult
    public func commit(_ subject: String, time: Int64, author: String? = "Test Author", files: [String: String]) -> String {
        let id = String(format: "%040x", log.count + 1)
        log.append(RevisionCommit(id: id, parents: log.last.map { [$0.id] } ?? [], time: time, author: author, subject: subject))
        states[id] = files
        return id
    }

    public func commits(touching folder: String, window: HistoryWindow) throws -> [RevisionCommit] {
        var touching = log.filter { commit in
            let before = commit.parents.first.map { under(folder, states[$0]!) } ?? [:]
            return under(folder, states[commit.id]!) != before
        }.reversed().map { $0 }
        if let since = window.sinceTime { touching = touching.filter { $0.time >= since } }
        if let n = window.commits { touching = Array(touching.prefix(n)) }
        return touching
    }

    public func files(under folder: String, at commit: String) throws -> [String: String] {
        under(folder, states[commit] ?? [:]).mapValues { ContentHash.hex(Data($0.utf8)) }
    }

    public func contents(of ids: [String]) throws -> [String: Data] {
        contentsRead += ids.count
        var byID: [String: Data] = [:]
        for state in states.values {
            for text in state.values { byID[ContentHash.hex(Data(text.utf8))] = Data(text.utf8) }
        }
        return byID.filter { ids.contains($0.key) }
    }

    private func under(_ folder: String, _ files: [String: String]) -> [String: String] {
        files.filter { $0.key.hasPrefix(folder + "/") }
    }
}

/// A revision source with no repository behind it, as the git reader is outside one.
public struct NoRevisions: RevisionSource {
    public init() {}
    public func commits(touching folder: String, window: HistoryWindow) throws -> [RevisionCommit] {
        throw RevisionSourceUnavailable("the content folder 'Content' is not in a git repository")
    }
    public func files(under folder: String, at commit: String) throws -> [String: String] { [:] }
    public func contents(of ids: [String]) throws -> [String: Data] { [:] }
}

/// Guides for the history's tests: one tool, each step of its history a policy.
public enum HistoryGuides {
    /// A guide granting `actions` on `resource`, after `preface` (text that moves the policy down).
    public static func guide(name: String = "Backup Tool", actions: [String], resource: String = "arn:aws:s3:::backups/*", preface: String = "") -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
        return "---\ntool: \(name)\n---\n\n# \(name)\n\n\(preface)Attach this policy to the user that runs backups.\n\n```json\n"
            + "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\(list)], \"Resource\": \"\(resource)\"}]}\n```\n"
    }
}
