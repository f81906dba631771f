// Why this is hand-written rather than FlyingFox's decoder:
//
// FlyingFox 0.27.1 reads the request line and each header line with `collectUntil`, which
// tests the whole line read so far after every byte (`Sequence.suffix` copies it), so one
// line costs time quadratic in its length: 64 KiB took 2.5 s of CPU, 1 MiB minutes. It has
// no limit on a line's length, on the number of headers or on the time a client takes, its
// `HTTPServer.Configuration` offers none, and its decoder is internal, so it cannot be
// bounded from outside. The other HTTP parser on this machine is SwiftNIO's (through
// Hummingbird), which would add minutes to every CI build for what is a local preview
// server; see `BoundedHTTPServer` for the rest of that choice.
//
// So this parser reads only the request head (the dev server takes no request bodies), in
// time linear in the bytes it is given, and stops at `HTTPLimits`. The requests themselves
// are still FlyingFox's `HTTPRequest`, and the handlers FlyingFox's `HTTPHandler`s.

import FlyingFox
import Foundation

/// A request line and its headers, as read from a client.
struct RequestHead: Sendable {
    var method: HTTPMethod
    var version: HTTPVersion
    var target: HTTPRequest.Target
    var headers: HTTPHeaders
    /// The request announces a body (`Content-Length` above 0, or `Transfer-Encoding`). The
    /// server reads none, so it closes the connection after answering.
    var hasBody: Bool

    /// Whether the client wants the connection kept for another request (RFC 9112 §9.3).
    var keepAlive: Bool {
        let tokens = (headers[.connection] ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return version == .http11 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }
}

/// Reads a request head from bytes as they arrive, within `HTTPLimits`.
///
/// Each byte is looked at once: bytes are appended to one buffer and the search for the end
/// of a line resumes where the last one stopped. The buffer never grows past the limits (plus
/// the last chunk given), because a line or a header section that passes them is refused as
/// soon as it does, without waiting for its end.
struct RequestHeadParser {
    /// What the bytes given so far amount to.
    enum Outcome {
        /// The head is not complete yet, and within the limits so far.
        case needMore
        /// The head is complete; `remainder` holds the bytes that followed it (the start of
        /// a body or of the next request).
        case head(RequestHead, remainder: [UInt8])
        /// The head is refused; answer `status` and close the connection.
        case rejected(Rejection)
    }

    /// Why a head was refused, and the status that says so.
    struct Rejection: Error, Equatable {
        var status: HTTPStatusCode
        var reason: String
    }

    let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// Bytes before this index have been searched for a line feed.
    private var scanned = 0
    /// Where the line being read starts.
    private var lineStart = 0
    /// The request line, once read, and where the header lines start.
    private var requestLine: Range<Int>?
    private var headerStart = 0
    private var fieldLines: [Range<Int>] = []
    private var emptyLinesBeforeRequest = 0
    private var finished = false

    /// - Parameter leftover: bytes already read past the previous request on this connection.
    init(limits: HTTPLimits, leftover: [UInt8] = []) {
        self.limits = limits
        buffer = leftover
    }

    /// Whether any byte of this request has arrived (a kept-alive connection that closes
    /// before sending one just ends; one that closes mid-head was cut off).
    var hasStarted: Bool { !buffer.isEmpty }

    /// Adds bytes read from the client and says whether the head is complete.
    mutating func append(_ bytes: some Collection<UInt8>) -> Outcome {
        precondition(!finished, "RequestHeadParser used after its head was complete or refused")
        buffer.append(contentsOf: bytes)
        return scan()
    }

