import Foundation
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsSite

/// What BASE or TARGET of `permdocs diff` names, in this order: a folder
/// holding a published site's `data/` exports (the site's folder or its
/// `data/` folder: `tools.json` and `actions.json`, with `permissions.json` where the site has it), a content folder (any other folder), else a git revision
/// of the repository that holds the content folder (`-c`).
enum DiffSide: Equatable {
    case exports(String)
    case contentFolder(String)
    case revision(String)

    /// The side `argument` names.
    static func named(_ argument: String) -> DiffSide {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .revision(argument)
        }
        // Named as the user wrote it, so that the report's heading does too.
        let data = (argument.hasSuffix("/") ? argument : argument + "/") + "data"
        if exportsExist(in: URL(fileURLWithPath: data)) { return .exports(data) }
        if exportsExist(in: URL(fileURLWithPath: argument)) { return .exports(argument) }
        return .contentFolder(argument)
    }

    /// `tools.json` and `actions.json` (and `permissions.json`, which a site built before permdocs wrote it lacks).
    private static func exportsExist(in folder: URL) -> Bool {
        let exists = { (path: String) in FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName(path)).path) }
        return exists(SiteExports.toolsPath) && exists(SiteExports.actionsPath)
    }

    /// `tools.json` for `data/tools.json`.
    private static func fileName(_ exportPath: String) -> String {
        String(exportPath.split(separator: "/").last ?? "")
    }

    /// What a side read: its snapshot, and its `site.yml` when it has one (for `base_url`).
    struct Reading {
        var snapshot: PermissionSnapshot
        var config: SiteConfig?
    }

    /// Reads the side. `contentFolder` locates the repository for a revision;
    /// errors say which side they come from.
    func read(contentFolder: String, checker: PolicyChecker) async throws -> Reading {
        switch self {
        case .exports(let folder):
            let data = URL(fileURLWithPath: folder)
            func load(_ path: String) throws -> (bytes: Data, file: String) {
                let url = data.appendingPathComponent(Self.fileName(path))
                guard let bytes = try? Data(contentsOf: url) else { throw PermDocsError("cannot read file", file: url.path) }
                return (bytes, url.path)
            }
            let (tools, actions) = (try load(SiteExports.toolsPath), try load(SiteExports.actionsPath))
            if FileManager.default.fileExists(atPath: data.appendingPathComponent(Self.fileName(SiteExports.permissionsPath)).path) {
                let permissions = try load(SiteExports.permissionsPath)
                let snapshot = try PermissionSnapshot(toolsJSON: tools.bytes, actionsJSON: actions.bytes, permissionsJSON: permissions.bytes,
                                                      toolsFile: tools.file, actionsFile: actions.file, permissionsFile: permissions.file)
                return Reading(snapshot: snapshot, config: nil)
            }
            let snapshot = try PermissionSnapshot(toolsJSON: tools.bytes, actionsJSON: actions.bytes, toolsFile: tools.file, actionsFile: actions.file)
            return Reading(snapshot: snapshot, config: nil)
        case .contentFolder(let folder):
            guard FileManager.default.fileExists(atPath: folder + "/site.yml") || FileManager.default.fileExists(atPath: folder + "/tools") else {
                throw PermDocsError("neither a content folder (site.yml, tools/) nor a site with data/ exports", file: folder)
            }
            return try analyze(DiskContentReader(root: URL(fileURLWithPath: folder)), checker: checker) {
                ReportPaths.fromWorkingDirectory($0, contentFolder: folder)
            }
        case .revision(let revision):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: contentFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw PermDocsError("'\(revision)' is no folder, so it would be a git revision, but the content folder '\(contentFolder)' whose repository it would be in is not here (pass -c DIR)")
            }
            let repository = try await GitRepository.holding(contentFolder)
            let commit = try await repository.commit(revision)
            let files = try await repository.contentFiles(at: commit, revision: revision)
            var reader = InMemoryContentReader([:])
            reader.contents = files
            // Files of a revision are named as git names them: `main:Content/tools/x.md`.
            return try analyze(reader, checker: checker) { "\(revision):\(repository.contentPrefix)\($0)" }
        }
    }

    /// The pipeline's analyze step, as `check` runs it; a content error's
    /// file is named by `path`, so that it says which side it is in.
    private func analyze(_ reader: any ContentReader, checker: PolicyChecker, path: (String) -> String) throws -> Reading {
        do {
            let site = try Pipeline(content: reader, theme: nil, checker: checker).analyze()
            return Reading(snapshot: PermissionSnapshot(site: site), config: site.config)
        } catch var error as PermDocsError {
            error.file = error.file.map(path)
            if let file = error.location?.file { error.location?.file = path(file) }
            throw error
        }
    }

    /// How reports name the side.
    var label: String {
        switch self {
        case .exports(let folder): return folder
        case .contentFolder(let folder): return folder
        case .revision(let revision): return revision
        }
    }
}
