import FlyingFox
import FlyingSocks
import Foundation
import PermDocsCore

/// Tells open pages that the site was rebuilt, or that a rebuild failed.
///
/// Server-sent events rather than a WebSocket: FlyingFox can stream a response body
/// (`HTTPBodySequence` over an async byte sequence, sent with chunked encoding as bytes
/// arrive), and the messages only ever go from server to page. SSE is plain HTTP, the
/// browser's `EventSource` reconnects by itself, and a test can read it from a socket.
///
/// Route `LiveReload.eventsPath` to this handler, and add `LiveReload.script` to served
/// pages (`StaticFileHandler.htmlSnippet`).
public final class LiveReload: HTTPHandler, @unchecked Sendable {
    /// What a page is told.
    public enum Event: Equatable, Sendable {
        /// The site was rebuilt; pages reload. The text is a summary of the build.
        case reload(String)
        /// A rebuild failed; pages show the message over the last good build.
        case buildError(String)
    }

    /// The path of the event stream, chosen so it cannot clash with a built file
    /// (permdocs writes no file whose name starts with `_`).
    public static let eventsPath = "/_permdocs/events"

    // Guards `clients`, `nextID` and `lastError`; handlers run on many tasks at once.
    private let lock = NSLock()
    private var clients: [Int: AsyncStream<Data>.Continuation] = [:]
    private var nextID = 0
    private var lastError: String?
    private var heartbeatTask: Task<Void, Never>?

    /// - Parameter heartbeat: how often an SSE comment is sent to every client. A client
    ///   that went away is noticed only when a write to it fails, so this bounds how long
    ///   its stream is kept.
    public init(heartbeat: Duration = .seconds(15)) {
        heartbeatTask = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                self?.yieldToAll(Data(": ping\n\n".utf8))
            }
        }
    }

    deinit {
        heartbeatTask?.cancel()
    }

    /// The number of pages listening now.
    public var clientCount: Int {
        lock.withLock { clients.count }
    }

    /// Sends an event to every listening page. A build error is also remembered and sent
    /// to pages that connect later (until the next reload), so a page opened while the
    /// build is broken shows why.
    public func send(_ event: Event) {
        lock.withLock {
            switch event {
            case .reload: lastError = nil
            case .buildError(let message): lastError = message
            }
        }
        yieldToAll(Self.encode(event))
    }

    /// Ends every event stream, so the server can stop without waiting for them.
    public func finish() {
        heartbeatTask?.cancel()
        let ending = lock.withLock {
            let ending = clients.values
            clients = [:]
            return ending
        }
        for client in ending { client.finish() }
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET else { return HTTPResponse(statusCode: .methodNotAllowed) }
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(64))
        // `retry` sets how soon EventSource reconnects after the server goes away.
        var greeting = "retry: 1000\n: connected\n\n"
        let id: Int = lock.withLock {
            if let lastError { greeting += String(decoding: Self.encode(.buildError(lastError)), as: UTF8.self) }
            defer { nextID += 1 }
            clients[nextID] = continuation
            return nextID
        }
        continuation.yield(Data(greeting.utf8))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.clients.removeValue(forKey: id) }
        }
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: HTTPBodySequence(from: EventStreamBody(events: stream)))
    }

    /// One event in the `text/event-stream` format; each line of the text becomes a `data:` line.
    static func encode(_ event: Event) -> Data {
        let (name, text): (String, String) = switch event {
        case .reload(let summary): ("reload", summary)
        case .buildError(let message): ("build-error", message)
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return Data(("event: \(name)\n" + lines.map { "data: \($0)\n" }.joined() + "\n").utf8)
    }

    private func yieldToAll(_ data: Data) {
        let targets = lock.withLock { Array(clients.values) }
        for client in targets { client.yield(data) }
    }

    /// The script added to served pages: listens for events, reloads keeping the scroll
    /// position, shows a build error over the page. It reconnects when the stream closes
    /// for good (EventSource itself retries only while the server answers).
    public static let script = """
        <script>
        (function () {
          "use strict";
          var key = "permdocs-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            if ("scrollRestoration" in history) history.scrollRestoration = "manual";
            addEventListener("load", function () { scrollTo(0, Number(saved) || 0); });
          }
          function showError(text) {
            var box = document.getElementById("permdocs-build-error");
            if (!box) {
              box = document.createElement("div");
              box.id = "permdocs-build-error";
              box.setAttribute("role", "alert");
              box.title = "Click to hide";
              box.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:60vh;overflow:auto;" +
                "padding:1em 1.5em;background:#fff3f3;color:#5c0000;border-bottom:3px solid #c00;" +
                "font:14px/1.4 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 2px 8px rgba(0,0,0,.3)";
              var title = document.createElement("strong");
              title.textContent = "Build failed \\u2014 showing the last good build";
              var pre = document.createElement("pre");
              pre.style.cssText = "margin:.5em 0 0;white-space:pre-wrap";
              box.appendChild(title);
              box.appendChild(pre);
              box.addEventListener("click", function () { box.remove(); });
              document.body.appendChild(box);
            }
            box.lastChild.textContent = text;
          }
          function connect() {
            var source = new EventSource("\(eventsPath)");
            source.addEventListener("reload", function () {
              sessionStorage.setItem(key, String(scrollY));
              var box = document.getElementById("permdocs-build-error");
              if (box) box.remove();
              location.reload();
            });
            source.addEventListener("build-error", function (event) { showError(event.data); });
            source.onerror = function () {
              if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
            };
          }
          connect();
        })();
        </script>

        """
}

/// The bytes of one event stream, as FlyingFox's chunked response body reads them.
private struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        var pending = ArraySlice<UInt8>()

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// Waits for the next event, then hands it out at most `count` bytes at a time.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let data = await events.next() else { return nil }
                pending = ArraySlice(data)
            }
            let chunk = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }
}
