import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A seeded mutation-fuzz loop shared by the parsers' fuzz tests.
///
/// Each target mutates a pool of seed inputs (fixtures and hand-written
/// snippets) with byte flips, insertions of interesting tokens, splices,
/// truncations and long runs, and runs its parser on every mutant for
/// `PERMDOCS_FUZZ_SECONDS` seconds (default 5). The sequence of inputs depends
/// only on the seed (`PERMDOCS_FUZZ_SEED`, random unless given, always printed),
/// so a failure is replayed by running again with the printed seed: the same
/// inputs come in the same order. A crash (a trap or a fault) and a hang (an
/// input still running after the watchdog's limit) print the target, seed,
/// iteration and the input's bytes in hex before the process ends; an input
/// that finishes but takes longer than `perInputLimit` fails the test.
public enum Fuzz {
    /// Seconds per target: `PERMDOCS_FUZZ_SECONDS`, 5 unless given.
    public static var seconds: Double {
        ProcessInfo.processInfo.environment["PERMDOCS_FUZZ_SECONDS"].flatMap(Double.init) ?? 5
    }

    /// The seed: `PERMDOCS_FUZZ_SEED` (decimal or 0x hex), a fresh random one unless given.
    public static var seed: UInt64 {
        guard let text = ProcessInfo.processInfo.environment["PERMDOCS_FUZZ_SEED"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return UInt64.random(in: 1...UInt64.max)
        }
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? 1 }
        return UInt64(text) ?? 1
    }

    /// Every fixture under `Tests/PermDocsTestSupport/Fixtures`, as bytes, in path order.
    public static func fixtureSeeds() -> [[UInt8]] {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
              let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where !url.hasDirectoryPath { files.append(url) }
        return files.sorted { $0.path < $1.path }.compactMap { try? Array(Data(contentsOf: $0)) }
    }

    /// The ```json fenced blocks of the fixtures (the policy parser's seeds).
    public static func fixtureJSONBlocks() -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        for file in fixtureSeeds() {
            let lines = String(decoding: file, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            var current: [Substring]?
            for line in lines {
                let t = line.trimmingCharacters(in: .whitespaces)
                if current == nil, t.hasPrefix("```json") || t.hasPrefix("~~~json") {
                    current = []
                } else if current != nil, t.hasPrefix("```") || t.hasPrefix("~~~") {
                    blocks.append(Array(current!.joined(separator: "\n").utf8))
                    current = nil
                } else if current != nil {
                    current!.append(line)
                }
            }
        }
        return blocks
    }

    public struct Report {
        public var target: String
        public var seed: UInt64
        public var executions: Int
        public var seconds: Double
        public var slowest: Double
    }

    /// Runs `body` on mutants of `seeds` for `seconds`, failing the test on a
    /// thrown `Fuzz.Failure` or an input slower than `perInputLimit`; other
    /// errors thrown by `body` are the parser's ordinary rejections and ignored.
    @discardableResult
    public static func run(_ target: String, seeds: [[UInt8]], tokens: [[UInt8]] = Mutator.defaultTokens,
                           maxLength: Int = 64 * 1024, seconds: Double = Fuzz.seconds, seed: UInt64 = Fuzz.seed,
                           perInputLimit: Double = 2, file: StaticString = #filePath, line: UInt = #line,
                           _ body: ([UInt8]) throws -> Void) -> Report {
        print("fuzz \(target): seed \(seed) (replay with PERMDOCS_FUZZ_SEED=\(seed)), \(seconds) s")
        var mutator = Mutator(seed: seed, seeds: seeds.isEmpty ? [[]] : seeds, tokens: tokens, maxLength: maxLength)
        let watchdog = Watchdog.shared
        watchdog.arm(target: target, seed: seed, limit: max(perInputLimit * 5, 10))
        defer { watchdog.disarm() }
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        var executions = 0
        var slowest = 0.0
        var failures = 0
        // The seeds themselves first, then mutants until the time is up.
        while true {
            let input = executions < mutator.pool.count ? mutator.pool[executions] : mutator.next()
            watchdog.begin(input, iteration: executions)
            let t0 = DispatchTime.now().uptimeNanoseconds
            do {
                try body(input)
            } catch let failure as Failure {
                failures += 1
                XCTFail("fuzz \(target): \(failure.message)\n  seed \(seed) iteration \(executions); replay with PERMDOCS_FUZZ_SEED=\(seed)\n  input (\(input.count) bytes): \(describe(input))", file: file, line: line)
            } catch {}
            let t1 = DispatchTime.now().uptimeNanoseconds
            watchdog.end()
            let elapsed = Double(t1 - t0) / 1e9
            if elapsed > slowest { slowest = elapsed }
            if elapsed > perInputLimit {
                failures += 1
                XCTFail("fuzz \(target): input took \(String(format: "%.2f", elapsed)) s (limit \(perInputLimit) s)\n  seed \(seed) iteration \(executions); replay with PERMDOCS_FUZZ_SEED=\(seed)\n  input (\(input.count) bytes): \(describe(input))", file: file, line: line)
            }
            executions += 1
            if failures >= 5 || t1 >= deadline { break }
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("fuzz \(target): \(executions) executions in \(String(format: "%.1f", total)) s, slowest input \(String(format: "%.3f", slowest)) s, seed \(seed)")
        return Report(target: target, seed: seed, executions: executions, seconds: total, slowest: slowest)
    }

    /// A broken invariant, thrown by a target's body.
    public struct Failure: Error {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// The input as a Swift-ish string literal when short, else its length and hex.
    public static func describe(_ input: [UInt8]) -> String {
        if input.count <= 2048, let s = String(bytes: input, encoding: .utf8) { return String(reflecting: s) }
        return "hex " + input.prefix(8192).map { String(format: "%02x", $0) }.joined() + (input.count > 8192 ? "…" : "")
    }
}

/// A deterministic PRNG (SplitMix64).
public struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Mutates byte strings; deterministic for a seed.
public struct Mutator {
    public static let defaultTokens: [[UInt8]] = [
        "{", "}", "[", "]", "\"", "\\", "*", "&", "<", ">", "---", "---\n", "\n---\n", "...\n", ":", ",", "\n", "\r\n", "\r",
        "\t", " ", "`", "```", "```json\n", "~~~", "#", "|", "-", "!", "'", "=", "/", "\\u", "\\u0000", "\\ud800", "&#", "&#x",
        "&amp;", "&lt;", "&colon;", "<!--", "-->", "<![CDATA[", "]]>", "{{", "}}", "{%", "%}", "<script>", "</script>",
        "javascript:", "onerror=", "<a href=", "<img src=", "\"Action\":", "\"Effect\": \"Allow\"", "\"Statement\": [",
        "\"Resource\": \"*\"", "s3:*", "arn:aws:", "\"Condition\": {", "1e999", "-0", "true", "null", "&&", "*&",
    ].map { Array($0.utf8) } + [[0], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF]]

    public private(set) var pool: [[UInt8]]
    let seedCount: Int
    var tokens: [[UInt8]]
    var maxLength: Int
    public var random: FuzzRandom

    public init(seed: UInt64, seeds: [[UInt8]], tokens: [[UInt8]] = Mutator.defaultTokens, maxLength: Int = 64 * 1024) {
        random = FuzzRandom(seed: seed)
        pool = seeds
        seedCount = seeds.count
        self.tokens = tokens
        self.maxLength = maxLength
    }

    /// The next input: one to eight mutations of a pool entry. Some mutants
    /// join the pool (a bounded ring after the seeds), so mutations stack.
    public mutating func next() -> [UInt8] {
        var input = pool[random.below(pool.count)]
        for _ in 0...random.below(8) { mutate(&input) }
        if input.count > maxLength { input.removeLast(input.count - maxLength) }
        if random.below(16) == 0 {
            if pool.count < seedCount + 256 { pool.append(input) } else { pool[seedCount + random.below(256)] = input }
        }
        return input
    }

    public mutating func mutate(_ b: inout [UInt8]) {
        let at = { (r: inout FuzzRandom, n: Int) in r.below(n + 1) }
        switch random.below(11) {
        case 0 where !b.isEmpty:  // flip a bit
            let i = random.below(b.count); b[i] ^= 1 << UInt8(random.below(8))
        case 1 where !b.isEmpty:  // set a random byte
            b[random.below(b.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2, 3:  // insert a token
            b.insert(contentsOf: tokens[random.below(tokens.count)], at: at(&random, b.count))
        case 4 where !b.isEmpty:  // delete a range
            let i = random.below(b.count); b.removeSubrange(i..<min(b.count, i + 1 + random.below(16)))
        case 5 where !b.isEmpty:  // truncate
            b.removeSubrange(random.below(b.count)...)
        case 6:  // splice in part of another input
            let other = pool[random.below(pool.count)]
            guard !other.isEmpty else { break }
            let i = random.below(other.count), j = min(other.count, i + 1 + random.below(256))
            if random.below(2) == 0 || b.isEmpty {
                b.insert(contentsOf: other[i..<j], at: at(&random, b.count))
            } else {
                let k = random.below(b.count); b.replaceSubrange(k..<min(b.count, k + j - i), with: other[i..<j])
            }
        case 7:  // a long run of one token (deep nesting, long lines)
            let token = tokens[random.below(tokens.count)]
            let n = [16, 100, 300, 1000, 5000][random.below(5)]
            let run = Array([[UInt8]](repeating: token, count: min(n, max(1, maxLength / max(1, token.count)))).joined())
            b.insert(contentsOf: run, at: at(&random, b.count))
        case 8 where b.count > 1:  // duplicate a range
            let i = random.below(b.count), j = min(b.count, i + 1 + random.below(64))
            b.insert(contentsOf: b[i..<j], at: at(&random, b.count))
        case 9 where !b.isEmpty:  // swap two bytes
            b.swapAt(random.below(b.count), random.below(b.count))
        default:  // insert an interesting byte
            b.insert([0, 0xFF, 0x80, 0x0A, 0x0D, 0x22, 0x5C, 0x3C, 0x7B, 0x5B][random.below(10)], at: at(&random, b.count))
        }
    }
}

// MARK: - Reporting a crash or a hang

/// The input being run, kept where a signal handler can print it, and a thread
/// that ends the process when one input runs past the limit.
final class Watchdog {
    static let shared = Watchdog()
    static var previous: UnsafeMutablePointer<sigaction>!

    private let capacity = 256 * 1024
    private let buffer: UnsafeMutablePointer<UInt8>
    private let header: UnsafeMutablePointer<UInt8>
    /// Preallocated, so the signal handler does not allocate.
    private let scratch: UnsafeMutablePointer<UInt8>
    private var length = 0
    private var headerLength = 0
    private let lock = NSLock()
    private var started: UInt64 = 0
    private var limit: Double = 10
    private var armed = false

    private init() {
        buffer = .allocate(capacity: capacity)
        header = .allocate(capacity: 512)
        scratch = .allocate(capacity: 256)
        // Print the input, then hand the signal to the handler installed before
        // (Swift's backtracer), so the backtrace is still printed.
        Watchdog.previous = .allocate(capacity: 65)
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { sig in Watchdog.dump(reason: "crash (signal)"); sigaction(sig, Watchdog.previous + Int(sig), nil); raise(sig) }
            #else
            action.__sigaction_u.__sa_handler = { sig in Watchdog.dump(reason: "crash (signal)"); sigaction(sig, Watchdog.previous + Int(sig), nil); raise(sig) }
            #endif
            sigaction(sig, &action, Watchdog.previous + Int(sig))
        }
        let thread = Thread { [unowned self] in self.watch() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    func arm(target: String, seed: UInt64, limit: Double) {
        lock.lock(); defer { lock.unlock() }
        let text = Array("\nfuzz \(target): seed \(seed) (replay with PERMDOCS_FUZZ_SEED=\(seed)), iteration ".utf8).prefix(480)
        header.update(from: Array(text), count: text.count)
        headerLength = text.count
        self.limit = limit
        armed = true
    }

    func disarm() { lock.lock(); armed = false; started = 0; lock.unlock() }

    private var iteration = 0
    func begin(_ input: [UInt8], iteration: Int) {
        lock.lock()
        let n = min(input.count, capacity)
        input.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: n) }
        length = input.count
        self.iteration = iteration
        started = DispatchTime.now().uptimeNanoseconds
        lock.unlock()
    }

    func end() { lock.lock(); started = 0; lock.unlock() }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            lock.lock()
            let hung = armed && started != 0 && Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 > limit
            lock.unlock()
            if hung {
                Watchdog.dump(reason: "hang (an input ran past the watchdog limit)")
                _exit(3)
            }
        }
    }

    /// Writes the target, seed, iteration and input in hex to stderr with write(2) only.
    static func dump(reason: StaticString) {
        let w = shared
        func put(_ p: UnsafePointer<UInt8>, _ n: Int) { _ = write(2, p, n) }
        reason.withUTF8Buffer { put($0.baseAddress!, $0.count) }
        put(w.header, w.headerLength)
        let digits = w.scratch + 128
        var i = w.iteration, k = 24
        repeat { k -= 1; digits[k] = UInt8(48 + i % 10); i /= 10 } while i > 0 && k > 0
        put(digits + k, 24 - k)
        let hex: StaticString = "0123456789abcdef"
        let label: StaticString = "\ninput hex: "
        label.withUTF8Buffer { put($0.baseAddress!, $0.count) }
        hex.withUTF8Buffer { h in
            let line = w.scratch
            var j = 0
            for idx in 0..<min(w.length, w.capacity) {
                let b = w.buffer[idx]
                line[j] = h[Int(b >> 4)]; line[j + 1] = h[Int(b & 15)]; j += 2
                if j == 128 { put(line, 128); j = 0 }
            }
            if j > 0 { put(line, j) }
        }
        let nl: StaticString = "\n"
        nl.withUTF8Buffer { put($0.baseAddress!, $0.count) }
    }
}
