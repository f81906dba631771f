import FlyingFox
import FlyingSocks
import Foundation

/// `permdocs serve`: builds the site, serves it, and rebuilds it whenever a watched
/// folder changes, telling open pages to reload (or why the build failed).
///
/// The site is served from memory (`ServedFiles`, which the `rebuild` closure fills)
/// or from an output folder the closure writes. A failed rebuild leaves the last good
/// site served: the closure hands its files over, or writes through `OutputWriter`
/// (which replaces the output folder), only on success.
///
/// Call `start()` and `stop()` from one task; rebuilds run on the watcher's thread.
public final class DevServer: @unchecked Sendable {
    /// Where to listen, what to serve and what to watch.
    public struct Configuration: Sendable {
        /// The folder the build writes and the server serves; nil when served from `files`.
        public var output: URL?
        /// The site in memory, when it is served from there.
        public var files: ServedFiles?
        /// Folders whose changes trigger a rebuild (the content and the theme).
        public var watch: [URL]
        /// An IPv4 or IPv6 address, or `localhost`. Only loopback unless asked otherwise.
        public var host: String
        /// The port; 0 picks a free one (see the URL `start()` returns).
        public var port: UInt16
        /// The quiet time after the last change before rebuilding.
        public var debounce: Duration
        /// What one client may cost: request sizes, timeouts, open connections.
        public var limits: HTTPLimits

        public init(output: URL, watch: [URL], host: String = "127.0.0.1", port: UInt16 = 8000,
                    debounce: Duration = .milliseconds(100), limits: HTTPLimits = HTTPLimits()) {
            self.output = output.standardizedFileURL
            self.watch = watch.map(\.standardizedFileURL)
            self.host = host
            self.port = port
            self.debounce = debounce
            self.limits = limits
        }

        /// Serves the site in `files`, which the `rebuild` closure replaces.
        public init(serving files: ServedFiles, watch: [URL], host: String = "127.0.0.1", port: UInt16 = 8000,
                    debounce: Duration = .milliseconds(100), limits: HTTPLimits = HTTPLimits()) {
            self.init(output: URL(fileURLWithPath: "/"), watch: watch, host: host, port: port, debounce: debounce, limits: limits)
            self.output = nil
            self.files = files
        }
    }

    /// Why the server could not start.
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    /// Builds the site (into `files`, or the output folder) and returns a one-line summary, or throws an
    /// error whose description is what the author should read. Called once at start and
    /// then after each change, never two at a time.
    public typealias Rebuild = @Sendable () throws -> String
    /// A `Rebuild` told which paths changed since the last one (absolute, as
    /// the watcher reports them), or nil when that is not known: the first
    /// build, and the first after watching starts (a change made between the
    /// two is seen by no watch).
    public typealias RebuildChanges = @Sendable (_ changed: Set<String>?) throws -> String

    public let configuration: Configuration
    /// The event stream that open pages listen to.
    public let liveReload = LiveReload()
    private let rebuild: RebuildChanges
    /// Whether the watcher has reported once (only its thread reads and sets it after `start()`).
    private var watcherReported = false
    private let log: @Sendable (String) -> Void

    private var server: BoundedHTTPServer?
    private var watcher: FileWatcher?

    /// - Parameter log: receives one line per build, failure or problem (the CLI prints them).
    public convenience init(configuration: Configuration, rebuild: @escaping Rebuild, log: @escaping @Sendable (String) -> Void) {
        self.init(configuration: configuration, rebuildChanges: { _ in try rebuild() }, log: log)
    }

    /// A server whose rebuilds are told what changed (`RebuildChanges`).
    public init(configuration: Configuration, rebuildChanges: @escaping RebuildChanges, log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.rebuild = rebuildChanges
        self.log = log
    }

    /// Builds once, starts serving and watching, and returns the address to open.
    /// A failing first build does not stop the server: pages show the error and the
    /// site appears when the content is fixed.
    public func start() async throws -> URL {
        try checkOutputIsApartFromWatchedFolders()
        let socketAddress = try Self.address(host: configuration.host, port: configuration.port)
        var routes = RoutedHTTPHandler()
        routes.appendRoute(HTTPRoute("GET \(LiveReload.eventsPath)"), to: liveReload)
        if let files = configuration.files {
            routes.appendRoute("*", to: StaticFileHandler(files: files, htmlSnippet: LiveReload.script))
        } else if let output = configuration.output {
            routes.appendRoute("*", to: StaticFileHandler(root: output, htmlSnippet: LiveReload.script))
        }
        let server: BoundedHTTPServer
        do {
            // Binding first: a taken port is reported before anything is built.
            server = try BoundedHTTPServer(address: socketAddress, limits: configuration.limits, handler: routes)
        } catch {
            throw Error(description: "cannot listen on \(configuration.host):\(configuration.port): \(error.localizedDescription)")
        }
        self.server = server
        buildAndNotify(changed: nil)
        do {
            try await server.start()
        } catch {
            await stop()
            throw error
        }
        let address: URL
        switch server.address {
        case .ip4(let host, let port): address = URL(string: "http://\(host):\(port)/")!
        case .ip6(let host, let port): address = URL(string: "http://[\(host)]:\(port)/")!
        default:
            await stop()
            throw Error(description: "the server is not listening on an IP address")
        }

        let watcher = FileWatcher(folders: configuration.watch, debounce: configuration.debounce) { [weak self] paths in
            guard let self else { return }
            let known = watcherReported
            watcherReported = true
            buildAndNotify(changed: known ? paths : nil)
        }
        do {
            try watcher.start()
        } catch {
            await stop()
            throw error
        }
        self.watcher = watcher
        return address
    }

    /// Stops watching (after a rebuild in progress), ends the event streams and closes
    /// the server. Safe to call more than once.
    public func stop() async {
        watcher?.stop()
        watcher = nil
        liveReload.finish()
        // No grace period: with the event streams ended, what is left are page requests
        // that are cheap to cut.
        await server?.stop()
        server = nil
    }

    private func buildAndNotify(changed: Set<String>?) {
        do {
            let summary = try rebuild(changed)
            log(summary)
            liveReload.send(.reload(summary))
        } catch {
            let message = String(describing: error)
            log(message)
            liveReload.send(.buildError(message))
        }
    }

    /// Builds into a watched folder would trigger themselves forever; a watched folder
    /// inside the output would be deleted by the first build.
    private func checkOutputIsApartFromWatchedFolders() throws {
        guard let output = configuration.output?.path else { return }
        for folder in configuration.watch.map(\.path) {
            if Self.isSameOrInside(output, folder) || Self.isSameOrInside(folder, output) {
                throw Error(description: "the output folder \(output) must be apart from the watched folder \(folder)")
            }
        }
    }

    private static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
        if let ip4 = try? sockaddr_in.inet(ip4: host, port: port) { return ip4 }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let ip6 = try? sockaddr_in6.inet6(ip6: bare, port: port) { return ip6 }
        throw Error(description: "\(host) is not an IPv4 or IPv6 address (or localhost)")
    }
}
