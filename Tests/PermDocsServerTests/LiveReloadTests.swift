import Foundation
import XCTest
@testable import PermDocsServer

final class LiveReloadTests: XCTestCase {
    func testEachLineOfTheTextBecomesADataLine() {
        let encoded = String(decoding: LiveReload.encode(.buildError("a.md:1:1: error\nsecond\r\nthird")), as: UTF8.self)
        XCTAssertEqual(encoded, "event: build-error\ndata: a.md:1:1: error\ndata: second\ndata: third\n\n")
        XCTAssertEqual(String(decoding: LiveReload.encode(.reload("built")), as: UTF8.self), "event: reload\ndata: built\n\n")
    }

    func testTheScriptListensReloadsKeepingScrollAndShowsErrors() {
        let script = LiveReload.script
        XCTAssertTrue(script.hasPrefix("<script>") && script.hasSuffix("</script>\n"))
        XCTAssertTrue(script.contains("new EventSource(\"\(LiveReload.eventsPath)\")"))
        XCTAssertTrue(script.contains("addEventListener(\"reload\""))
        XCTAssertTrue(script.contains("addEventListener(\"build-error\""))
        XCTAssertTrue(script.contains("sessionStorage.setItem(key, String(scrollY))"), "scroll is saved before reloading")
        XCTAssertTrue(script.contains("scrollTo(0, Number(saved)"), "and restored after")
        XCTAssertTrue(script.contains("textContent = text"), "error text is shown as text, not markup")
    }

    func testAnErrorIsRememberedForPagesThatConnectLaterUntilTheNextReload() async throws {
        let live = LiveReload()
        defer { live.finish() }
        live.send(.buildError("broken"))
        let whileBroken = try await firstChunk(of: live)
        XCTAssertTrue(whileBroken.contains("event: build-error\ndata: broken\n"), whileBroken)
        live.send(.reload("fixed"))
        let afterFix = try await firstChunk(of: live)
        XCTAssertFalse(afterFix.contains("build-error"), afterFix)
    }

    /// What a newly connected page receives first.
    private func firstChunk(of live: LiveReload) async throws -> String {
        let response = try await live.handleRequest(.init(method: .GET, version: .http11, path: LiveReload.eventsPath,
                                                          query: [], headers: [:], body: Data()))
        XCTAssertEqual(response.headers[.contentType], "text/event-stream")
        guard case .httpBody(let body) = response.payload else { throw XCTSkip("not a body") }
        var iterator = body.makeAsyncIterator()
        return String(decoding: try await iterator.next() ?? Data(), as: UTF8.self)
    }
}
