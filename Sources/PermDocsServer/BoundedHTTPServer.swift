// Why a server of our own rather than FlyingFox's `HTTPServer`:
//
// FlyingFox's server reads request heads with its quadratic, unbounded line reader (see
// `RequestHeadParser`), has no header-read timeout (its `timeout` bounds only the handler)
// and no cap on connections, and offers no hook to put a reader in front of it. So this is
// the small part of a server that has to be ours: the accept loop, the limits and the
// HTTP/1.1 framing. Everything else is still FlyingFox: its sockets and event loop
// (FlyingSocks), and its `HTTPRequest`, `HTTPResponse` and `HTTPHandler`s, so the
// handlers did not change.
//
// Moving to Hummingbird (SwiftNIO, bounded parsing) was the alternative. It was not taken:
// it would add SwiftNIO and half a dozen packages, 2.5 to 4.5 minutes of build on 2 cores in
// every CI run, for a server that only ever answers GET and HEAD for local files; and
// NIO's parser answers oversized heads with a bare 400, so the 414/431 answers, the timeout
// on a head and the connection cap would have been code of ours there too.

import FlyingFox
import FlyingSocks
import Foundation

/// An HTTP/1.1 server for the development server's handlers that no client can pin.
///
/// - A request line or header section past `HTTPLimits` is answered `414` or `431` as soon as
///   it passes the limit, in time linear in what was read, and the connection is closed.
/// - A request head must arrive within `HTTPLimits.headTimeout`; a write that the client does
///   not take within `writeTimeout` drops it too.
/// - At most `maxConnections` are open at once; past it, new ones get `503`.
/// - Requests are served with empty bodies: a request announcing one is answered (the
///   handlers take GET and HEAD only) and its connection closed, so no body is ever read.
///
/// `init` binds and listens, so a taken port is an error there; `start()` begins serving and
/// `stop()` ends every connection, streams included, at once.
public final class BoundedHTTPServer: @unchecked Sendable {
    /// The limits in force (`maxConnections` possibly lowered to fit the open-file limit).
    public let limits: HTTPLimits
    /// Where the server listens (with the port chosen when asked for port 0).
    public let address: Socket.Address

    private let handler: any HTTPHandler
    private let listener: Socket
    private let pool: any AsyncSocketPool
    private let lock = NSLock()
    private var connections: [ObjectIdentifier: ClientConnection] = [:]
    private var stopping = false
    private var listenerClosed = false
    private var runTask: Task<Void, Never>?

    /// How often deadlines are checked; a timed-out client is dropped at most this late.
    static let reapInterval: Duration = .milliseconds(100)

