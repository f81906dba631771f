import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client's socket, and the deadline by which its current read or write must be done.
///
/// The deadline is enforced from outside (`BoundedHTTPServer`'s reaper calls `expire(at:)`):
/// shutting the socket down wakes whatever read or write is waiting on it, which then fails,
/// so a client that trickles bytes or never reads loses its connection however it stalls.
/// `shutdown` rather than `close`, because closing a descriptor that the event loop waits on
/// would never wake the waiter, and a closed descriptor number can be reused at once by the
/// next connection; the lock keeps `expire` from touching a socket already closed.
final class ClientConnection: @unchecked Sendable {
    let socket: AsyncSocket
    private let lock = NSLock()
    private var deadline: ContinuousClock.Instant?
    private var isShutDown = false
    private var isClosed = false
    private var serving: Task<Void, Never>?

    init(socket: AsyncSocket) {
        self.socket = socket
    }

    /// The task serving this connection, kept so that `BoundedHTTPServer.stop()` can end it.
    var task: Task<Void, Never>? {
        get { lock.withLock { serving } }
        set { lock.withLock { serving = newValue } }
    }

    /// Sets (or, with nil, lifts) the time after which the connection is dropped.
    func setDeadline(_ instant: ContinuousClock.Instant?) {
        lock.withLock { deadline = instant }
    }

    /// Shuts the socket down if its deadline has passed. Returns whether it did.
    @discardableResult
    func expire(at now: ContinuousClock.Instant) -> Bool {
        lock.withLock {
            guard let deadline, deadline <= now, !isClosed, !isShutDown else { return false }
            shutDownLocked()
            return true
        }
    }

    /// Ends both directions at once: pending and later reads and writes fail.
    func shutDown() {
        lock.withLock {
            guard !isClosed, !isShutDown else { return }
            shutDownLocked()
        }
    }

    private func shutDownLocked() {
        isShutDown = true
        _ = Self.shutdownSocket(socket.socket.file.rawValue, Int32(SHUT_RDWR))
    }

    func close() {
        lock.withLock {
            guard !isClosed else { return }
            isClosed = true
            try? socket.close()
        }
    }

    /// Reads what has arrived, at most `count` bytes, waiting for some. Throws when the
    /// client has gone, or the deadline passed.
    func read(atMost count: Int) async throws -> [UInt8] {
        try await socket.read(atMost: count)
    }

    /// Writes all of `data`, dropping the client if it does not take it within `timeout`.
    func write(_ data: Data, timeout: Duration) async throws {
        guard !data.isEmpty else { return }
        setDeadline(.now + timeout)
        defer { setDeadline(nil) }
        try await socket.write(data)
    }

    /// Answers a refused request and closes without losing the answer: the client may still
    /// be sending (a 1 MB request line), and closing a socket with unread input makes the
    /// kernel send a reset, which can discard the answer before the client reads it. So stop
    /// writing, then read and discard what follows, within a short time and byte budget
    /// (`lingering close`, as nginx does it), then close.
    func answerAndClose(_ response: Data, timeout: Duration) async {
        do {
            try await write(response, timeout: timeout)
        } catch {
            close()
            return
        }
        _ = Self.shutdownSocket(socket.socket.file.rawValue, Int32(SHUT_WR))
        setDeadline(.now + .seconds(1))
        var discarded = 0
        while discarded < 2 * 1024 * 1024, let bytes = try? await read(atMost: 64 * 1024) {
            discarded += bytes.count
        }
        close()
    }

    /// Refuses a connection the server has no room for, without a task: whatever request has
    /// already arrived is read (so the close is not a reset), the answer is written if the
    /// socket takes it at once, and the socket is closed.
    func refuseAtOnce(_ response: Data) {
        let fd = socket.socket.file.rawValue
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        _ = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        _ = try? socket.socket.write(response)
        _ = Self.shutdownSocket(fd, Int32(SHUT_WR))
        close()
    }

    private static func shutdownSocket(_ fd: Int32, _ how: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.shutdown(fd, how)
        #else
        return Darwin.shutdown(fd, how)
        #endif
    }
}
