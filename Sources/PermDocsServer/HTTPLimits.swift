import Foundation

/// What one client may cost the development server: sizes, times and connections.
///
/// Every bound is there so that no client, hostile or broken, can hold the server's CPU,
/// memory or connections for long; each default is generous for a browser.
public struct HTTPLimits: Sendable, Equatable {
    /// The longest request line (method, target, version; without its CRLF). Longer is
    /// answered `414 URI Too Long`. 16 KiB: the longest URL the site makes is the matrix's
    /// state in its query string, every tool slug included, a few KiB for a large site;
    /// Apache and nginx stop at 8 KiB.
    public var maxRequestLineBytes: Int
    /// The most bytes of header lines after the request line, the blank line included.
    /// More is answered `431 Request Header Fields Too Large`. 64 KiB: browsers send every
    /// cookie of `127.0.0.1` or `localhost` whatever the port, so other local tools' cookies
    /// arrive here too; Node's servers allow 16 KiB.
    public var maxHeaderBytes: Int
    /// The most header lines; more is answered 431. 100, as Apache's `LimitRequestFields`.
    public var maxHeaderFields: Int
    /// How long a client has to send a whole request head, counted from the connection's
    /// start or, on a kept-alive connection, from the end of the previous response. A client
    /// that trickles bytes, or keeps an idle connection, is dropped then. 5 s, as Node's
    /// keep-alive timeout: a browser reconnects by itself.
    public var headTimeout: Duration
    /// How long one write of a response may wait for the client to read. A client that never
    /// reads (a stalled page, or an attacker holding a stream) is dropped then.
    public var writeTimeout: Duration
    /// The most connections open at once, live-reload streams included (each open page holds
    /// one). Past it a new connection is answered `503` and closed. 1,024: far more pages than
    /// a browser keeps open on one server (it allows six connections per host over HTTP/1.1),
    /// and at most ~80 MiB of request buffers. Lowered to stay below the process's open-file
    /// limit, so a flood cannot starve the builds of file descriptors.
    public var maxConnections: Int

    public init(maxRequestLineBytes: Int = 16 * 1024, maxHeaderBytes: Int = 64 * 1024, maxHeaderFields: Int = 100,
                headTimeout: Duration = .seconds(5), writeTimeout: Duration = .seconds(10), maxConnections: Int = 1024) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.headTimeout = headTimeout
        self.writeTimeout = writeTimeout
        self.maxConnections = maxConnections
    }
}
