import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import PermDocsSite

/// A minimal W3C WebDriver client for tests: starts Debian's `chromedriver`
/// on a free port, opens one headless Chromium session and speaks the
/// protocol's JSON over plain HTTP/1.1. Every request has a timeout, so
/// a stuck browser fails the test instead of hanging it.
final class WebDriver {
    static let chromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"]
    static let driverPaths = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
    /// The W3C key of an element reference.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    private let process: Process
    private let port: Int
    private var session: String = ""

    /// Starts chromedriver and a headless session, or throws `XCTSkip` (with
    /// a printed reason) when Chromium or chromedriver is not installed.
    init() throws {
        let fm = FileManager.default
        guard let chromium = Self.chromiumPaths.first(where: fm.isExecutableFile(atPath:)),
              let driver = Self.driverPaths.first(where: fm.isExecutableFile(atPath:)) else {
            print("note: skipping: chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)")
            throw XCTSkip("chromium/chromedriver not installed")
        }
        let port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: driver)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.port = port
        // Wait for the driver to listen (it takes well under a second).
        let deadline = Date().addingTimeInterval(15)
        var lastError: Error?
        while true {
            do { if (try request("GET", "/status", timeout: 2)["ready"] as? Bool) == true { break } } catch { lastError = error }
            if Date() > deadline { quit(); throw WebDriverError("chromedriver did not start on port \(port): \(String(describing: lastError))") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // Chromium as root in a container needs --no-sandbox; /dev/shm is often tiny there.
        let caps: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome", "pageLoadStrategy": "normal",
            "timeouts": ["pageLoad": 60_000, "script": 30_000],
            "goog:chromeOptions": ["binary": chromium, "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
            ]],
        ]]]
        do {
            let value = try request("POST", "/session", body: caps, timeout: 60)
            guard let id = value["sessionId"] as? String else { throw WebDriverError("no session id in \(value)") }
            session = id
        } catch {
            quit()
            throw error
        }
    }

    deinit { quit() }

    /// Ends the session and stops chromedriver (and with it the browser).
    func quit() {
        if !session.isEmpty { _ = try? request("DELETE", "/session/\(session)", timeout: 10); session = "" }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }

    func open(_ url: URL) throws { _ = try command("POST", "url", ["url": url.absoluteString], timeout: 90) }

    /// Runs `script` (a function body) in the page and returns its value.
    @discardableResult
    func execute(_ script: String, _ args: [Any] = []) throws -> Any? {
        try command("POST", "execute/sync", ["script": script, "args": args], timeout: 60)
    }

    /// The element reference for a CSS selector.
    func element(_ css: String) throws -> String {
        let value = try command("POST", "element", ["using": "css selector", "value": css])
        guard let ref = (value as? [String: Any])?[Self.elementKey] as? String else { throw WebDriverError("no element \(css): \(String(describing: value))") }
        return ref
    }

    func type(_ text: String, into element: String) throws { _ = try command("POST", "element/\(element)/value", ["text": text]) }
    func clear(_ element: String) throws { _ = try command("POST", "element/\(element)/clear", [:]) }

    /// Runs `source` in every document (and frame) the session opens from now
    /// on, before the document's own scripts (Chromium's DevTools command
    /// `Page.addScriptToEvaluateOnNewDocument`, through chromedriver).
    func addScriptToEveryDocument(_ source: String) throws {
        _ = try command("POST", "goog/cdp/execute", ["cmd": "Page.addScriptToEvaluateOnNewDocument", "params": ["source": source]])
    }

    /// The text of an open alert, confirm or prompt dialog (which is then
    /// dismissed), or nil when none is open.
    func dismissDialog() -> String? {
        guard let text = try? command("GET", "alert/text", nil) as? String else { return nil }
        _ = try? command("POST", "alert/dismiss", [:])
        return text
    }
    func click(_ element: String) throws { _ = try command("POST", "element/\(element)/click", [:]) }

    /// Lays pages out at `width` × `height` CSS pixels from now on. Through
    /// DevTools' device metrics, not the window: a headless window is never
    /// narrower than 500 px. Not a mobile emulation (no zooming out to fit),
    /// so a page wider than `width` scrolls sideways, as a phone would.
    func setViewport(width: Int, height: Int) throws {
        _ = try command("POST", "goog/cdp/execute", ["cmd": "Emulation.setDeviceMetricsOverride",
                                                     "params": ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false]])
    }

    /// Makes `prefers-color-scheme` match `dark` (or light) from now on, and
    /// with `print` lays pages out for paper (`@media print`; the page's
    /// `beforeprint` handlers do not run: dispatch the event to run them).
    func setColorScheme(dark: Bool, print: Bool = false) throws {
        _ = try command("POST", "goog/cdp/execute", ["cmd": "Emulation.setEmulatedMedia",
                                                     "params": ["media": print ? "print" : "",
                                                                "features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]]])
    }

    /// Polls `script` until it returns true, or fails after `timeout` seconds.
    func wait(until script: String, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while (try execute(script) as? Bool) != true {
            if Date() > deadline { throw WebDriverError("timed out waiting for: \(script)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?, timeout: TimeInterval = 30) throws -> Any? {
        try request(method, "/session/\(session)/\(path)", body: body, timeout: timeout)["__value"]
    }

    /// One protocol request; returns the response's `value` object (a
    /// non-object value under `__value` as well).
    @discardableResult
    private func request(_ method: String, _ path: String, body: [String: Any]? = nil, timeout: TimeInterval) throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let data = try Self.http(method, port: port, path: path, body: payload, timeout: timeout)
        let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any] ?? [:]
        let value = json["value"]
        if let v = value as? [String: Any], let error = v["error"] as? String {
            throw WebDriverError("\(method) \(path): \(error): \(v["message"] as? String ?? "")")
        }
        var out = value as? [String: Any] ?? [:]
        out["__value"] = value
        return out
    }

    /// One HTTP/1.1 exchange over a plain socket, `Connection: close`, body
    /// read to the end. Not URLSession: chromedriver writes headers without a
    /// space after the colon, which FoundationNetworking's curl rejects
    /// ("Failed writing header"). Gives up after `timeout` seconds.
    static func http(_ method: String, port: Int, path: String, body: Data, timeout: TimeInterval) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriverError("socket() failed") }
        defer { close(fd) }
        var tv = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw WebDriverError("cannot connect to chromedriver on port \(port)") }
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        request.append(body)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { throw WebDriverError("short write to chromedriver") }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(timeout)
        // Read until the body is as long as Content-Length says (chromedriver keeps the connection open), or EOF.
        func complete() -> Data? {
            guard let split = received.range(of: Data("\r\n\r\n".utf8)) else { return nil }
            let head = String(decoding: received[..<split.lowerBound], as: UTF8.self).lowercased()
            guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                  let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
            let body = received[split.upperBound...]
            return body.count >= length ? Data(body.prefix(length)) : nil
        }
        while true {
            if let body = complete() { return body }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { received.append(contentsOf: buffer[0..<n]); continue }
            if n == 0 { break }
            if Date() > deadline { throw WebDriverError("\(method) \(path) timed out after \(Int(timeout)) s") }
        }
        if let body = complete() { return body }
        guard let split = received.range(of: Data("\r\n\r\n".utf8)) else { throw WebDriverError("no HTTP response from chromedriver") }
        return Data(received[split.upperBound...])
    }

    /// A TCP port nothing listens on now (bound, read, released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriverError("socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw WebDriverError("bind() failed") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

struct WebDriverError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
