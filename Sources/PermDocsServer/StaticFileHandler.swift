import FlyingFox
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import PermDocsCore
#endif

/// Serves the files of a built site from its output folder, or from memory
/// (`ServedFiles`).
///
/// `/` and `dir/` serve `index.html`; a folder asked for without its slash is redirected
/// to it, so the site's relative links resolve as they do from disk. Nothing outside the
/// folder is ever served, nor any dotfile: see `resolve(rawPath:)`.
///
/// When `htmlSnippet` is set it is inserted into every HTML page served (just before
/// `</body>`), never into the files on disk.
public struct StaticFileHandler: HTTPHandler {
    /// The output folder. It is resolved again on every request because `OutputWriter`
    /// replaces the folder itself (by renaming) on each build.
    public var root: URL

    /// The site in memory; when set, nothing is read from `root`.
    public var files: ServedFiles?

    /// Markup added to HTML pages as they are served, e.g. the live-reload script.
    public var htmlSnippet: String?

    public init(root: URL, htmlSnippet: String? = nil) {
        self.root = root.standardizedFileURL
        self.htmlSnippet = htmlSnippet
    }

    /// Serves the site in `files`, read from no disk.
    public init(files: ServedFiles, htmlSnippet: String? = nil) {
        self.init(root: URL(fileURLWithPath: "/nonexistent-permdocs-site"), htmlSnippet: htmlSnippet)
        self.files = files
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        // The raw target, not `request.path`: FlyingFox has already decoded and
        // normalised that, which would hide `%2f` and turn `/a/../b` into `/b`.
        let rawPath = request.target.path(percentEncoded: true)
        switch resolve(rawPath: rawPath) {
        case .file(let url):
            return fileResponse(try Data(contentsOf: url), path: url.path, headOnly: request.method == .HEAD)
        case .stored(let path):
            guard let data = files?.file(path) else { return notFound() }
            return fileResponse(data, path: path, headOnly: request.method == .HEAD)
        case .folderWithoutSlash:
            let query = request.target.query(percentEncoded: true)
            let location = rawPath + "/" + (query.isEmpty ? "" : "?" + query)
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
        case .notFound:
            return notFound()
        }
    }

    /// What a request path names.
    public enum Resolution: Equatable, Sendable {
        /// A regular file inside the root (symlinks resolved).
        case file(URL)
        /// A file of the site in memory, by its path.
        case stored(String)
        /// A folder asked for without its trailing slash.
        case folderWithoutSlash
        /// Missing, or not allowed.
        case notFound
    }

    /// Maps a raw (still percent-encoded) request path to a file inside `root`.
    ///
    /// Refused: paths not starting with `/`, empty segments (`//etc`), segments starting
    /// with a dot (dotfiles, the build's `.permdocs-manifest`, `.` and `..`) whether written
    /// plainly or percent-encoded, encoded slashes (`%2f`),
    /// backslashes, NUL and other control characters. What is left is resolved with
    /// `realpath`, and the result must still lie inside the root's real path, which
    /// catches symlinks pointing outside.
    public func resolve(rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"),
              // No file name holds a slash: an encoded one is only ever an attempt to
              // smuggle a separator past a proxy or a check, so it is refused outright.
              rawPath.range(of: "%2f", options: .caseInsensitive) == nil,
              let decoded = rawPath.removingPercentEncoding
        else { return .notFound }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7f}" || $0 == "\\" }) else {
            return .notFound
        }
        var segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let wantsFolder = segments.last == ""
        if wantsFolder { segments.removeLast() }
        // A name starting with a dot is never part of the site: `.permdocs-manifest` (the
        // output's file hashes), `.` and `..`, and whatever hidden file a tool leaves.
        guard segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return .notFound }
        if let files { return Self.resolve(segments.joined(separator: "/"), wantsFolder: wantsFolder, in: files) }

        guard let realRoot = Self.realPath(root.path) else { return .notFound }
        let joined = ([realRoot] + segments.map(String.init)).joined(separator: "/")
        guard let real = Self.realPath(joined), Self.isInside(real, root: realRoot) else { return .notFound }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            guard wantsFolder || segments.isEmpty else { return .folderWithoutSlash }
            // index.html may itself be a symlink: resolve and check it again.
            guard let index = Self.realPath(real + "/index.html"), Self.isInside(index, root: realRoot),
                  Self.isRegularFile(index)
            else { return .notFound }
            return .file(URL(fileURLWithPath: index))
        }
        guard !wantsFolder, Self.isRegularFile(real) else { return .notFound }
        return .file(URL(fileURLWithPath: real))
    }

    /// The same rules as on disk, for a site in memory: a folder serves its
    /// `index.html`, and is redirected to when asked for without its slash.
    private static func resolve(_ path: String, wantsFolder: Bool, in files: ServedFiles) -> Resolution {
        if files.isFolder(path) {
            guard wantsFolder || path.isEmpty else { return .folderWithoutSlash }
            let index = path.isEmpty ? "index.html" : path + "/index.html"
            return files.file(index) != nil ? .stored(index) : .notFound
        }
        guard !wantsFolder, files.file(path) != nil else { return .notFound }
        return .stored(path)
    }

    /// The Content-Type for a file name, by its extension.
    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "csv": return "text/csv; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }

    /// Inserts `snippet` before the last `</body>` (any case), or appends it when there is none.
    public static func inject(_ snippet: String, into html: Data) -> Data {
        let text = String(decoding: html, as: UTF8.self)
        guard let close = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return Data((text + snippet).utf8)
        }
        return Data((text[..<close.lowerBound] + snippet + text[close.lowerBound...]).utf8)
    }

    private func fileResponse(_ bytes: Data, path: String, headOnly: Bool) -> HTTPResponse {
        var data = bytes
        let type = Self.contentType(for: path)
        if let htmlSnippet, type.hasPrefix("text/html") {
            data = Self.inject(htmlSnippet, into: data)
        }
        // Every build may change any file: never let the browser reuse an old copy.
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if headOnly {
            headers[.contentLength] = String(data.count)
            data = Data()
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: data)
    }

    /// The site's own `404.html`, as a host such as GitHub Pages shows it; else a small
    /// page rather than an empty body. Either carries the snippet, so a browser left on a
    /// missing page (e.g. before the first successful build) reloads when the site appears.
    private func notFound() -> HTTPResponse {
        let page: Data
        let stored: Data?
        switch resolve(rawPath: "/404.html") {
        case .file(let url): stored = try? Data(contentsOf: url)
        case .stored(let path): stored = files?.file(path)
        default: stored = nil
        }
        if let data = stored {
            page = htmlSnippet.map { Self.inject($0, into: data) } ?? data
        } else {
            page = Data(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                + "<body><h1>Not found</h1>\(htmlSnippet ?? "")</body></html>\n").utf8)
        }
        return HTTPResponse(
            statusCode: .notFound,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: page)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