    /// Binds `address` and listens on it.
    public init(address: some SocketAddress, limits: HTTPLimits = HTTPLimits(), handler: some HTTPHandler) throws {
        var limits = limits
        limits.maxConnections = Swift.max(1, Swift.min(limits.maxConnections, Self.connectionsThatFitOpenFileLimit()))
        self.limits = limits
        self.handler = handler
        pool = SocketPool.make()
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
            self.address = try socket.sockname()
        } catch {
            try? socket.close()
            throw error
        }
        listener = socket
    }

    deinit {
        closeListener()
    }

    /// Once only: closing a descriptor twice could close another one that took its number.
    private func closeListener() {
        let close = lock.withLock {
            defer { listenerClosed = true }
            return !listenerClosed
        }
        if close { try? listener.close() }
    }

    /// Starts accepting connections; returns at once.
    public func start() async throws {
        try await pool.prepare()
        let listening = try AsyncSocket(socket: listener, pool: pool)
        let pool = self.pool
        runTask = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await pool.run() }
                group.addTask { await self.reapExpiredConnections() }
                group.addTask { await self.acceptConnections(on: listening) }
                // Any of them ending means the server is stopping: end the others.
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// Stops accepting, shuts every connection down (waking what waits on it), and returns
    /// when all have ended. Safe to call more than once.
    public func stop() async {
        let open: [ClientConnection] = lock.withLock {
            stopping = true
            return Array(connections.values)
        }
        for connection in open {
            connection.shutDown()
            connection.task?.cancel()
        }
        for connection in open {
            await connection.task?.value
        }
        runTask?.cancel()
        await runTask?.value
        runTask = nil
        closeListener()
    }

    // MARK: connections

    private func acceptConnections(on listening: AsyncSocket) async {
        while !Task.isCancelled {
            do {
                admit(try await listening.accept())
            } catch is CancellationError {
                return
            } catch {
                // Out of descriptors (EMFILE) or a connection aborted before it was accepted:
                // not the listener's end. Wait a little rather than spin on it.
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func admit(_ socket: AsyncSocket) {
        let connection = ClientConnection(socket: socket)
        let admitted: Bool = lock.withLock {
            guard !stopping, connections.count < limits.maxConnections else { return false }
            connections[ObjectIdentifier(connection)] = connection
            return true
        }
        guard admitted else {
            connection.refuseAtOnce(ResponseHead.refusal(.serviceUnavailable, extraHeaders: [HTTPHeader("Retry-After"): "1"]))
            return
        }
        connection.task = Task {
            await self.serve(connection)
            connection.close()
            _ = self.lock.withLock { self.connections.removeValue(forKey: ObjectIdentifier(connection)) }
        }
    }

    private func reapExpiredConnections() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.reapInterval)
            let now = ContinuousClock.now
            for connection in lock.withLock({ Array(connections.values) }) {
                connection.expire(at: now)
            }
        }
    }

    /// Requests one after another on a connection, until the client closes, asks to close,
    /// sends something refused, or runs out of time.
    private func serve(_ connection: ClientConnection) async {
        var leftover: [UInt8] = []
        while !Task.isCancelled {
            connection.setDeadline(.now + limits.headTimeout)
            var parser = RequestHeadParser(limits: limits, leftover: leftover)
            var outcome = parser.append([])
            while case .needMore = outcome {
                // 4 KiB, as FlyingSocks reads at most: a head over the limits is refused
                // within one read of passing them.
                guard let bytes = try? await connection.read(atMost: 4096) else { return }
                outcome = parser.append(bytes)
            }
            connection.setDeadline(nil)
            switch outcome {
            case .needMore:
                return
            case .rejected(let rejection):
                await connection.answerAndClose(ResponseHead.refusal(rejection.status), timeout: limits.writeTimeout)
                return
            case .head(let head, let remainder):
                let close = !head.keepAlive || head.hasBody || lock.withLock({ stopping })
                guard (try? await respond(to: head, on: connection, close: close)) != nil else { return }
                if close {
                    if head.hasBody { await connection.answerAndClose(Data(), timeout: limits.writeTimeout) }
                    return
                }
                leftover = remainder
            }
        }
    }

    private func respond(to head: RequestHead, on connection: ClientConnection, close: Bool) async throws {
        let request = HTTPRequest(method: head.method, version: head.version, target: head.target,
                                  headers: head.headers, body: HTTPBodySequence())
        let response: HTTPResponse
        do {
            response = try await handler.handleRequest(request)
        } catch is HTTPUnhandledError {
            response = HTTPResponse(statusCode: .notFound)
        } catch {
            response = HTTPResponse(statusCode: .internalServerError)
        }
        guard case .httpBody(let body) = response.payload else {
            // No handler here upgrades to WebSocket; refuse rather than half-speak it.
            try await connection.write(ResponseHead.refusal(.internalServerError), timeout: limits.writeTimeout)
            return
        }
        try await connection.write(ResponseHead.encode(response, bodyCount: body.count, close: close), timeout: limits.writeTimeout)
        // RFC 9110 §9.3.2: a HEAD answer has the headers of a GET one, and no body.
        guard head.method != .HEAD else { return }
        for try await chunk in body {
            try await connection.write(chunk, timeout: limits.writeTimeout)
        }
    }

    /// Each connection holds a descriptor; keep a quarter of the process's limit (and at least
    /// 64) for the builds, the watcher and the site's files.
    private static func connectionsThatFitOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return Int.max }
        let available = Int(clamping: limit.rlim_cur)  // "unlimited" clamps to Int.max
        return available - Swift.max(64, available / 4)
    }
}
