// swift-tools-version:6.0
import PackageDescription

/// `PERMDOCS_LIBFUZZER=1 swift build -c release --product permdocs-fuzz --scratch-path .build-libfuzzer`:
/// the parsers' targets and `permdocs-fuzz` instrumented for libFuzzer (see
/// Sources/permdocs-fuzz/Entry.swift). Per target, not `-Xswiftc`: the build's
/// host tools (the EmbedFiles plugin's) must link without libFuzzer.
let libFuzzer = Context.environment["PERMDOCS_LIBFUZZER"] == "1"
let fuzzed: [SwiftSetting] = libFuzzer ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("LIBFUZZER")] : []

let package = Package(
    name: "permdocs",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PermDocsCore", targets: ["PermDocsCore"]),
        .library(name: "PermDocsMarkdown", targets: ["PermDocsMarkdown"]),
        .library(name: "PermDocsPolicy", targets: ["PermDocsPolicy"]),
        .library(name: "PermDocsAnalysis", targets: ["PermDocsAnalysis"]),
        .library(name: "PermDocsSite", targets: ["PermDocsSite"]),
        .library(name: "PermDocsServer", targets: ["PermDocsServer"]),
        .library(name: "PermDocsCLI", targets: ["PermDocsCLI"]),
        .executable(name: "permdocs", targets: ["permdocs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        // `permdocs diff` runs `git` as a child process (an argument array, never a shell string).
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    // The libraries are layered so that SwiftPM enforces the pipeline's direction:
    //
    //   PermDocsCore ─┬─> PermDocsMarkdown ─┬─> PermDocsAnalysis ─> PermDocsSite ─> PermDocsServer ─> PermDocsCLI ─> permdocs
    //                 └─> PermDocsPolicy ───┘
    //
    // Core: positions, diagnostics, finding ids, content reading, output files, slugs, parallel map.
    // Markdown: cmark, template dialects, page structure, sanitizer, guide renderer (no policy knowledge).
    // Policy: JSON, the policy model, policy blocks, the action catalog, the checks and risk data.
    // Analysis: content loading, extraction, classification, the analyzer, cross-reference model, reports.
    // Site: site map, page rendering, exports, theme, the build and the atomic output writer.
    targets: [
        // cmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CMark",
            path: "Sources/CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "PermDocsCore",
            path: "Sources/PermDocsCore",
            swiftSettings: [.swiftLanguageMode(.v5)] + fuzzed
        ),
        .target(
            name: "PermDocsMarkdown",
            dependencies: ["PermDocsCore", "CMark"],
            path: "Sources/PermDocsMarkdown",
            swiftSettings: [.swiftLanguageMode(.v5)] + fuzzed
        ),
        // The catalog snapshot and the risk data are compiled in (EmbedFiles), not resources:
        // the executable then runs without a resource bundle beside it.
        .target(
            name: "PermDocsPolicy",
            dependencies: ["PermDocsCore"],
            path: "Sources/PermDocsPolicy",
            exclude: ["Catalog/Snapshot", "Findings/RiskData"],
            swiftSettings: [.swiftLanguageMode(.v5)] + fuzzed,
            plugins: ["EmbedFiles"]
        ),
        .target(
            name: "PermDocsAnalysis",
            dependencies: [
                "PermDocsCore", "PermDocsMarkdown", "PermDocsPolicy",
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/PermDocsAnalysis",
            swiftSettings: [.swiftLanguageMode(.v5)] + fuzzed
        ),
        .target(
            name: "PermDocsSite",
            dependencies: [
                "PermDocsCore", "PermDocsMarkdown", "PermDocsPolicy", "PermDocsAnalysis",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/PermDocsSite",
            swiftSettings: [.swiftLanguageMode(.v5)],
            // Themes/default, compiled in as the built-in theme.
            plugins: ["EmbedFiles"]
        ),
        // The development server lives apart so the site library does not depend on an HTTP server.
        .target(
            name: "PermDocsServer",
            dependencies: [
                "PermDocsCore", "PermDocsSite",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            path: "Sources/PermDocsServer"
        ),
        // The commands: argument parsing and calls into the libraries, testable apart from `main`.
        .target(
            name: "PermDocsCLI",
            dependencies: [
                "PermDocsCore", "PermDocsPolicy", "PermDocsAnalysis", "PermDocsSite", "PermDocsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            path: "Sources/PermDocsCLI",
            // Starter/: what `permdocs init` writes, compiled in (EmbedFiles).
            exclude: ["Starter"],
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: ["EmbedFiles"]
        ),
        .executableTarget(
            name: "permdocs",
            dependencies: ["PermDocsCLI"],
            path: "Sources/permdocs",
            swiftSettings: [.swiftLanguageMode(.v5)],
            // jemalloc (Debian's libjemalloc-dev) instead of glibc's malloc: a build
            // allocates millions of small objects on two threads; measured in
            // Benchmarks/README.md ("The allocator").
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // Writes a folder's files as Swift source; run by the EmbedFiles plugin at build time.
        .executableTarget(
            name: "permdocs-embed",
            path: "Sources/permdocs-embed",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["permdocs-embed"]
        ),
        // Phase timings in one process, cold and after an edit (Benchmarks/run).
        .executableTarget(
            name: "permdocs-bench",
            dependencies: ["PermDocsCore", "PermDocsAnalysis", "PermDocsSite", "PermDocsServer"],
            path: "Sources/permdocs-bench",
            swiftSettings: [.swiftLanguageMode(.v5)],
            // The allocator `permdocs` links, so in-process figures are serve's.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // The parsers under libFuzzer (see Sources/permdocs-fuzz/Entry.swift); a plain build replays saved inputs.
        .executableTarget(
            name: "permdocs-fuzz",
            dependencies: ["PermDocsCore", "PermDocsMarkdown", "PermDocsPolicy", "PermDocsAnalysis"],
            path: "Sources/permdocs-fuzz",
            swiftSettings: [.swiftLanguageMode(.v5)] + fuzzed,
            linkerSettings: libFuzzer ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []
        ),
        // Shared by the test targets: paths to ../shared, fixtures, in-memory builds.
        .target(
            name: "PermDocsTestSupport",
            dependencies: ["PermDocsCore", "PermDocsMarkdown", "PermDocsPolicy", "PermDocsAnalysis", "PermDocsSite"],
            path: "Tests/PermDocsTestSupport",
            resources: [.copy("Fixtures")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsCoreTests",
            dependencies: ["PermDocsCore"],
            path: "Tests/PermDocsCoreTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsMarkdownTests",
            dependencies: ["PermDocsMarkdown", "PermDocsCore", "PermDocsAnalysis", "PermDocsTestSupport"],
            path: "Tests/PermDocsMarkdownTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsPolicyTests",
            dependencies: ["PermDocsPolicy", "PermDocsCore", "PermDocsAnalysis", "PermDocsSite", "PermDocsTestSupport"],
            path: "Tests/PermDocsPolicyTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsAnalysisTests",
            dependencies: ["PermDocsAnalysis", "PermDocsCore", "PermDocsPolicy", "PermDocsSite", "PermDocsTestSupport"],
            path: "Tests/PermDocsAnalysisTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsSiteTests",
            dependencies: ["PermDocsSite", "PermDocsCore", "PermDocsPolicy", "PermDocsAnalysis", "PermDocsTestSupport"],
            path: "Tests/PermDocsSiteTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsServerTests",
            dependencies: ["PermDocsServer", "PermDocsCore", "PermDocsSite"],
            path: "Tests/PermDocsServerTests"
        ),
        .testTarget(
            name: "PermDocsCLITests",
            dependencies: ["PermDocsCLI", "PermDocsCore", "PermDocsAnalysis", "PermDocsSite", "PermDocsTestSupport"],
            path: "Tests/PermDocsCLITests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