    /// Looks at the bytes given since the last call, line by line.
    private mutating func scan() -> Outcome {
        while let feed = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
            scanned = feed + 1
            var end = feed
            if end > lineStart, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = lineStart..<end
            lineStart = feed + 1

            if requestLine == nil {
                if line.isEmpty {
                    // RFC 9112 §2.2: a server should ignore empty lines before the request
                    // line (a client may send a CRLF after a request body); a few, not a stream.
                    emptyLinesBeforeRequest += 1
                    if emptyLinesBeforeRequest > 4 { return reject(.badRequest, "empty lines before the request line") }
                    continue
                }
                if line.count > limits.maxRequestLineBytes { return reject(.uriTooLong, "request line too long") }
                requestLine = line
                headerStart = feed + 1
                continue
            }
            if feed + 1 - headerStart > limits.maxHeaderBytes {
                return reject(.requestHeaderFieldsTooLarge, "header section too large")
            }
            if line.isEmpty { return finish(remainderFrom: feed + 1) }
            fieldLines.append(line)
            if fieldLines.count > limits.maxHeaderFields {
                return reject(.requestHeaderFieldsTooLarge, "too many header fields")
            }
        }
        scanned = buffer.count
        // The line still being read is refused as soon as it is over the limit (a CR may
        // still be waiting for its LF, hence the + 1).
        if requestLine == nil {
            if buffer.count - lineStart > limits.maxRequestLineBytes + 1 { return reject(.uriTooLong, "request line too long") }
        } else if buffer.count - headerStart > limits.maxHeaderBytes {
            return reject(.requestHeaderFieldsTooLarge, "header section too large")
        }
        return .needMore
    }

    private mutating func reject(_ status: HTTPStatusCode, _ reason: String) -> Outcome {
        finished = true
        buffer = []
        return .rejected(Rejection(status: status, reason: reason))
    }

    private mutating func finish(remainderFrom end: Int) -> Outcome {
        finished = true
        let outcome: Outcome
        do {
            outcome = .head(try makeHead(), remainder: Array(buffer[end...]))
        } catch let rejection as Rejection {
            outcome = .rejected(rejection)
        } catch {
            outcome = .rejected(Rejection(status: .badRequest, reason: "\(error)"))
        }
        buffer = []
        return outcome
    }

    // MARK: reading the lines

    private func makeHead() throws -> RequestHead {
        let (method, target, version) = try parseRequestLine(buffer[requestLine!])
        var headers = HTTPHeaders()
        for line in fieldLines {
            let (name, value) = try parseFieldLine(buffer[line])
            headers.addValue(value, for: HTTPHeader(name))
        }
        return RequestHead(method: method, version: version, target: target, headers: headers,
                           hasBody: try announcesBody(headers))
    }

    /// `method SP request-target SP HTTP-version` (RFC 9112 §3), the target in origin form.
    private func parseRequestLine(_ line: ArraySlice<UInt8>) throws -> (HTTPMethod, HTTPRequest.Target, HTTPVersion) {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte) else {
            throw Rejection(status: .badRequest, reason: "malformed request line")
        }
        // Printable ASCII only: no spaces, controls or raw non-ASCII (they are percent-encoded).
        guard parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
            throw Rejection(status: .badRequest, reason: "malformed request target")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        switch version {
        case "HTTP/1.1", "HTTP/1.0": break
        case _ where version.hasPrefix("HTTP/"): throw Rejection(status: .httpVersionNotSupported, reason: "unsupported version")
        default: throw Rejection(status: .badRequest, reason: "malformed HTTP version")
        }
        let target = String(decoding: parts[1], as: UTF8.self)
        let query = target.firstIndex(of: "?")
        return (HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)),
                HTTPRequest.Target(path: String(target[..<(query ?? target.endIndex)]),
                                   query: query.map { String(target[target.index(after: $0)...]) } ?? ""),
                HTTPVersion(rawValue: version))
    }

    /// `field-name ":" OWS field-value OWS` (RFC 9112 §5). Refused: whitespace before the
    /// colon and obsolete line folding (both request-smuggling vectors), and control
    /// characters (a lone CR included) in the value.
    private func parseFieldLine(_ line: ArraySlice<UInt8>) throws -> (String, String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line[..<colon].allSatisfy(Self.isTokenByte)
        else { throw Rejection(status: .badRequest, reason: "malformed header line") }
        var value = line[(colon + 1)...]
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7f) }) else {
            throw Rejection(status: .badRequest, reason: "control character in a header value")
        }
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        return (String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Whether a body follows the head. Conflicting framing is refused (RFC 9112 §6.3).
    private func announcesBody(_ headers: HTTPHeaders) throws -> Bool {
        let lengths = headers.values(for: .contentLength)
        if headers[.transferEncoding] != nil {
            guard lengths.isEmpty else {
                throw Rejection(status: .badRequest, reason: "both Content-Length and Transfer-Encoding")
            }
            return true
        }
        guard let first = lengths.first else { return false }
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
              first.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let length = Int(first)
        else { throw Rejection(status: .badRequest, reason: "invalid Content-Length") }
        return length > 0
    }

    /// `tchar` of RFC 9110 §5.6.2: the characters of methods and header names.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
