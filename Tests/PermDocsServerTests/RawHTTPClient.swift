import Foundation
#if canImport(Glibc)
import Glibc
@testable import PermDocsServer
#endif

/// A minimal HTTP/1.1 client over a plain socket. Tests use it rather than URLSession so
/// that paths go out exactly as written (URL would normalise `/../`), and so that an event
/// stream can be read as it arrives. Every read gives up at a deadline: tests never hang.
/// Unchecked Sendable: a connection is handed between test threads, used by one at a time.
final class RawHTTPConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    /// Everything read so far.
    private(set) var received = Data()
    private var atEnd = false

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        // Short receive timeouts let `read(until:)` check its deadline between attempts.
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sendTimeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to port \(port): errno \(errno)")
        }
    }

    deinit {
        close(fd)
    }

    func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    /// Sends every byte, or throws when the socket refuses (the server closed it, or did not
    /// read for two seconds).
    func send(bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed after \(sent) bytes: errno \(errno)") }
            sent += count
        }
    }

    /// Whether the server has closed the connection (seen by a read that returned no data).
    var isClosedByServer: Bool { atEnd }

    /// Reads until the server closes the connection or `seconds` pass; returns whether it closed.
    func waitForClose(seconds: TimeInterval) -> Bool {
        read(for: seconds) { _ in false }
        return atEnd
    }

    /// Reads the next complete response (its body framed by Content-Length) and removes it
    /// from `received`, so responses on a kept-alive connection can be read one by one.
    /// - Parameter toHead: the answer to a HEAD request, which has no body whatever its length says.
    func nextResponse(seconds: TimeInterval = 5, toHead: Bool = false) throws -> RawHTTPResponse {
        var parsed: (RawHTTPResponse, Int)?
        read(for: seconds) { data in
            parsed = RawHTTPResponse.parseFramed(data, toHead: toHead)
            return parsed != nil
        }
        guard let (response, length) = parsed else {
            throw Failure(description: "no complete response: \(receivedText.debugDescription)")
        }
        received.removeFirst(length)
        return response
    }

    /// Reads until `done(received)` holds, the server closes, or `seconds` pass.
    /// Returns whether `done` held.
    @discardableResult
    func read(for seconds: TimeInterval, until done: (Data) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while !done(received) {
            guard !atEnd, Date() < deadline else { return false }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                atEnd = true
            }
        }
        return true
    }

    /// Whether the text read so far contains `text`, waiting up to `seconds` for it.
    func waitFor(_ text: String, seconds: TimeInterval = 5) -> Bool {
        read(for: seconds) { String(decoding: $0, as: UTF8.self).contains(text) }
    }

    var receivedText: String { String(decoding: received, as: UTF8.self) }
}

/// A response read to the end (the request asks the server to close).
struct RawHTTPResponse {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: String

    /// `GET path` sent verbatim, answered within five seconds.
    static func get(_ path: String, port: UInt16) throws -> RawHTTPResponse {
        let connection = try RawHTTPConnection(port: port)
        try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        connection.read(for: 5) { _ in false }
        return try parse(connection.receivedText, path: path)
    }

    /// A response whose body is the rest of `text`.
    static func parse(_ text: String, path: String = "") throws -> RawHTTPResponse {
        guard let split = text.range(of: "\r\n\r\n") else {
            throw RawHTTPConnection.Failure(description: "no complete response to \(path): \(text.debugDescription)")
        }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawHTTPConnection.Failure(description: "bad status line \(lines[0].debugDescription)")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawHTTPResponse(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

extension RawHTTPResponse {
    /// The first response in `data` and its length in bytes, once its head and its
    /// Content-Length body have all arrived.
    static func parseFramed(_ data: Data, toHead: Bool = false) -> (RawHTTPResponse, Int)? {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let headLength = split.upperBound - data.startIndex
        guard let head = try? parse(String(decoding: data.prefix(headLength), as: UTF8.self)) else { return nil }
        let bodyLength = toHead ? 0 : Int(head.headers["content-length"] ?? "0") ?? 0
        guard data.count >= headLength + bodyLength else { return nil }
        var response = head
        response.body = String(decoding: data.dropFirst(headLength).prefix(bodyLength), as: UTF8.self)
        return (response, headLength + bodyLength)
    }
}
