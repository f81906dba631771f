import Foundation
import XCTest
import PermDocsCore
import PermDocsPolicy
import PermDocsTestSupport

/// Seeded mutation fuzzing of the JSON reader and the policy parser
/// (`PERMDOCS_FUZZ_SECONDS`, `PERMDOCS_FUZZ_SEED`; see `Fuzz`).
final class PolicyFuzzTests: XCTestCase {
    static let handWritten: [String] = [
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:List*"],"Resource":"arn:aws:s3:::b/*"}]}"#,
        #"{"Effect":"Deny","NotAction":"iam:*","NotResource":["*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#,
        #"[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:root"]},"Action":"sts:AssumeRole"}]"#,
        #"{"Statement":{"Sid":"x","Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"},"Id":"k"}"#,
        #"{"a":[1,-2.5e10,true,false,null,"\u00e9\ud83d\ude00\n\t\"\\"],"b":{},"c":[]}"#,
        "[[[[[[[[[[]]]]]]]]]]", "\"\\ud800\"", "-0.0e-0", "", " ", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Action\":\"ec2:*\"}",
    ]

    func testJSONReaderAndPolicyParser() {
        let seeds = Self.handWritten.map { Array($0.utf8) } + Fuzz.fixtureJSONBlocks()
        Fuzz.run("policy", seeds: seeds, maxLength: 16 * 1024) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let count = text.unicodeScalars.count
            let node: JSONNode
            do {
                node = try JSONReader.parse(text)
            } catch let error as JSONSyntaxError {
                guard (0...count).contains(error.offset) else { throw Fuzz.Failure("syntax error offset \(error.offset) outside 0...\(count): \(error.message)") }
                return
            }
            try Self.checkOffsets(node, count: count)
            // What the writer prints reads back as the same value.
            let printed = JSONWriter.pretty(node)
            let reread: JSONNode
            do { reread = try JSONReader.parse(printed) } catch {
                throw Fuzz.Failure("JSONWriter.pretty output does not parse: \(error)\n  printed: \(String(reflecting: printed))")
            }
            guard Self.plain(reread) == Self.plain(node) else { throw Fuzz.Failure("JSONWriter.pretty output reads back differently\n  printed: \(String(reflecting: printed))") }
            let parser = PolicyParser(locate: { SourceLocation(file: "f.json", line: 1, column: $0 + 1) })
            if let policy = parser.policy(from: node) {
                for statement in policy.statements {
                    guard (1...(count + 1)).contains(statement.location.column) else {
                        throw Fuzz.Failure("statement located at column \(statement.location.column) outside 1...\(count + 1)")
                    }
                    _ = statement.meaning
                }
            }
        }
    }

    static func checkOffsets(_ node: JSONNode, count: Int) throws {
        guard (0..<max(count, 1)).contains(node.offset) else { throw Fuzz.Failure("node offset \(node.offset) outside 0..<\(count)") }
        switch node.value {
        case .object(let members):
            for m in members {
                guard (0..<count).contains(m.keyOffset) else { throw Fuzz.Failure("key offset \(m.keyOffset) outside 0..<\(count)") }
                try checkOffsets(m.value, count: count)
            }
        case .array(let elements):
            for e in elements { try checkOffsets(e, count: count) }
        default:
            break
        }
    }

    /// The value without positions.
    indirect enum Plain: Equatable {
        case object([(String, Plain)]), array([Plain]), string(String), number(String), bool(Bool), null
        static func == (a: Plain, b: Plain) -> Bool {
            switch (a, b) {
            case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            case let (.array(x), .array(y)): return x == y
            case let (.string(x), .string(y)): return x == y
            case let (.number(x), .number(y)): return x == y
            case let (.bool(x), .bool(y)): return x == y
            case (.null, .null): return true
            default: return false
            }
        }
    }

    static func plain(_ node: JSONNode) -> Plain {
        switch node.value {
        case .object(let m): return .object(m.map { ($0.key, plain($0.value)) })
        case .array(let e): return .array(e.map(plain))
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .null: return .null
        }
    }
}
