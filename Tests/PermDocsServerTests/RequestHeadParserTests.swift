import FlyingFox
import Foundation
import XCTest
@testable import PermDocsServer

final class RequestHeadParserTests: XCTestCase {
    private let limits = HTTPLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderFields: 4)

    private func parse(_ text: String, limits: HTTPLimits? = nil) -> RequestHeadParser.Outcome {
        var parser = RequestHeadParser(limits: limits ?? self.limits)
        return parser.append(Array(text.utf8))
    }

    private func status(_ text: String) -> Int? {
        if case .rejected(let rejection) = parse(text) { return rejection.status.code }
        return nil
    }

    func testReadsAHeadAndKeepsWhatFollows() throws {
        guard case .head(let head, let remainder) = parse("GET /a%20b?x=1 HTTP/1.1\r\nHost: h\r\nX-Two:  v 2 \t\r\nx-two: w\r\n\r\nGET /next") else {
            return XCTFail("no head")
        }
        XCTAssertEqual(head.method, .GET)
        XCTAssertEqual(head.version, .http11)
        XCTAssertEqual(head.target.path(percentEncoded: true), "/a%20b")
        XCTAssertEqual(head.target.query(percentEncoded: true), "x=1")
        XCTAssertEqual(head.headers[.host], "h")
        XCTAssertEqual(head.headers.values(for: HTTPHeader("x-two")), ["v 2", "w"], "names match in any case; values are trimmed")
        XCTAssertTrue(head.keepAlive)
        XCTAssertFalse(head.hasBody)
        XCTAssertEqual(String(decoding: remainder, as: UTF8.self), "GET /next")
    }

    func testBareLineFeedsAndConnectionTokens() {
        guard case .head(let head, _) = parse("\r\nHEAD / HTTP/1.0\nConnection: keep-alive\n\n") else { return XCTFail("no head") }
        XCTAssertEqual(head.method, .HEAD)
        XCTAssertTrue(head.keepAlive, "HTTP/1.0 keeps the connection only when asked")
        guard case .head(let closing, _) = parse("GET / HTTP/1.1\r\nConnection: Keep-Alive, close\r\n\r\n") else { return XCTFail("no head") }
        XCTAssertFalse(closing.keepAlive)
    }

    func testWaitsForTheRestOfTheHead() {
        var parser = RequestHeadParser(limits: limits)
        for piece in ["GE", "T / HTTP/1.1\r", "\nHost: h\r\n", "\r"] {
            guard case .needMore = parser.append(Array(piece.utf8)) else { return XCTFail("complete too early at \(piece.debugDescription)") }
        }
        guard case .head = parser.append(Array("\n".utf8)) else { return XCTFail("not complete") }
    }

    func testARequestLineOverTheLimitIs414BeforeItEnds() {
        let target = "/" + String(repeating: "a", count: 64 - "GET / HTTP/1.1".count)
        XCTAssertNil(status("GET \(target) HTTP/1.1\r\n\r\n"), "exactly at the limit is accepted")
        XCTAssertEqual(status("GET \(target)a HTTP/1.1\r\n\r\n"), 414)
        XCTAssertEqual(status("GET /" + String(repeating: "a", count: 100)), 414, "refused without waiting for the line's end")
    }

    func testHeadersOverTheLimitAre431BeforeTheyEnd() {
        XCTAssertEqual(status("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 200)), 431)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 130) + "\r\n\r\n"), 431)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n"), 431, "too many fields")
        XCTAssertNil(status("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n"))
    }

    func testMalformedHeadsAre400() {
        for text in ["GET / HTTP/1.1 extra\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET /\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n",
                     "GET http://x/ HTTP/1.1\r\n\r\n", "GET /\u{1}x HTTP/1.1\r\n\r\n", "GET / HTTX/1.1\r\n\r\n",
                     "GET / HTTP/1.1\r\nHost : h\r\n\r\n", "GET / HTTP/1.1\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
                     "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", "GET / HTTP/1.1\r\nX: a\u{0}b\r\n\r\n",
                     "GET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                     "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                     "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n"] {
            XCTAssertEqual(status(text), 400, text.debugDescription)
        }
        XCTAssertEqual(status("GET / HTTP/2.0\r\n\r\n"), 505)
    }

    func testABodyIsNoticed() {
        for (text, hasBody) in [("Content-Length: 0", false), ("Content-Length: 5", true), ("Transfer-Encoding: chunked", true)] {
            guard case .head(let head, _) = parse("POST / HTTP/1.1\r\n\(text)\r\n\r\n") else { return XCTFail(text) }
            XCTAssertEqual(head.hasBody, hasBody, text)
        }
    }

    /// The cost is linear in the bytes given, however they are split: a head at the default
    /// limits, given one byte at a time (each call resumes where the last stopped), and an
    /// oversized one given at once, which stops at the limit.
    func testParsingIsLinearInTheInput() {
        let limits = HTTPLimits()
        let line = "GET /" + String(repeating: "a", count: limits.maxRequestLineBytes - 20) + " HTTP/1.1\r\n"
        let header = "Cookie: " + String(repeating: "c", count: limits.maxHeaderBytes - 100) + "\r\n\r\n"
        let bytes = Array((line + header).utf8)
        let start = Date()
        var parser = RequestHeadParser(limits: limits)
        var outcome = RequestHeadParser.Outcome.needMore
        for byte in bytes { outcome = parser.append(CollectionOfOne(byte)) }
        guard case .head = outcome else { return XCTFail("the head at the limits was refused") }
        // 80 KiB one byte at a time: a quadratic reader makes ~3·10⁹ steps here.
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)

        // An endless line, arriving in 4 KiB reads as the server reads it: refused at the read
        // that passes the limit, so the rest is never looked at.
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
        var hugeParser = RequestHeadParser(limits: limits)
        var chunksRead = 0
        var hugeOutcome = hugeParser.append(Array("GET /".utf8))
        while case .needMore = hugeOutcome, chunksRead < 4096 {
            hugeOutcome = hugeParser.append(chunk)
            chunksRead += 1
        }
        guard case .rejected(let rejection) = hugeOutcome else { return XCTFail("not refused") }
        XCTAssertEqual(chunksRead, 4, "refused at the first read that passes the 16 KiB limit")
        XCTAssertEqual(rejection.status, .uriTooLong)
    }
}
