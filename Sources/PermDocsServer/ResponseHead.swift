import FlyingFox
import Foundation

/// The status line and headers of a response, as bytes on the wire.
///
/// FlyingFox's encoder is internal to it, so `BoundedHTTPServer` frames responses here,
/// the same way: `Content-Length` when the body's size is known, else chunked encoding
/// (FlyingFox's `HTTPBodySequence` already hands out a body of unknown size chunk-encoded).
enum ResponseHead {
    /// - Parameter close: adds `Connection: close`, telling the client this is the last answer.
    static func encode(_ response: HTTPResponse, bodyCount: Int?, close: Bool) -> Data {
        var headers = response.headers
        if headers[.contentLength] == nil, headers[.transferEncoding] == nil {
            if let bodyCount {
                headers[.contentLength] = String(bodyCount)
            } else {
                headers[.transferEncoding] = "chunked"
            }
        }
        if close { headers[.connection] = "close" }
        var text = "\(response.version.rawValue) \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        // Sorted so the same response always has the same bytes.
        for (name, value) in headers.sorted(by: { ($0.key.rawValue, $0.value) < ($1.key.rawValue, $1.value) }) {
            // A line break in a value would let it forge headers or a body: never sent.
            let safe = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
            text += "\(name.rawValue): \(safe)\r\n"
        }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// A complete answer with a short plain-text body, for requests refused before any
    /// handler sees them.
    static func refusal(_ status: HTTPStatusCode, extraHeaders: HTTPHeaders = [:]) -> Data {
        let body = Data("\(status.code) \(status.phrase)\n".utf8)
        var headers = extraHeaders
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let response = HTTPResponse(statusCode: status, headers: headers, body: body)
        return encode(response, bodyCount: body.count, close: true) + body
    }
}
