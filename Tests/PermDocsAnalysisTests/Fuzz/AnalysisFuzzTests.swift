import Foundation
import XCTest
import PermDocsAnalysis
import PermDocsCore
import PermDocsPolicy
import PermDocsTestSupport

/// Seeded mutation fuzzing of front matter and of one page's analysis
/// (`PERMDOCS_FUZZ_SECONDS`, `PERMDOCS_FUZZ_SEED`; see `Fuzz`).
final class AnalysisFuzzTests: XCTestCase {
    static let handWrittenPages: [String] = [
        "---\ntitle: T\nsource_url: https://example.com\n---\n# Setup\n\nAttach this policy:\n\n```json\n{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}\n```\n",
        "# Role\n\n| a | b |\n|---|---|\n| `{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}` | x |\n\n> ```json\n> {\"Effect\":\"Deny\",\"NotAction\":\"iam:*\"}\n> ```\n",
        "- step\n\n  ```\n  {\"Statement\": {\"Effect\": \"Allow\", \"Action\": [\"kms:Decrypt\"], \"Resource\": \"arn:aws:kms:*:*:key/*\"}}\n  ```\n\n<details><summary>x</summary>\n\n```json\n[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]\n```\n</details>\n",
        "{% highlight json %}\n{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}\n{% endhighlight %}\n\n{{< code >}}\n",
        "", "---\n---\n", "---\n", "```json\n{\n", "\r\n# t\r\n\r\n```json\r\n{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}\r\n```\r\n",
    ]

    static let handWrittenFrontMatter: [String] = [
        "---\ntitle: Hello\ntags: [a, b]\nsource_url: \"https://x\"\n---\nbody\n", "---\n---\n", "---\na: &x [1, *x]\n---\n",
        "---\n- a\n- b\n---\n", "---\nkey: |\n  multi\n  line\n...\nbody", "---\r\ntitle: x\r\n---\r\n", "---\n{a: {b: [c, {d: e}]}}\n---\n",
        "---\n!!binary abc: !!str x\n? complex\n: value\n---\n", "---\na: 'unclosed\n---\n", "---\n\t- tab\n---\n",
    ]

    static let tokens: [[UInt8]] = Mutator.defaultTokens + [
        "&a ", "*a", "!!str ", "? ", "- ", ": ", "|\n", ">-\n", "%YAML 1.2\n", "\n  ", "\n> ", "\n    ", "<details>", "</details>",
        "{% highlight json %}", "{% endhighlight %}", "\n```\n", "\n| x | y |\n|---|---|\n", "1. ", "[x]: ", "<!--",
    ].map { Array($0.utf8) }

    func testFrontMatter() {
        let seeds = Self.handWrittenFrontMatter.map { Array($0.utf8) } + Fuzz.fixtureSeeds().filter { $0.starts(with: Array("---".utf8)) }
        Fuzz.run("front matter", seeds: seeds, tokens: Self.tokens, maxLength: 16 * 1024) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let (frontMatter, body) = try FrontMatter.split(text, file: "p.md")
            let lines = SourceLines(text).lines.count
            let bodyLines = SourceLines(body).lines.count
            guard bodyLines == lines else { throw Fuzz.Failure("body has \(bodyLines) lines, the file \(lines)") }
            guard (0...lines).contains(frontMatter.lineCount) else { throw Fuzz.Failure("front matter lineCount \(frontMatter.lineCount) of \(lines) lines") }
        }
    }

    func testOnePageAnalysis() throws {
        _ = try PolicyChecker.bundled()  // read once, before the clock starts
        let seeds = Self.handWrittenPages.map { Array($0.utf8) } + Fuzz.fixtureSeeds()
        Fuzz.run("analysis", seeds: seeds, tokens: Self.tokens, maxLength: 16 * 1024) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let page: AnalyzedPage
            do { page = try TestSupport.analyze(text, path: "tools/t.md", checked: true) } catch is PermDocsError { return }
            let (lines, longest) = Self.measure(text)
            func check(_ location: SourceLocation, _ what: String) throws {
                guard location.file == "tools/t.md" else { return }
                guard (1...lines).contains(location.line), (1...(longest + 1)).contains(location.column) else {
                    throw Fuzz.Failure("\(what) at \(location.line):\(location.column), outside the file's \(lines) lines (longest \(longest) bytes)")
                }
            }
            for d in page.diagnostics {
                try check(d.location, "diagnostic \(d.id)")
            }
            for block in page.blocks {
                try check(block.location, "block \(block.anchor)")
                if let e = block.syntaxError { try check(e.location, "syntax error \(e.id)") }
                for s in block.policy?.statements ?? [] { try check(s.location, "statement of \(block.anchor)") }
            }
        }
    }

    /// Lines as cmark counts them (a line ends at "\n", "\r\n" or a lone "\r"; every
    /// position is counted that way, template tags included) and the longest line's
    /// UTF-8 length (at least its length in scalars, the unit of columns).
    static func measure(_ text: String) -> (lines: Int, longest: Int) {
        let lines = SourceLines(text).lines
        return (lines.count, lines.map(\.text.utf8.count).max() ?? 0)
    }
}
